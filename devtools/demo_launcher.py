"""`make demo`: the desktop client on a fresh, fictional demo store in a temporary folder.

The store is passphrase-only (no device secret, so nothing is left in the keyring) and uses
the minimum Argon2id parameters so it opens quickly; both are fine for fictional data and
wrong for real cases, which is why a real store is made with `utvag init` or the first-run
wizard. The folder is deleted when the client exits.
"""

from __future__ import annotations

import secrets
import shutil
import sys
import tempfile
from pathlib import Path

from desktop.config import STORE_ENV
from storage.demo.build import build_demo
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from sync.trust.identity import ensure_identity

DEMO_CASES = 60


def make_demo_store(folder: Path, cases: int = DEMO_CASES, seed: int = 1) -> str:
    """Create a demo store in ``folder``; returns its passphrase."""
    passphrase = "demo-" + "-".join(secrets.token_hex(2) for _ in range(4))
    store, _recovery = create_store(
        folder, passphrase, actor="demo", use_device_key=False, kdf=KdfParams.minimum()
    )
    try:
        ensure_identity(store, "Exempelköping", "Avhopparverksamheten", "Alex Exempelsson")
        build_demo(store, cases=cases, seed=seed)
    finally:
        store.close()
    return passphrase


def main() -> int:
    import os

    root = Path(tempfile.mkdtemp(prefix="utvag-demo-"))
    folder = root / "store"
    try:
        passphrase = make_demo_store(folder)
        print(f"Demo store (fictional data): {folder}")
        print(f"Passphrase / lösenfras: {passphrase}")
        sys.stdout.flush()
        os.environ[STORE_ENV] = str(folder)
        from desktop.app import run_gui

        return run_gui([])
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
