"""Coverage-guided fuzzing with atheris (optional): ``python -m tests.reliability.atheris_target
CORPUS_DIR -runs=N -seed=S``. One input is routed, by its first byte, to one parser of
untrusted files: keyslots.json, case-import JSON, a bundle manifest, a contact card, the
strict tar reader. Success and UtvagError are fine; anything else is a crash (libFuzzer stops
and the test fails), except the known gaps K1/K2 (deep JSON), which are counted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

from storage.case_import import fields

with atheris.instrument_imports():
    from storage.case_import import reader as case_import
    from storage.errors import UtvagError
    from storage.vault import keyslots
    from sync.bundle.manifest import parse_manifest
    from sync.trust.card import parse_card
    from sync.wire.ustar import read_small_archive

KNOWN = {"K1": 0, "K2": 0}


def _import(data: bytes) -> None:
    doc = case_import.load(data)
    if isinstance(doc, dict):
        fields.obj(doc, "(file)", set(doc) & {"format", "version", "cases"})


TARGETS = (
    ("keyslots", lambda d: keyslots.parse(d, Path("keyslots.json")), "K1"),
    ("import", _import, "K2"),
    ("manifest", parse_manifest, None),
    ("card", parse_card, None),
    ("tar", lambda d: read_small_archive(d, max_members=8, max_member_size=64 * 1024), None),
)


def one_input(data: bytes) -> None:
    if not data:
        return
    _name, fn, gap = TARGETS[data[0] % len(TARGETS)]
    try:
        fn(data[1:])
    except UtvagError:
        pass
    except (RecursionError, ValueError):
        if gap is None:
            raise
        KNOWN[gap] += 1


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
