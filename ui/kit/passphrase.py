"""A new-passphrase input: passphrase, repetition, strength meter and the rule's verdict.

Used by the first-run wizard, the recovery dialog and the restore dialog. The verdict is the
core's (:func:`storage.vault.passphrase.assess_new_passphrase`: zxcvbn with Swedish words,
Utväg's setting and the account name handed in as ``context``) — the same rule the store
applies when the passphrase is used, so the screen never accepts what the core refuses.
Below the floor the input is not acceptable (*Nästa*/OK stay disabled) and the verdict says
why, with a suggested passphrase of random Swedish words (one per input, so it does not
change with every key); above the floor but not strong, it warns.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from storage.vault.passphrase import (
    MIN_PASSPHRASE_LENGTH,
    PassphraseVerdict,
    Strength,
    assess_new_passphrase,
)
from storage.vault.strength import suggest_passphrase
from ui.runtime.error_dialog import error_text

#: The meter is full at 10**20 guesses.
FULL_METER_GUESSES_LOG10 = 20.0


class PassphraseInput(QWidget):
    """Two password fields, a strength meter, and whether the pair is acceptable."""

    changed = Signal()

    def __init__(self, context: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = tuple(context)
        self.min_length = MIN_PASSPHRASE_LENGTH
        self.suggestion = suggest_passphrase()
        self.verdict_now: PassphraseVerdict | None = None
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
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(
            self.tr(
                "At least %n characters. Several words that do not belong together are easy "
                "to remember and hard to guess.",
                "",
                MIN_PASSPHRASE_LENGTH,
            ),
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
        verdict = self.verdict_now
        if verdict is None or verdict.strength is Strength.TOO_SHORT:
            return self.tr("Too short: %n of at least {minimum} characters.", "", len(text)).format(
                minimum=self.min_length
            )
        error = verdict.error(self.suggestion)
        if error is not None:
            return error_text(error)
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
        text = self.first.text()
        verdict = assess_new_passphrase(text, self.context) if text else None
        self.verdict_now = verdict
        log10 = verdict.guesses_log10 if verdict else 0.0
        self.meter.setValue(min(100, int(100 * log10 / FULL_METER_GUESSES_LOG10)))
        level = verdict.strength if verdict else Strength.TOO_SHORT
        words = {
            Strength.TOO_SHORT: self.tr("Too short"),
            Strength.WEAK: self.tr("Weak"),
            Strength.FAIR: self.tr("Acceptable"),
            Strength.STRONG: self.tr("Strong"),
            Strength.VERY_STRONG: self.tr("Very strong"),
        }
        self.meter.setProperty("level", level.value)
        self.meter.style().unpolish(self.meter)
        self.meter.style().polish(self.meter)
        said = ""
        if text:
            problem = self.problem()
            if not problem and verdict is not None and verdict.warning:
                problem = self.tr(
                    "Accepted, but it could be stronger: one or two more words make it much "
                    "harder to guess."
                )
            said = self.tr("Strength: {verdict}").format(verdict=words[level])
            said += f" — {problem}" if problem else ""
        self.verdict.setText(said)
        self.first.setAccessibleDescription(said)
        self.changed.emit()
