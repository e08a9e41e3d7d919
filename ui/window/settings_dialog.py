"""Settings: the idle timeout and screen-capture exclusion (non-sensitive preferences only)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
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
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def preferences(self) -> UiPreferences:
        return replace(
            self._prefs,
            idle_timeout_min=self.idle.value(),
            exclude_from_capture=self.capture.isChecked(),
        )
