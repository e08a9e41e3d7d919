"""`make demo` builds a real demo store that unlocks with the printed passphrase."""

from __future__ import annotations

from pathlib import Path

from devtools.demo_launcher import make_demo_store
from storage.casefile.case_list import list_case_ids
from storage.vault.opening import (
    store_info,
    unlock_store,
)
from sync.trust.identity import get_identity


def test_demo_store_opens_with_its_passphrase(tmp_path: Path) -> None:
    folder = tmp_path / "demo"
    passphrase = make_demo_store(folder, cases=5, seed=3)
    info = store_info(folder)
    assert info.exists and info.device_key is False
    store = unlock_store(folder, passphrase, actor="test")
    try:
        assert len(list_case_ids(store)) == 5
        identity = get_identity(store)
        assert identity is not None and identity.municipality == "Exempelköping"
    finally:
        store.close()
