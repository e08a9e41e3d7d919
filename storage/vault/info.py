"""What can be known about a store without unlocking it (keyslots.json, unlock-state.json).

Kept apart from :mod:`storage.vault.opening` so that the unlock window can ask whether a
store exists, and how long it must wait, without importing the unlock path (the schema
steps and everything they import): the desktop start-up imports only this (issue 17).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storage.vault import (
    keyslots,
    throttle,
)
from storage.vault.crypto import KdfParams
from storage.vault.keyslots import PASSPHRASE


@dataclass(frozen=True)
class StoreInfo:
    path: Path
    exists: bool
    store_id: str | None
    created: str | None
    device_key: bool | None
    kdf: KdfParams | None
    schema_version: int | None
    failed_attempts: int
    retry_after: float


def store_info(path: Path) -> StoreInfo:
    """What can be known without unlocking: reads keyslots.json and unlock-state.json only."""
    path = Path(path)
    if not (path / keyslots.FILE_NAME).is_file():
        return StoreInfo(path, False, None, None, None, None, None, 0, 0.0)
    ks = keyslots.read(path)
    state = throttle.read_state(path)
    slot = ks.slot(PASSPHRASE)
    return StoreInfo(
        path,
        True,
        ks.store_id,
        ks.created,
        slot.device_key,
        slot.kdf,
        None,
        state.failed_attempts,
        state.retry_after(),
    )
