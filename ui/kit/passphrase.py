"""A new-passphrase input: passphrase, repetition, strength meter and the clear minimum.

Used by the first-run wizard and by the recovery dialog. The strength is a rough,
local estimate (length, character variety, repetition, a few very common choices); it
guides, the store's own minimum (``MIN_PASSPHRASE_LENGTH``) decides.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

_COMMON = (
    "password",
    "lösenord",
    "losenord",
    "qwerty",
    "123456",
    "sommar",
    "vinter",
    "utväg",
    "utvag",
    "hemligt",
)


def estimate_bits(passphrase: str) -> float:
    """A rough strength estimate in bits (0 for empty)."""
    if not passphrase:
        return 0.0
    lowered = passphrase.lower()
    pool = 0
    if any(c.islower() for c in passphrase):
        pool += 29
    if any(c.isupper() for c in passphrase):
        pool += 29
    if any(c.isdigit() for c in passphrase):
        pool += 10
    if any(not c.isalnum() for c in passphrase):
        pool += 33
    if any(ord(c) > 0x24F for c in passphrase):
        pool += 50
    distinct = len(set(lowered))
    effective = min(len(passphrase), distinct * 2.5)
    steps = sum(1 for a, b in itertools.pairwise(lowered) if abs(ord(b) - ord(a)) <= 1)
    effective -= steps * 0.5
    bits = max(effective, 1.0) * math.log2(max(pool, 2))
    if any(word in lowered for word in _COMMON):
        bits = min(bits, bits * 0.5)
    return round(bits, 1)


class PassphraseInput(QWidget):
    """Two password fields, a strength meter, and whether the pair is acceptable."""

    changed = Signal()

    def __init__(self, min_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_length = min_length
        self.first = QLineEdit(self)
        self.first.setObjectName("newPassphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.first.setAccessibleName(self.tr("New passphrase"))
        self.second = QLineEdit(self)
        self.second.setObjectName("repeatPassphrase")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.second.setAccessibleName(self.tr("Repeat the passphrase"))
        self.show_box = QCheckBox(self.tr("Show passphrase"), self)
        self.meter = QProgressBar(self)
        self.meter.setObjectName("strengthMeter")
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("strengthVerdict")
        self.hint = QLabel(
            self.tr(
                "At least {count} characters. Several unrelated words are easy to remember "
                "and hard to guess."
            ).format(count=min_length),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")

        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.show_box)
        layout.addWidget(self.meter)
        layout.addWidget(self.verdict)
        layout.addWidget(self.hint)

        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._update)
        self.show_box.toggled.connect(self._toggle_echo)
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()

    def problem(self) -> str:
        """Why the input cannot be used yet ('' when it can)."""
        text = self.first.text()
        if len(text) < self.min_length:
            return self.tr("Too short: {count} of at least {minimum} characters.").format(
                count=len(text), minimum=self.min_length
            )
        if text != self.second.text():
            return self.tr("The two passphrases are not the same.")
        return ""

    def is_acceptable(self) -> bool:
        return not self.problem()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.second.setEchoMode(mode)

    def _update(self) -> None:
        bits = estimate_bits(self.first.text())
        self.meter.setValue(min(100, int(bits)))
        if len(self.first.text()) < self.min_length:
            level, word = "short", self.tr("Too short")
        elif bits < 50:
            level, word = "weak", self.tr("Weak")
        elif bits < 70:
            level, word = "fair", self.tr("Acceptable")
        elif bits < 90:
            level, word = "strong", self.tr("Strong")
        else:
            level, word = "verystrong", self.tr("Very strong")
        self.meter.setProperty("level", level)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        problem = self.problem() if self.first.text() else ""
        self.verdict.setText(
            self.tr("Strength: {verdict}").format(verdict=word)
            + (f" — {problem}" if problem else "")
        )
        self.changed.emit()
