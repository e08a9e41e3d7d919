"""The session contract: what ui/ needs from desktop's Session (handed in, never imported)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ui.runtime.lock import LockGuard


class SessionAPI(Protocol):
    """The part of desktop.session.Session that ui/ uses."""

    guard: LockGuard

    @property
    def is_unlocked(self) -> bool: ...

    def lock(self, reason: str = "manual") -> None: ...

    def run(
        self,
        parent: QWidget | None,
        fn: Callable[[Any], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = False,
        label: str = "",
    ) -> int: ...

    def run_with_context(
        self,
        parent: QWidget | None,
        fn: Callable[[Any, Any], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = True,
        label: str = "",
    ) -> int:
        """Like ``run``; ``fn(store, ctx)`` gets the OpContext (progress, cancel)."""
        ...
