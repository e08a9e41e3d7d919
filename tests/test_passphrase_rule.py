"""The rule for a new passphrase (docs/store.md, "The passphrase rule"): zxcvbn with Swedish
words, the setting and the account name; refused below the floor with the reason and a
suggestion, in the core, so that create, passphrase change, recovery and restore share it;
never applied to unlocking."""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from storage.vault import (
    keyslots,
    strength,
)
from storage.vault.crypto import KdfParams
from storage.vault.errors import (
    PassphraseContextWordError,
    PassphraseDateError,
    PassphraseKeyboardPatternError,
    PassphraseRepetitionError,
    PassphraseTooCommonError,
    PassphraseTooShortError,
    WeakPassphraseError,
)
from storage.vault.opening import (
    create_store,
    recover_store,
    unlock_store,
)
from storage.vault.passphrase import (
    MIN_GUESSES_LOG10,
    MIN_PASSPHRASE_LENGTH,
    STRONG_GUESSES_LOG10,
    Strength,
    assess_new_passphrase,
    validate_new_passphrase,
)
from storage.vault.strength import passphrase_context
from tests.test_store_support import PASS, changed, keys, make_store, snapshot

WORD = re.compile(r"[a-zåäö]{3,10}")


@pytest.mark.parametrize(
    ("passphrase", "reason"),
    [
        ("kort", PassphraseTooShortError),
        ("Sommar2024!!", PassphraseTooCommonError),
        ("lösenord12345", PassphraseTooCommonError),
        ("jagälskardig1", PassphraseTooCommonError),
        ("qwertyuiopåasdf", PassphraseKeyboardPatternError),
        ("åpoiuytrewqas", PassphraseKeyboardPatternError),  # a walk on a Swedish keyboard
        ("asdfghjklöä-", PassphraseKeyboardPatternError),
        ("aaaaaaaaaaaaaaa", PassphraseRepetitionError),
        ("abcdefghijklmn", PassphraseRepetitionError),
        ("hej hej hej hej", PassphraseRepetitionError),
        ("19800101-1234", PassphraseDateError),
        ("kungsbacka123!!", PassphraseContextWordError),  # a municipality
        ("Avhoppare2026!", PassphraseContextWordError),  # Utväg's own setting
        ("anna.svensson2024", PassphraseContextWordError),  # the account name
    ],
)
def test_weak_passphrases_are_refused_with_their_reason(
    passphrase: str, reason: type[WeakPassphraseError]
) -> None:
    context = passphrase_context("anna.svensson")
    verdict = assess_new_passphrase(passphrase, context)
    assert verdict.reason is reason and not verdict.acceptable
    assert verdict.guesses_log10 < MIN_GUESSES_LOG10 or len(passphrase) < MIN_PASSPHRASE_LENGTH
    with pytest.raises(reason) as info:
        validate_new_passphrase(passphrase, context)
    error = info.value
    suggestion = error.params["suggestion"]
    assert str(error).endswith(suggestion) and "{" not in str(error) and "\n" not in str(error)
    assert assess_new_passphrase(suggestion, context).guesses_log10 >= STRONG_GUESSES_LOG10
    if reason is PassphraseTooShortError:
        assert error.params["minimum"] == MIN_PASSPHRASE_LENGTH == 12


def test_the_account_name_is_context_only_when_given() -> None:
    refused = assess_new_passphrase("Exempelsson2026!", passphrase_context("alex.exempelsson"))
    assert refused.reason is PassphraseContextWordError
    accepted = assess_new_passphrase("Exempelsson2026!", passphrase_context("bo.berg"))
    assert accepted.acceptable and accepted.warning


@pytest.mark.parametrize(
    ("passphrase", "expected"),
    [
        ("sommar vinter höst", Strength.FAIR),  # accepted, with a warning
        ("katt hund häst ko", Strength.STRONG),
        ("tält ruta vintergatan mjölk sax", Strength.VERY_STRONG),
        (PASS, Strength.VERY_STRONG),
    ],
)
def test_accepted_passphrases_and_the_warning(passphrase: str, expected: Strength) -> None:
    verdict = validate_new_passphrase(passphrase)
    assert verdict.strength is expected and verdict.acceptable
    assert verdict.warning is (expected is Strength.FAIR)
    assert verdict.guesses_log10 >= MIN_GUESSES_LOG10
    assert (verdict.guesses_log10 >= STRONG_GUESSES_LOG10) is (expected is not Strength.FAIR)


