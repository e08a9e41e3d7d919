"""Saved fixture files of today's formats, made with today's code (tests/fixtures/README.md).

    .venv/bin/python -m devtools.make_fixtures [--out DIR] GROUP...

Groups (the makers live in devtools/fixtures/):

- ``store``: ``store-vNNN`` for the LATEST schema, with ``store-vNNN.json`` (run it in the
  commit that adds a schema step; earlier stores were made by their own commits);
- ``backup``: ``backup-v1.backup`` of a small fictional store, ``backup-v1.json`` (its
  recovery code, passphrase and marker);
- ``bundle``: two stores, ``bundle-v1-sender`` and ``bundle-v1-receiver``, that know each
  other as verified contacts; ``bundle-v1.utvag``, a handover the sender sealed to the
  receiver (X25519, so stock age before 1.3 opens it too), and three tampered copies; the
  receiver's signed receipt for it, ``receipt-v1.utvag``, and two tampered copies;
  ``bundle-v1.json`` and ``receipt-v1.json`` say what each file holds and which error
  each tampered copy must give;
- ``card``: a contact card ``card-v1.utvagkort`` of a third installation and two tampered
  copies, ``card-v1.json``.

File names carry the format's version, taken from the code (``storage.schema.LATEST``,
``storage.backup.archive.VERSION``, ``sync.bundle.manifest.VERSION``,
``sync.trust.card.CARD_VERSION``): a format change adds new files beside the old ones. If
any name of a chosen group exists already in ``--out`` (default tests/fixtures), nothing at
all is written and the tool exits with status 1: a saved fixture is never regenerated.
Each group is made in a hidden work folder inside ``--out`` and moved into place at the end.

Every secret here (passphrases, recovery codes, the stores' identity keys) is fictional and
made for the fixtures alone. The stores are passphrase-only with the minimum Argon2id
parameters, which is fine for fictional data and wrong for real cases.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from devtools.fixtures.backup import make_backup
from devtools.fixtures.bundle import make_bundle
from devtools.fixtures.card import make_card
from devtools.fixtures.common import (
    FIXTURES,
    RECEIPT_VERSION,
    Files,
    Refused,
)
from devtools.fixtures.store import make_store
from storage.backup import archive
from storage.schema import LATEST
from sync.bundle import manifest as bundle_manifest
from sync.trust import card

# ---------------------------------------------------------------- placing the files


def current_names() -> dict[str, list[str]]:
    """The main files each group writes for today's format versions (tests check that they
    are saved, so a version bump cannot go without its new fixture)."""
    b, r, c = bundle_manifest.VERSION, RECEIPT_VERSION, card.CARD_VERSION
    return {
        "store": [f"store-v{LATEST:03d}", f"store-v{LATEST:03d}.json"],
        "backup": [f"backup-v{archive.VERSION}.backup", f"backup-v{archive.VERSION}.json"],
        "bundle": [
            f"bundle-v{b}-sender",
            f"bundle-v{b}-receiver",
            f"bundle-v{b}.utvag",
            f"bundle-v{b}.json",
            f"receipt-v{r}.utvag",
            f"receipt-v{r}.json",
        ],
        "card": [f"card-v{c}.utvagkort", f"card-v{c}.json"],
    }


GROUPS: dict[str, Callable[[Path], Files]] = {
    "store": make_store,
    "backup": make_backup,
    "bundle": make_bundle,
    "card": make_card,
}


def taken(names: list[str], out: Path) -> list[str]:
    return sorted(n for n in names if (out / n).exists() or (out / n).is_symlink())


def place(files: Files, out: Path) -> list[Path]:
    """Move every file into ``out``; refuse the whole group if any name exists there."""
    if taken(list(files), out):
        raise Refused(", ".join(taken(list(files), out)))
    placed = []
    for file_name, source in sorted(files.items()):
        target = out / file_name
        if source.is_dir():
            os.rename(source, target)  # the name was checked free just above
        else:
            os.link(source, target)  # never replaces an existing file
        placed.append(target)
    return placed


def make(group: str, out: Path) -> list[Path]:
    """Make one group in a work folder inside ``out`` and move it into place."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".make-fixtures-{group}-", dir=out))
    try:
        return place(GROUPS[group](work), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.make_fixtures",
        description="Write saved fixture files of today's formats under new names only.",
    )
    parser.add_argument("--out", type=Path, default=FIXTURES, help="default: tests/fixtures")
    parser.add_argument("groups", nargs="+", metavar="GROUP", help=", ".join(GROUPS))
    args = parser.parse_args(argv)
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group {unknown[0]!r} (choose from {', '.join(GROUPS)})")
    groups = list(dict.fromkeys(args.groups))
    names = current_names()
    try:
        exists = [n for g in groups for n in taken(names[g], args.out)]
        if exists:
            raise Refused(", ".join(exists))
        placed = [path for group in groups for path in make(group, args.out)]
    except Refused as exc:
        print(
            f"make_fixtures: refused: {exc} already saved; a fixture is never regenerated "
            "(a format change adds new files beside the old ones)",
            file=sys.stderr,
        )
        return 1
    for path in placed:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
