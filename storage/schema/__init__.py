"""Schema versions and step-by-step migrations (``PRAGMA user_version``).

Each step is a module ``vNNN_name.py`` in this package exposing ``VERSION: int`` and
``def upgrade(conn) -> None``. Steps run in order, each in its own transaction, from the
store's current ``user_version`` up to :data:`LATEST`. A released step is never edited:
a change to the schema is a new step, and a fixture store of every released version lives
in ``tests/fixtures/`` and is upgraded by the tests.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    StorageError,
)


class SchemaTooNewError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This store was written by a newer version of Utväg (schema {found}, this version "
        "knows up to {known}). Update Utväg to open it.",
    )
    code = "schema_too_new"


@dataclass(frozen=True)
class Step:
    version: int
    name: str
    upgrade: Callable[[Any], None]


def _load_steps() -> list[Step]:
    steps: list[Step] = []
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("v"):
            continue
        module: ModuleType = importlib.import_module(f"{__name__}.{info.name}")
        steps.append(Step(int(module.VERSION), info.name, module.upgrade))
    steps.sort(key=lambda s: s.version)
    versions = [s.version for s in steps]
    if versions != list(range(1, len(steps) + 1)):
        raise RuntimeError(f"schema steps must be numbered 1..n without gaps: {versions}")
    return steps


STEPS: list[Step] = _load_steps()
LATEST: int = STEPS[-1].version if STEPS else 0


def current_version(conn: Any) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Any, target: int = LATEST) -> list[int]:
    """Upgrade ``conn`` step by step to ``target``; returns the versions applied.

    Each step runs inside one transaction together with the ``user_version`` bump, so a
    crash leaves the store at the previous version, never half-way.
    """
    found = current_version(conn)
    if found > LATEST:
        raise SchemaTooNewError(found=found, known=LATEST)
    applied: list[int] = []
    for step in STEPS:
        if step.version <= found or step.version > target:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            step.upgrade(conn)
            conn.execute(f"PRAGMA user_version = {int(step.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # a failed COMMIT (full disk) may have ended it already
                conn.execute("ROLLBACK")
            raise
        applied.append(step.version)
    return applied