def test_the_word_list() -> None:
    words = strength.word_list()
    assert len(words) == len(set(words)) == 2048
    assert all(WORD.fullmatch(w) and unicodedata.is_normalized("NFC", w) for w in words)
    setting = set(strength._context_dictionary())
    names = set(strength._read_list(strength.NAMES))
    passwords = set(strength._read_list(strength.PASSWORDS))
    places = strength._read_list(strength.MUNICIPALITIES)
    municipalities = {v for m in places for v in strength._variants(m)}
    assert len(places) == 290
    for other in (setting, names, passwords, municipalities):
        assert not other & set(words)
    assert strength.suggestion_bits() == pytest.approx(54.99, abs=0.01)


def test_suggestions_are_different_words_from_the_list() -> None:
    pool = set(strength.word_list())
    for _ in range(50):
        words = strength.suggest_passphrase().split(" ")
        assert len(words) == len(set(words)) == strength.SUGGESTED_WORDS
        assert set(words) <= pool


def test_any_suggestion_clears_the_floor_by_far() -> None:
    """Seeded draws of five different words (the suggestion's shape), and the weakest
    suggestion there can be — the five words the estimate finds cheapest on their own —
    are all far above the floor."""
    words = strength.word_list()
    rng = random.Random(20260607)
    phrases = [" ".join(rng.sample(words, 5)) for _ in range(400)]
    cheapest = sorted(words, key=lambda w: strength.estimate(w).guesses_log10)[:5]
    phrases.append(" ".join(cheapest))
    lowest = min(assess_new_passphrase(p).guesses_log10 for p in phrases)
    assert lowest >= STRONG_GUESSES_LOG10


def test_long_input_is_estimated_quickly_and_by_its_beginning() -> None:
    weak_start = "a" * strength.MAX_ESTIMATED_CHARS + " tält ruta vintergatan mjölk sax"
    assert assess_new_passphrase(weak_start).reason is PassphraseRepetitionError
    l33t = "4@8({[<369!|1|70$5+7%2" * 4  # 736 l33t combinations; only the first are tried
    assert assess_new_passphrase(l33t).guesses_log10 > 0


@pytest.mark.usefixtures("keyring_backend")
def test_every_new_passphrase_goes_through_the_rule(store_dir: Path, tmp_path: Path) -> None:
    before = snapshot(tmp_path)
    with pytest.raises(PassphraseTooCommonError):
        create_store(store_dir, "Sommar2024!!", actor="x", kdf=KdfParams.minimum())
    with pytest.raises(PassphraseContextWordError):  # the account name is the context
        create_store(store_dir, "anna.svensson2024", actor="anna.svensson")
    assert changed(before, snapshot(tmp_path)) == []
    store, code = make_store(store_dir)
    with store:
        before = snapshot(store_dir)
        with pytest.raises(PassphraseKeyboardPatternError):
            store.change_passphrase(PASS, "qwertyuiopåasdf")
        assert changed(before, snapshot(store_dir)) == []
    before = snapshot(store_dir)
    with pytest.raises(PassphraseRepetitionError):
        recover_store(store_dir, code, "hej hej hej hej", actor="x")
    assert changed(before, snapshot(store_dir)) == []


@pytest.mark.usefixtures("keyring_backend")
def test_a_store_made_before_the_rule_still_opens_with_its_weak_passphrase(
    store_dir: Path,
) -> None:
    """A passphrase slot written before the rule existed (as an older Utväg did) with a
    passphrase the rule refuses today: it unlocks; only a *new* passphrase must pass."""
    old = "Sommar2024!!"
    store, _ = make_store(store_dir)
    store.close()
    ks = keyslots.read(store_dir)
    kek, _dk, secret = keys(store_dir)
    slot = ks.slot(keyslots.PASSPHRASE)
    weak_slot = keyslots.make_slot(
        ks.store_id,
        keyslots.PASSPHRASE,
        kek,
        old,
        slot.kdf,
        device_secret=secret,
        device_key_id=slot.device_key_id,
    )
    keyslots.write(store_dir, replace(ks.with_slot(weak_slot)))
    with unlock_store(store_dir, old, actor="x") as store:
        with pytest.raises(PassphraseTooCommonError):
            store.change_passphrase(old, "Sommar2025!!")
        store.change_passphrase(old, PASS)
    unlock_store(store_dir, PASS, actor="x").close()
