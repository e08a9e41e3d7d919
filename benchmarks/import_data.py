"""A case-import file (docs/case-import.md) of ``n`` fictional cases in the demo's shape.

Each case is built from the documented example's cases (tests/fixtures/case-import-v1.json:
a person with protection, relatives, a consent, an agreement with conditions, a threat
assessment, a network link, interventions with controls, a placement, a document) with its
own case number, people drawn from the demo's name lists (personnummer valid in format only,
birth numbers 980-999 as in storage/demo) and a journal of about 20 entries, as the demo
has. Seeded: the same ``n`` and seed give the same file.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

from storage.demo import text as T
from storage.records.personnummer import make_identity_number

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "case-import-v1.json"
JOURNAL_ENTRIES = 20


def _person(rng: random.Random, born: dt.date) -> tuple[str, str]:
    female = rng.random() < 0.5
    first = rng.choice(T.FIRST_FEMALE if female else T.FIRST_MALE)
    serial = 980 + rng.randrange(0, 20, 2) + (0 if female else 1)
    return f"{first} {rng.choice(T.SURNAMES)}", make_identity_number(born, serial)


def demo_import(n: int, seed: int = 2026) -> dict[str, Any]:
    rng = random.Random(seed)
    example = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    templates = example["cases"]
    cases = []
    for i in range(n):
        c = copy.deepcopy(templates[i % len(templates)])
        year = 2019 + i % 6
        c["case_number"] = f"UV-{year}-{i + 1:05d}"
        opened = dt.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
        c["opened_on"] = opened.isoformat()
        if c.get("closed_on"):
            c["closed_on"] = (opened + dt.timedelta(days=200)).isoformat()
        born = dt.date(1975 + rng.randrange(30), 1 + rng.randrange(12), 1 + rng.randrange(28))
        name, number = _person(rng, born)
        c["person"]["name"] = name
        if "personnummer" in c["person"]:
            c["person"]["personnummer"] = number
        c["journal"] = [
            {
                "author": "Karin Lind",
                "written_at": f"{opened + dt.timedelta(days=3 * k)}T09:{k:02d}:00Z",
                "text": " ".join(rng.choice(T.JOURNAL_SENTENCES) for _ in range(3)),
            }
            for k in range(JOURNAL_ENTRIES)
        ]
        c.pop("follow_ups", None)  # dated in the example: not moved with the case
        cases.append(c)
    return {**example, "cases": cases}


def write_demo_import(path: Path, n: int, seed: int = 2026) -> Path:
    path.write_text(json.dumps(demo_import(n, seed), ensure_ascii=False), encoding="utf-8")
    return path
