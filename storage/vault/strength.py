"""How guessable a new passphrase is, and a passphrase to suggest (docs/store.md, "The
passphrase rule"). The rule itself — the floor and the reasons — is in
:mod:`storage.vault.passphrase`.

The estimate is zxcvbn's (``zxcvbn`` 4.5 on PyPI, pure Python; the estimator KeePassXC
uses): the number of guesses an attacker who tries the likely things first needs. Added to
what it knows, because an attacker of a Swedish caseworker's passphrase tries them early:

- common Swedish passwords, words and names (``words/*.txt``, written for Utväg);
- the setting: Utväg's own words and Sweden's 290 municipalities (``utvag_context``), and
  the words the caller names, e.g. the account name (``user_inputs``);
- keyboard walks on a Swedish keyboard, where å, ö and ä sit where a US keyboard has
  ``[``, ``;`` and ``'`` (zxcvbn's graph is the US one).

zxcvbn's module state is changed once, under a lock — the Swedish lists join its frequency
lists, and its l33t matcher tries at most :data:`MAX_L33T_SUBSTITUTIONS` combinations, so
that an estimate takes milliseconds, never seconds — and only read afterwards: the caller's
words go into a dictionary of that call only (zxcvbn's own ``zxcvbn()`` writes them into a
shared global, which is why it is not called). Estimating on the GUI thread and on the
store worker at the same time is therefore safe.

The suggestion: :data:`SUGGESTED_WORDS` different words drawn with
:class:`secrets.SystemRandom` from the 2048 words of ``words/swedish_words.txt``, joined by
spaces: log2(2048 · 2047 · 2046 · 2045 · 2044) = 54.99 bits (:func:`suggestion_bits`).
"""

from __future__ import annotations

import math
import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

#: Only this many characters are estimated (zxcvbn's matching grows with the square of the
#: length, and zxcvbn-python refuses more than 72). A longer passphrase is judged by its
#: beginning: an attacker must guess that part too, so it is a lower bound.
MAX_ESTIMATED_CHARS = 64
#: Words in a suggested passphrase.
SUGGESTED_WORDS = 5
#: zxcvbn tries every combination of l33t substitutions the passphrase allows (up to 736:
#: seconds for a passphrase full of 1 | 7 $ @ ...); only the first ones are tried here.
MAX_L33T_SUBSTITUTIONS = 8

WORDS = "swedish_words.txt"
PASSWORDS = "swedish_passwords.txt"
NAMES = "swedish_names.txt"
MUNICIPALITIES = "municipalities.txt"

#: zxcvbn dictionary names (they show up in :attr:`Estimate.patterns`).
SV_PASSWORDS = "sv_passwords"
SV_WORDS = "sv_words"
SV_NAMES = "sv_names"
CONTEXT = "utvag_context"
USER_INPUTS = "user_inputs"

#: Utväg's own setting: what a caseworker at a Swedish exit programme might build a
#: passphrase on. Ranked before the municipalities.
APP_WORDS = (
    "utväg",
    "utvägen",
    "avhoppare",
    "avhopparen",
    "avhoppet",
    "avhopparverksamhet",
    "avhopparverksamheten",
    "avhopparsamordnare",
    "socialtjänst",
    "socialtjänsten",
    "socialsekreterare",
    "socialförvaltning",
    "socialförvaltningen",
    "handläggare",
    "handläggaren",
    "kommun",
    "kommunen",
    "ärende",
    "ärenden",
    "skyddat",
    "boende",
    "skyddadidentitet",
    "lösenfras",
    "lösenfrasen",
    "återställningskod",
)

_FOLD = str.maketrans("åäöéü", "aaoeu")
_SV_KEYBOARD = str.maketrans({"å": "[", "Å": "{", "ö": ";", "Ö": ":", "ä": "'", "Ä": '"'})
_lock = threading.Lock()
_installed = False


@dataclass(frozen=True)
class Estimate:
    """zxcvbn's verdict on (the first :data:`MAX_ESTIMATED_CHARS` characters of) a
    passphrase: ``guesses_log10``, and the parts it was split into as (kind, characters),
    kinds such as ``"dictionary:sv_passwords"``, ``"spatial"``, ``"repeat"``,
    ``"sequence"``, ``"date"``, ``"regex"``, ``"bruteforce"``."""

    guesses_log10: float
    parts: tuple[tuple[str, int], ...]

    @property
    def patterns(self) -> frozenset[str]:
        return frozenset(kind for kind, _chars in self.parts)


def passphrase_context(*values: str) -> tuple[str, ...]:
    """The words of this setting a passphrase must not be built on (e.g. the account name)."""
    return tuple(v for v in values if v)


def _read_list(name: str) -> tuple[str, ...]:
    from importlib import resources  # when a list is first read: not at start-up (issue 17)

    text = resources.files("storage.vault").joinpath("words", name).read_text(encoding="utf-8")
    entries: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        entry = unicodedata.normalize("NFC", line.strip())
        if entry and not entry.startswith("#") and entry not in seen:
            seen.add(entry)
            entries.append(entry)
    return tuple(entries)


