"""The passphrase: the rule a new one must meet, and opening the passphrase slot, which also
needs this machine's device secret from the OS keyring (docs/store.md).

The rule (docs/store.md, "The passphrase rule") applies to every *new* passphrase — ``utvag
init``, ``passphrase change``, ``recover``, a backup restore and the desktop client's
screens all call :func:`validate_new_passphrase` or :func:`assess_new_passphrase` — never to
unlocking: a store made before the rule keeps opening with its passphrase.

- at least :data:`MIN_PASSPHRASE_LENGTH` characters;
- at least 10^:data:`MIN_GUESSES_LOG10` guesses by the estimate (:mod:`storage.vault.strength`:
  zxcvbn with Swedish words, Utväg's setting and the account name): refused below, with
  the reason (too common, a keyboard pattern, a repetition or sequence, a date, a word of
  the setting) and a suggested passphrase;
- accepted with a warning below 10^:data:`STRONG_GUESSES_LOG10`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from storage.vault import (
    device_key,
    keyslots,
    strength,
)
from storage.vault.crypto import UnwrapError
from storage.vault.device_key import DeviceSecretMismatchError
from storage.vault.errors import (
    PassphraseContextWordError,
    PassphraseDateError,
    PassphraseKeyboardPatternError,
    PassphraseRepetitionError,
    PassphraseTooCommonError,
    PassphraseTooShortError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from storage.vault.keyslots import (
    PASSPHRASE,
    KeySlotFile,
)

MIN_PASSPHRASE_LENGTH = 12
#: The floor: a new passphrase must need at least 10**10 guesses (zxcvbn's score 4).
MIN_GUESSES_LOG10 = 10.0
#: From here on no warning (10**14 guesses).
STRONG_GUESSES_LOG10 = 14.0
#: From here on "very strong" (10**18 guesses).
VERY_STRONG_GUESSES_LOG10 = 18.0


class Strength(enum.Enum):
    TOO_SHORT = "short"
    WEAK = "weak"  # refused
    FAIR = "fair"  # accepted, with a warning
    STRONG = "strong"
    VERY_STRONG = "verystrong"


@dataclass(frozen=True)
class PassphraseVerdict:
    """What the rule says about a new passphrase. ``reason`` is the error class that refuses
    it (None when it is accepted)."""

    strength: Strength
    guesses_log10: float
    reason: type[WeakPassphraseError] | None

    @property
    def acceptable(self) -> bool:
        return self.reason is None

    @property
    def warning(self) -> bool:
        """Accepted, but not strong: the screens and the CLI say so."""
        return self.strength is Strength.FAIR

    def error(self, suggestion: str | None = None) -> WeakPassphraseError | None:
        """The refusal, with ``suggestion`` (a fresh one when None); None when accepted."""
        if self.reason is None:
            return None
        text = suggestion if suggestion is not None else strength.suggest_passphrase()
        if self.reason is PassphraseTooShortError:
            return PassphraseTooShortError(minimum=MIN_PASSPHRASE_LENGTH, suggestion=text)
        return self.reason(suggestion=text)


#: The reasons, in the order that wins a tie.
_REASONS: tuple[type[WeakPassphraseError], ...] = (
    PassphraseContextWordError,
    PassphraseKeyboardPatternError,
    PassphraseTooCommonError,
    PassphraseRepetitionError,
    PassphraseDateError,
)


def _reason_of(kind: str) -> type[WeakPassphraseError] | None:
    if kind in (f"dictionary:{strength.USER_INPUTS}", f"dictionary:{strength.CONTEXT}"):
        return PassphraseContextWordError
    if kind.startswith("dictionary:"):
        return PassphraseTooCommonError
    return {
        "spatial": PassphraseKeyboardPatternError,
        "repeat": PassphraseRepetitionError,
        "sequence": PassphraseRepetitionError,
        "date": PassphraseDateError,
        "regex": PassphraseDateError,  # zxcvbn's only regex: recent years
    }.get(kind)


def _reason(estimate: strength.Estimate) -> type[WeakPassphraseError]:
    """The reason that covers most of the passphrase (ties: the order of _REASONS)."""
    covered: dict[type[WeakPassphraseError], int] = {}
    for kind, chars in estimate.parts:
        reason = _reason_of(kind)
        if reason is not None:
            covered[reason] = covered.get(reason, 0) + chars
    if not covered:
        return WeakPassphraseError
    return max(_REASONS, key=lambda r: (covered.get(r, 0), -_REASONS.index(r)))


def assess_new_passphrase(passphrase: str, context: Iterable[str] = ()) -> PassphraseVerdict:
    """The rule's verdict (cheap: a few milliseconds; no KDF)."""
    guesses = strength.estimate(passphrase, context)
    log10 = guesses.guesses_log10
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        return PassphraseVerdict(Strength.TOO_SHORT, log10, PassphraseTooShortError)
    if log10 < MIN_GUESSES_LOG10:
        return PassphraseVerdict(Strength.WEAK, log10, _reason(guesses))
    if log10 < STRONG_GUESSES_LOG10:
        return PassphraseVerdict(Strength.FAIR, log10, None)
    level = Strength.VERY_STRONG if log10 >= VERY_STRONG_GUESSES_LOG10 else Strength.STRONG
    return PassphraseVerdict(level, log10, None)


def validate_new_passphrase(passphrase: str, context: Iterable[str] = ()) -> PassphraseVerdict:
    """Refuse a new passphrase below the floor (a typed error naming the reason, with a
    suggested passphrase); return the verdict of an accepted one (``warning`` tells)."""
    verdict = assess_new_passphrase(passphrase, context)
    error = verdict.error()
    if error is not None:
        raise error
    return verdict


def device_secret(slot: keyslots.Slot, store_id: str) -> bytes | None:
    if not slot.device_key:
        return None
    secret = device_key.load_device_secret(device_key.resolve_backend(), store_id)
    if device_key.device_key_id(secret, store_id) != slot.device_key_id:
        raise DeviceSecretMismatchError()
    return secret


def keyring_state(ks: KeySlotFile) -> str:
    """Whether this computer's keyring holds the passphrase slot's device secret, read
    before any KDF: ``ok``, ``missing``, ``mismatch`` (another setup's secret),
    ``unavailable`` (no usable keyring, or it is locked) or ``not_used`` (a store
    without a device key)."""
    slot = ks.slot(PASSPHRASE)
    if not slot.device_key:
        return "not_used"
    try:
        device_secret(slot, ks.store_id)
    except device_key.DeviceSecretMissingError:
        return "missing"
    except device_key.DeviceSecretMismatchError:
        return "mismatch"
    except device_key.KeyringProblem:
        return "unavailable"
    return "ok"


def open_passphrase_slot(ks: KeySlotFile, passphrase: str) -> tuple[bytearray, bytes | None]:
    """(KEK, device secret) or :class:`WrongPassphraseError` (not counted here)."""
    slot = ks.slot(PASSPHRASE)
    device = device_secret(slot, ks.store_id)
    try:
        return keyslots.open_slot(ks.store_id, slot, passphrase, device_secret=device), device
    except UnwrapError:
        raise WrongPassphraseError(failed_attempts=0) from None
