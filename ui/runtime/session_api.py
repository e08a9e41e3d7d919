"""The session contract: what ui/ needs from desktop's Session (handed in, never imported).

Store work is typed end to end: ``run(parent, fn, on_success)`` takes ``fn(store) -> T`` (the
open :class:`storage.vault.store.Store`, only ever on the store worker) and hands ``T`` to
``on_success`` on the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtWidgets import QWidget

from storage.vault.store import Store
from ui.runtime.lock import LockGuard
from ui.runtime.operations import OpContext

T = TypeVar("T")


class SessionAPI(Protocol):
    """The part of desktop.session.Session that ui/ uses."""

    guard: LockGuard

    @property
    def is_unlocked(self) -> bool: ...

    def lock(self, reason: str = "manual") -> None: ...

    def run(
        self,
        parent: QWidget | None,
        fn: Callable[[Store], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = False,
        label: str = "",
    ) -> int: ...

    def run_with_context(
        self,
        parent: QWidget | None,
        fn: Callable[[Store, OpContext], T],
        on_success: Callable[[T], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        *,
        progress: bool = True,
        cancellable: bool = True,
        label: str = "",
    ) -> int:
        """Like ``run``; ``fn(store, ctx)`` gets the OpContext (progress, cancel)."""
        ...
