"""Leak scan for documents and extracts: a PDF and a text document whose bytes carry markers
are indexed, searched, opened in the viewer (pages rendered, zoomed), printed through
QPrinter to PDF files, and an extract with the protected name included is saved and printed
(tests/reliability/leak_documents.py, in a new process whose HOME, TMPDIR and XDG folders
are private). Then every file in the session folder and every file changed since the start
in /tmp, /var/tmp and /dev/shm is searched for the markers (UTF-8, UTF-16, base64,
case-folded): zero hits.

Named exclusions: none. The printed and saved PDFs in the user's folder are scanned like
everything else: printed documents are pictures of the pages, and Qt's PDF keeps text as
compressed glyph codes, so no marker may appear there as bytes either. A positive control
proves the scanner sees the markers in the uncompressed source PDF.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from tests.pdf_fixtures import make_pdf
from tests.reliability import support
from tests.reliability.test_leak_scan import (
    SYSTEM_TEMP,
    changed_since,
    files_under,
    scan,
    scan_text,
)


def markers(seed: int) -> dict[str, str]:
    rng = random.Random(seed)

    def word() -> str:
        return "Q" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(19))

    m = {k: word() for k in ("first", "surname", "journal", "pdf", "pdf2", "text")}
    m["name"] = f"{m['first'].capitalize()} {m['surname'].capitalize()}"
    return m


def test_viewing_printing_and_extracts_leave_no_plaintext(tmp_path: Path) -> None:
    m = markers(support.seed_for("leak-documents"))
    session = tmp_path / "session"
    dirs = {n: session / n for n in ("home", "tmp", "config", "data", "cache", "state", "user")}
    for d in dirs.values():
        d.mkdir(parents=True, mode=0o700)
    env = support.child_env(
        HOME=str(dirs["home"]),
        TMPDIR=str(dirs["tmp"]),
        XDG_CONFIG_HOME=str(dirs["config"]),
        XDG_DATA_HOME=str(dirs["data"]),
        XDG_CACHE_HOME=str(dirs["cache"]),
        XDG_STATE_HOME=str(dirs["state"]),
        XDG_RUNTIME_DIR=str(dirs["state"]),
    )
    store = dirs["data"] / "Utvag" / "store"
    cfg = dirs["user"] / "session.json"
    cfg.write_text(
        json.dumps(
            {
                "store": str(store),
                "passphrase": "leak documents 1",
                "markers": m,
                "user": str(dirs["user"]),
            }
        )
    )
    start = time.time() - 1
    proc = support.run_python_module("tests.reliability.leak_documents", str(cfg), env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    printed = sorted(p.name for p in dirs["user"].glob("*.pdf"))
    assert printed == ["printed-pdf.pdf", "printed-txt.pdf", "utdrag-printed.pdf", "utdrag.pdf"]
    files = files_under(session)
    hits = scan(files, m, {cfg})
    hits += scan(changed_since(start, SYSTEM_TEMP, session), m, set())
    hits += [f"stderr: {h}" for h in scan_text(proc.stderr, m)]
    support.record("leak-documents", files_scanned=len(files), hits=len(hits))
    assert not hits, "\n".join(hits)
    source = tmp_path / "source.pdf"  # positive control: the scanner sees the PDF's markers
    source.write_bytes(make_pdf([[f"Uppgift om {m['pdf']}"]]))
    assert scan([source], m, set())
