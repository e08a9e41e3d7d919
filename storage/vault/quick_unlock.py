"""Quick re-unlock: a short PIN that opens the store again after an idle lock, from a key
held only in this process's memory (docs/store.md, "Quick re-unlock").

Chosen in the client's settings: the passphrase opens the passphrase slot once more, and
the KEK is wrapped (ChaCha20-Poly1305) under Argon2id(PIN) at the floor parameters with a
fresh salt. The wrapped KEK, its salt and the deadline live in a :class:`QuickUnlock`
object in memory; nothing derived from the PIN is ever written to disk (not the PIN, not
its hash, not the wrapped key). It is wiped

- after :data:`MAX_FAILURES` wrong PINs,
- when the time limit has passed (default four hours; checked against both the wall clock
  and the monotonic clock, and a wall clock that went back counts as expired),
- when the wall clock ran ahead of the monotonic clock (which stops while the computer
  sleeps on Linux and macOS): a sleep nobody announced, also while the client is locked,
- by the session on every lock that is not an idle lock (Ctrl+L, the OS locking the screen,
  suspend, a sleep noticed by the wall-clock check, quitting) — and a restart loses it.

Honest limit: the wrapped KEK is in the process's memory while the client is locked, so
someone who can read that memory (a memory image of a locked-but-running laptop) can try
all PINs offline at one Argon2id each (reliability report: cost per guess). The same
memory can hold decrypted case data anyway (docs/store.md, "What Python can and cannot
wipe"); against that attacker the protection is a real lock (OS lock, suspend), which
wipes this key.
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
    ValidationError,
)
from storage.vault import keyslots
from storage.vault.crypto import (
    SALT_BYTES,
    KdfParams,
    UnwrapError,
    Wrapped,
    argon2id,
    canonical_json,
    unwrap_key,
    wipe,
    wrap_key,
)
from storage.vault.passphrase import open_passphrase_slot

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
MAX_FAILURES = 3
DEFAULT_LIMIT_S = 4 * 3600
MIN_LIMIT_S = 15 * 60
MAX_LIMIT_S = 12 * 3600
#: The wall clock ran this much further than the monotonic clock (which stops while the
#: computer sleeps on Linux and macOS): the computer slept, and the key is wiped.
SLEEP_GAP_S = 120.0


class QuickPinRuleError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The PIN must have 6 to 12 digits and must not be one digit repeated or a plain "
        "sequence such as 123456.",
    )
    code = "quick_pin_rule"


class WrongQuickPinError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The PIN is not correct. After {remaining} more wrong PIN(s) only the passphrase "
        "opens Utväg.",
    )
    code = "quick_pin_wrong"


class QuickUnlockGoneError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The PIN no longer opens Utväg (too many wrong PINs, its time is up, or the keys "
        "have changed). Type your passphrase.",
    )
    code = "quick_pin_gone"


def validate_quick_pin(pin: str) -> None:
    """6–12 ASCII digits, not one digit repeated, not a plain ascending/descending run."""
    if not (MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS) or not all(
        "0" <= ch <= "9" for ch in pin
    ):
        raise QuickPinRuleError()
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {9}):
        raise QuickPinRuleError()


def _pin_key(pin: str, salt: bytes) -> bytearray:
    return argon2id(pin.encode("ascii"), salt, KdfParams.minimum())


def _ad(store_id: str) -> bytes:
    return canonical_json({"format": "utvag-quick-unlock", "version": 1, "store_id": store_id})


@dataclass
class _Armed:
    store_id: str
    salt: bytes
    wrapped: Wrapped
    wall_start: float
    mono_start: float
    limit_s: float
    failures: int = 0


class QuickUnlock:
    """The quick re-unlock key of one process. ``clock`` (wall) and ``monotonic`` can be
    injected (tests: no sleeps)."""

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._clock = clock
        self._monotonic = monotonic
        self._armed: _Armed | None = None

    def arm(self, store_id: str, kek: bytearray, pin: str, limit_s: float) -> None:
        """Keep ``kek`` wrapped under the PIN for ``limit_s`` seconds (the caller wipes
        ``kek``)."""
        validate_quick_pin(pin)
        limit = float(min(max(limit_s, MIN_LIMIT_S), MAX_LIMIT_S))
        salt = os.urandom(SALT_BYTES)
        key = _pin_key(pin, salt)
        try:
            wrapped = wrap_key(key, kek, _ad(store_id))
        finally:
            wipe(key)
        self._armed = _Armed(store_id, salt, wrapped, self._clock(), self._monotonic(), limit)

    def _expired(self, armed: _Armed) -> bool:
        """Time is up by either clock, the wall clock went back, or the computer slept."""
        wall = self._clock() - armed.wall_start
        mono = self._monotonic() - armed.mono_start
        slept = wall - mono > SLEEP_GAP_S
        return wall < 0 or wall > armed.limit_s or mono > armed.limit_s or slept

    def armed_for(self, store_id: str) -> bool:
        """Whether a PIN can open ``store_id`` now (an expired key is wiped here)."""
        armed = self._armed
        if armed is None:
            return False
        if self._expired(armed):
            self.wipe()
            return False
        return armed.store_id == store_id

    def is_armed(self) -> bool:
        """Whether a key is held and its time is not up (an expired one is wiped here)."""
        armed = self._armed
        return armed is not None and self.armed_for(armed.store_id)

    def deadline(self) -> float | None:
        """Wall-clock time (seconds since the epoch) when the PIN stops working."""
        armed = self._armed
        return None if armed is None else armed.wall_start + armed.limit_s

    def open(self, store_id: str, pin: str) -> bytearray:
        """The KEK, for one unlock (the caller wipes it). A wrong PIN counts; the third
        wipes the key. Refused without running Argon2id when nothing is armed."""
        if not self.armed_for(store_id):
            raise QuickUnlockGoneError()
        armed = self._armed
        assert armed is not None
        key = _pin_key(pin, armed.salt) if pin.isascii() else bytearray(32)
        try:
            return unwrap_key(key, armed.wrapped, _ad(store_id))
        except UnwrapError:
            armed.failures += 1
            remaining = MAX_FAILURES - armed.failures
            if remaining <= 0:
                self.wipe()
                raise QuickUnlockGoneError() from None
            raise WrongQuickPinError(remaining=remaining) from None
        finally:
            wipe(key)

    def wipe(self) -> None:
        """Forget the key (there is nothing to overwrite: only the wrapped form is held)."""
        self._armed = None


def kek_from_passphrase(store_path: object, passphrase: str) -> tuple[str, bytearray]:
    """(store id, KEK) from the passphrase slot (Argon2id as at unlock; a wrong passphrase
    is refused, not counted: the caseworker is in)."""
    from pathlib import Path

    ks = keyslots.read(Path(str(store_path)))
    kek, _device = open_passphrase_slot(ks, passphrase)
    return ks.store_id, kek
