"""The stores and files the fault-injection sweep starts from (tests/reliability/
test_fault_injection.py), built once through the API and copied for every kill.

- ``a`` — Malmö, the sender: two cases for Lund (consent, status genomförande, journal, a
  document of some 150 KB so that a bundle is several age chunks); the first was exported
  as ``bundle`` and awaits its receipt, the second is ready to be exported;
- ``b`` — Lund, the receiver: has not seen ``bundle``;
- ``receipt`` — Lund's "accepted" receipt for ``bundle`` (made on a throw-away copy of b).

Stores have no device secret and the minimum KDF (a kill test opens them hundreds of
times); everything is fictional and seeded.
"""

from __future__ import annotations

import base64
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

from storage.case_import import reader as case_import
from storage.vault.crypto import KdfParams
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
)
from sync.handover.importing import (
    accept_import,
    preview_import,
)
from sync.trust import identity
from tests.test_bundle_support import link

PASS = "fault injection passphrase (fictional)"
WORDS = "samtal boende stöd plan uppföljning kontakt insats vecka möte beslut".split()


@dataclass(frozen=True)
class FaultWorld:
    root: Path
    a: Path
    b: Path
    bundle: Path
    receipt: Path
    export_case: str
    passfile: Path
    card: bytes  # a's contact card, as export-card writes it


def _document(seed: int) -> str:
    rng = random.Random(seed)
    text = "\n".join(
        " ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(2400)
    )  # ~150 KB of fictional notes
    return base64.b64encode(text.encode()).decode()


def _cases(seed: int) -> dict[str, object]:
    return {
        "format": "utvag-case-import",
        "version": 1,
        "cases": [
            {
                "case_number": f"UV-2024-{7100 + n}",
                "case_type": "defector",
                "status": "implementation",
                "home_municipality": "Malmö",
                "opened_on": "2024-02-01",
                "person": {"name": f"Fiktiv Person {n}", "birth_year": 1991},
                "consents": [
                    {
                        "agencies": ["Polisen"],
                        "municipalities": ["Malmö", "Lund"],
                        "signed_on": "2024-02-02",
                        "expires_on": "2099-01-01",
                    }
                ],
                "journal": [
                    {"author": "Anna", "written_at": "2024-02-03T09:00:00Z", "text": "Samtal"}
                ],
                "documents": [
                    {
                        "title": "Genomförandeplan",
                        "filename": "plan.txt",
                        "content_base64": _document(seed + n),
                    }
                ],
            }
            for n in range(2)
        ],
    }


def build(root: Path, seed: int) -> FaultWorld:
    root.mkdir(parents=True, exist_ok=True)
    kdf = KdfParams.minimum()
    a, _ = create_store(root / "a", PASS, actor="Anna", use_device_key=False, kdf=kdf)
    b, _ = create_store(root / "b", PASS, actor="Bertil", use_device_key=False, kdf=kdf)
    with a, b:
        identity.ensure_identity(a, "Malmö", "Exit Malmö", "Anna Andersson")
        identity.ensure_identity(b, "Lund", "Avhopparverksamheten", "Bertil Berg")
        lund, _ = link(a, b)
        first, _second = case_import.import_cases(a, _cases(seed))
        bundle = root / "h.utvag"
        export_handover(a, ExportRequest(first, lund), bundle)
        card = identity.current_keys(a).card
    scratch = root / "b-scratch"
    shutil.copytree(root / "b", scratch)
    receipt = root / "h-kvitto.utvag"
    with unlock_store(scratch, PASS, actor="Bertil") as copy:
        accept_import(copy, preview_import(copy, bundle), receipt_out=receipt)
    shutil.rmtree(scratch)
    passfile = root / "pass"
    passfile.write_text(PASS + "\n")
    return FaultWorld(root, root / "a", root / "b", bundle, receipt, "UV-2024-7101", passfile, card)
