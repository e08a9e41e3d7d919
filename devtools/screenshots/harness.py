"""What every screenshot needs: a demo session on a real store, the Swedish catalogue, waiting
for the store worker and the event loop to settle, and writing one PNG."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import ui
from desktop import i18n
from storage.vault.store import Store
from ui.access.first_run import Identity
from ui.runtime.lock import LockGuard
from ui.runtime.operations import (
    run_op,
    taskman,
)

PASSPHRASE = "exempel lösenfras för bilder"  # noqa: S105 - fictional, for pictures


DEMO_IDENTITY = Identity("Exempelkommun", "Avhopparverksamheten", "Alex Exempelsson")


class DemoSession:
    """Just enough of desktop's Session for the screens (ui/ may not import desktop/)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.guard = LockGuard()

    @property
    def is_unlocked(self) -> bool:
        return self.store is not None

    def lock(self, reason: str = "manual") -> None:
        del reason

    def run(
        self,
        parent: QWidget | None,
        fn: Callable[[Any], Any],
        on_success: Any = None,
        on_failure: Any = None,
        **kw: Any,
    ) -> int:
        store = self.store
        return run_op(parent, lambda _ctx: fn(store), on_success, on_failure, **kw)

    def run_with_context(
        self,
        parent: QWidget | None,
        fn: Callable[[Any, Any], Any],
        on_success: Any = None,
        on_failure: Any = None,
        **kw: Any,
    ) -> int:
        store = self.store
        return run_op(parent, lambda ctx: fn(store, ctx), on_success, on_failure, **kw)


UI_DIR = Path(ui.__file__).resolve().parent


def install_swedish(app: QApplication) -> None:
    """Swedish as the app installs it: Qt's and Utväg's catalogues and the Swedish locale
    (decimal comma, digit grouping)."""
    i18n.install_translators(app, "sv")


def settle(ms: int = 150) -> None:
    """Let queued events, layouts and worker results arrive. An event loop of its own (whose
    ``exec`` lets go of the GIL while it waits, as the application's does), not
    ``QTest.qWait``, which holds it: the store worker would hardly run meanwhile."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(check: Callable[[], bool], timeout_ms: int = 60_000) -> None:
    waited = 0
    while not check():
        settle(50)
        waited += 50
        if waited > timeout_ms:
            raise TimeoutError("screen did not reach the expected state")


def shoot(widget: QWidget, out: Path, name: str) -> None:
    widget.show()
    settle()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def on_worker(fn: Callable[[], Any]) -> Any:
    return taskman().run_sync(lambda _ctx: fn(), timeout=300)
