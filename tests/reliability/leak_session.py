"""The part of the leak-scan session that has no command, run in the session's environment:
``python -m tests.reliability.leak_session CFG.json``.

Journal entry, correction and felmarkering; a text document; search; reveal. Markers come
from the config; every value that carries one is personal data in the test's eyes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def main() -> None:
    cfg: dict[str, Any] = json.loads(Path(sys.argv[1]).read_text())
    m: dict[str, str] = cfg["markers"]
    from storage.casefile import (
        documents,
        journal,
        search,
    )
    from storage.casefile.protection import (
        RevealField,
        reveal,
    )
    from storage.vault.opening import unlock_store

    store = unlock_store(Path(cfg["store"]), cfg["passphrase"], actor="Handläggare Leak")
    with store:
        case_id = int(cfg["case_id"])
        entry = journal.add_journal_entry(store, case_id, f"Samtal om {m['journal2']} idag.")
        fixed = journal.correct_journal_entry(
            store, entry, f"Samtal om {m['correction']} idag.", "fel namn på platsen"
        )
        journal.mark_journal_erroneous(store, fixed, "fel ärende")
        doc = f"Utredning\n{m['document2']}\nSlut\n".encode()
        documents.add_document(store, case_id, title="Utredning", filename="u.txt", content=doc)
        hits = search.search(store, m["surname"])
        assert [h.case_id for h in hits] == [case_id], hits
        assert reveal(store, case_id, RevealField.ADDRESS, "kontroll av placering")
    print("session done")


if __name__ == "__main__":
    main()
