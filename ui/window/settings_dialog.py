"""Settings: the idle timeout and screen-capture exclusion (non-sensitive preferences only),
and the way to a new recovery code (*Ny återställningskod…*: the dialog closes and the main
window opens ui/access/new_recovery_code.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.runtime.privacy import capture_exclusion_supported

MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60
#: The case list's share of the main window, per cent (the user drags the divider).
MIN_LIST_SHARE, MAX_LIST_SHARE = 20, 70


@dataclass(frozen=True)
class UiPreferences:
    """What the user can set in the client. Stored by desktop/ (never personal data)."""

    idle_timeout_min: int = 5
    exclude_from_capture: bool = True
    language: str = "sv"
    list_share: int = 40  # per cent of the main window's width for the case list


class SettingsDialog(QDialog):
    #: *Ny återställningskod…* was chosen (the dialog closes without saving first).
    new_recovery_code_requested = Signal()

    def __init__(self, prefs: UiPreferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.idle = QSpinBox(self)
        self.idle.setObjectName("idleTimeout")
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setValue(prefs.idle_timeout_min)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock after inactivity, minutes"))
        self.capture = QCheckBox(self.tr("Hide the window from screenshots and screen sharing"))
        self.capture.setObjectName("excludeFromCapture")
        self.capture.setChecked(prefs.exclude_from_capture)
        note = QLabel(self)
        note.setWordWrap(True)
        note.setObjectName("hint")
        if not capture_exclusion_supported():
            self.capture.setEnabled(False)
            note.setText(self.tr("Only Windows can keep a window out of screen capture."))
        form = QFormLayout()
        form.addRow(self.tr("&Lock after inactivity:"), self.idle)
        form.addRow(self.capture)
        form.addRow(note)
        recovery = self._build_recovery_code()  # before the buttons: Tab follows the page
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(recovery)
        layout.addWidget(buttons)

    def _build_recovery_code(self) -> QGroupBox:
        group = QGroupBox(self.tr("Recovery code"), self)
        note = QLabel(
            self.tr(
                "Make a new recovery code if the old one may have been seen by someone else, or "
                "after a restore. The old code then stops working."
            ),
            group,
        )
        note.setWordWrap(True)
        note.setObjectName("hint")
        self.new_code_button = QPushButton(self.tr("&New recovery code…"), group)
        self.new_code_button.setObjectName("newRecoveryCode")
        self.new_code_button.setAutoDefault(False)
        self.new_code_button.clicked.connect(self._new_recovery_code)
        inner = QVBoxLayout(group)
        inner.addWidget(note)
        inner.addWidget(self.new_code_button)
        return group

    def _new_recovery_code(self) -> None:
        self.reject()
        self.new_recovery_code_requested.emit()

    def preferences(self) -> UiPreferences:
        return replace(
            self._prefs,
            idle_timeout_min=self.idle.value(),
            exclude_from_capture=self.capture.isChecked(),
        )
