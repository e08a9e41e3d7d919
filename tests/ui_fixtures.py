"""Fixtures for the desktop-client tests (imported by tests/test_ui_*.py).

Stores are real (SQLCipher files in tmp_path), created passphrase-only with the minimum
KDF to keep the tests fast; keyring tests use the real Secret Service from conftest.
Every store call runs on the store worker, as in the application.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop import i18n
from desktop.app import configure_application
from desktop.gateway import StoreGateway
from devtools.build_translations import (
    build,
    qm_path,
    ts_path,
)
from storage.vault.crypto import KdfParams
from ui.access.first_run import Identity
from ui.runtime.operations import taskman

PASSPHRASE = "korrekt häst batteri häftklammer"
IDENTITY = Identity("Exempelkommun", "Avhopparverksamheten", "Test Handläggare")


def ensure_catalogues() -> None:
    """Compile the .qm files when they are missing or older than their .ts."""
    for lang in i18n.LANGUAGES:
        qm, ts = qm_path(lang), ts_path(lang)
        if not qm.is_file() or qm.stat().st_mtime < ts.stat().st_mtime:
            build(update=False)
            return


@pytest.fixture
def app_sv(qapp: QApplication) -> Iterator[QApplication]:
    """The application configured like the real one, in Swedish."""
    ensure_catalogues()
    assert isinstance(qapp, QApplication)
    configure_application(qapp)
    i18n.install_translators(qapp, "sv")
    yield qapp
    i18n.install_translators(qapp, "sv")
    i18n.set_language(None)  # the process's choice does not outlive the test (CLI tests follow)


@pytest.fixture
def gateway(tmp_path: Path) -> StoreGateway:
    return StoreGateway(tmp_path / "store", actor="test.user", kdf=KdfParams.minimum())


def on_worker(fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on the store worker and wait (tests only)."""
    return taskman().run_sync(lambda _ctx: fn(), timeout=120)


@pytest.fixture
def made_store(gateway: StoreGateway) -> Iterator[tuple[Any, str]]:
    """A new passphrase-only store whose first run was finished (the recovery code
    confirmed), closed again at the end; (store, recovery code)."""
    store, code = on_worker(lambda: gateway.create(PASSPHRASE, False, IDENTITY))
    on_worker(lambda: gateway.confirm_code(store))
    yield store, code
    on_worker(store.close)


@pytest.fixture
def unconfirmed_store(gateway: StoreGateway) -> tuple[Any, str]:
    """A store whose first run ended before the recovery code was confirmed (closed); it
    keeps the code. (store, recovery code)."""
    store, code = on_worker(lambda: gateway.create(PASSPHRASE, False, IDENTITY))
    on_worker(store.close)
    return store, code


@pytest.fixture
def closed_store(made_store: tuple[Any, str]) -> tuple[Any, str]:
    """An existing store, closed (locked) — ready for the unlock screen."""
    store, code = made_store
    on_worker(store.close)
    return store, code


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def visible(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
