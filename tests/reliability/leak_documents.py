"""The document and extract part of the leak scan, run in the session's environment (private
HOME, TMPDIR, XDG folders): ``python -m tests.reliability.leak_documents CFG.json``.

A store (passphrase only) with a case whose name, journal, a PDF document and a text
document carry markers; the PDF is indexed and searched; both documents are opened in the
real viewer (pages rendered, text shown) and printed through QPrinter in PDF mode to a file
in the user's folder; an extract with the name included is saved as PDF and printed the same
way; then the store is closed. The test scans every file afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    cfg: dict[str, Any] = json.loads(Path(sys.argv[1]).read_text())
    m: dict[str, str] = cfg["markers"]
    user = Path(cfg["user"])
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication, QWidget

    from storage.casefile import cases, documents, journal, persons, search
    from storage.extract.build import build_extract, review_items
    from storage.extract.model import SECTIONS, Choice, Decision, ExtractRequest
    from storage.extract.output import record_print, save_extract
    from storage.vault.crypto import KdfParams
    from storage.vault.opening import create_store
    from tests.pdf_fixtures import make_pdf
    from ui.extract.render import print_to, render_pdf
    from ui.viewer.document_viewer import DocumentViewer, paint_document

    app = QApplication(["leak-documents", "-platform", "offscreen"])

    def printer(name: str) -> QPrinter:
        out = QPrinter(QPrinter.PrinterMode.HighResolution)
        out.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out.setOutputFileName(str(user / name))
        return out

    store, _ = create_store(
        Path(cfg["store"]),
        cfg["passphrase"],
        actor="Handläggare Leak",
        use_device_key=False,
        kdf=KdfParams.minimum(),
    )
    with store:
        case_id = cases.create_case(store, case_type="defector", home_municipality="Malmö")
        persons.add_person(store, case_id, name=m["name"], protection_level="none")
        journal.add_journal_entry(store, case_id, f"Samtal om {m['journal']}.")
        pdf = make_pdf([["Promemoria", f"Uppgift om {m['pdf']}"], [f"Sida två {m['pdf2']}"]])
        pdf_id = documents.add_document(store, case_id, title="PM", filename="pm.pdf", content=pdf)
        text = f"Anteckning\n{m['text']}\n".encode("cp1252")
        text_id = documents.add_document(
            store, case_id, title="Anteckning", filename="a.txt", content=text
        )
        assert [h.case_id for h in search.search(store, m["pdf2"])] == [case_id]
        holder = QWidget()
        for doc_id, media, name in (
            (pdf_id, "application/pdf", "pdf"),
            (text_id, "text/plain", "txt"),
        ):
            content = documents.document_content(store, doc_id, "open")
            viewer = DocumentViewer("Handling", media, content, holder)
            viewer.show()
            app.processEvents()
            if viewer.pages is not None:
                viewer.go(1)
                viewer.step_zoom(1)
            printed = documents.document_content(store, doc_id, "print")
            paint_document(printer(f"printed-{name}.pdf"), media, printed)
            viewer.close()
            viewer.release()
            app.processEvents()
        request = ExtractRequest(
            case_ids=(case_id,),
            sections=tuple(SECTIONS),
            recipient="Den enskilde",
            reason="Partsinsyn",
        )
        subject = next(i.key for i in review_items(store, request) if i.kind == "subject_identity")
        request = ExtractRequest(
            case_ids=(case_id,),
            sections=tuple(SECTIONS),
            recipient="Den enskilde",
            reason="Partsinsyn",
            choices={subject: Choice(Decision.INCLUDE)},
        )
        extract = build_extract(store, request)
        save_extract(store, extract, render_pdf(extract), user / "utdrag.pdf")
        record_print(store, extract, print_to(printer("utdrag-printed.pdf"), extract))
    app.quit()
    print(json.dumps({"ok": True}))


if __name__ == "__main__":
    main()