@cache
def word_list() -> tuple[str, ...]:
    """The 2048 words suggestions are drawn from (also a dictionary of the estimate)."""
    return _read_list(WORDS)


def suggestion_bits(words: int = SUGGESTED_WORDS) -> float:
    """The entropy of a suggestion: ``words`` different words in order from the list,
    log2(N · (N−1) · …); 54.99 bits for 5 of 2048."""
    size = len(word_list())
    return sum(math.log2(size - i) for i in range(words))


def suggest_passphrase(words: int = SUGGESTED_WORDS) -> str:
    """``words`` different random common Swedish words joined by spaces, drawn with the
    operating system's random source (:class:`secrets.SystemRandom`). Different words,
    because a repeated word is a pattern the estimate (rightly) counts as cheap."""
    import secrets  # with hashlib, when a passphrase is suggested: not at start-up (issue 17)

    return " ".join(secrets.SystemRandom().sample(word_list(), words))


def _variants(text: str) -> list[str]:
    """A name as people type it: lower case, without spaces or hyphens, without å ä ö."""
    low = unicodedata.normalize("NFC", text.strip().lower())
    out: list[str] = []
    for form in (low, low.replace(" ", ""), low.replace("-", ""), re.sub(r"[\s-]", "", low)):
        for variant in (form, form.translate(_FOLD)):
            if variant and variant not in out:
                out.append(variant)
    return out


def _ranked(words: Iterable[str]) -> dict[str, int]:
    ranked: dict[str, int] = {}
    for word in words:
        ranked.setdefault(word, len(ranked) + 1)
    return ranked


@cache
def _context_dictionary() -> dict[str, int]:
    """Utväg's words, then the municipalities; names of four letters or fewer are left out
    (Ale, Eda, Kil, Mora, Vara...: they are everyday words and add little)."""
    words = [v for w in APP_WORDS for v in _variants(w)]
    words += [v for m in _read_list(MUNICIPALITIES) if len(m) > 4 for v in _variants(m)]
    return _ranked(words)


def _install() -> Any:
    """zxcvbn's matching module with the Swedish frequency lists added and its l33t
    enumeration bounded (once)."""
    global _installed
    from zxcvbn import matching

    with _lock:
        if not _installed:
            enumerate_all = matching.enumerate_l33t_subs

            def enumerate_bounded(table: dict[str, list[str]]) -> list[dict[str, str]]:
                subs: list[dict[str, str]] = enumerate_all(table)
                return subs[:MAX_L33T_SUBSTITUTIONS]

            matching.enumerate_l33t_subs = enumerate_bounded  # l33t_match looks it up here
            folded = [v for w in _read_list(PASSWORDS) for v in _variants(w)]
            matching.add_frequency_lists(
                {
                    SV_PASSWORDS: list(_ranked(folded)),
                    SV_WORDS: list(word_list()),
                    SV_NAMES: list(_read_list(NAMES)),
                }
            )
            _installed = True
    return matching


def user_words(values: Iterable[str]) -> list[str]:
    """The caller's words (an account name such as ``anna.svensson``) and their parts."""
    out: list[str] = []
    for value in values:
        for part in (value, *re.split(r"[\W_]+", value)):
            out += [v for v in _variants(part) if len(v) >= 3 and v not in out]
    return out


def _swedish_keyboard_walks(matching: Any, password: str) -> list[dict[str, Any]]:
    translated = password.translate(_SV_KEYBOARD)
    if translated == password:
        return []
    graphs = {"qwerty": matching.GRAPHS["qwerty"]}
    found: list[dict[str, Any]] = matching.spatial_match(translated, _graphs=graphs)
    for match in found:
        match["token"] = password[match["i"] : match["j"] + 1]
    return found


def estimate(passphrase: str, context: Iterable[str] = ()) -> Estimate:
    """How many guesses (log10) the passphrase takes, and what it was found to be made of."""
    matching = _install()
    from zxcvbn import scoring

    password = unicodedata.normalize("NFC", passphrase)[:MAX_ESTIMATED_CHARS]
    if not password:
        return Estimate(0.0, ())
    dictionaries = dict(matching.RANKED_DICTIONARIES)
    dictionaries[CONTEXT] = _context_dictionary()
    dictionaries[USER_INPUTS] = _ranked(user_words(context))
    matches = matching.omnimatch(password, dictionaries)
    matches += _swedish_keyboard_walks(matching, password)
    matches.sort(key=lambda m: (m["i"], m["j"]))
    result = scoring.most_guessable_match_sequence(password, matches)
    parts = tuple(
        (
            f"dictionary:{m['dictionary_name']}" if m["pattern"] == "dictionary" else m["pattern"],
            m["j"] - m["i"] + 1,
        )
        for m in result["sequence"]
    )
    return Estimate(round(float(result["guesses_log10"]), 2), parts)
