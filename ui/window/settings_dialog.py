"""Settings, on two tabs. *Allmänt*: the idle timeout and screen-capture exclusion
(non-sensitive preferences only). *Inloggning*: the quick-unlock PIN and how long it works,
the card (its PKCS#11 module, the cards added, *Lägg till kort…*, *Ta bort*), and the
recovery code (*Öva med återställningskoden…*, *Ny återställningskod…*). A button that opens
another dialog closes this one first (the main window opens it: ui/access/)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from storage.vault.store import Store
from storage.vault.token.enrol import (
    SlotSummary,
    list_key_slots,
    remove_token_slot,
)
from ui.kit.dialogs import counted_suffix
from ui.runtime.privacy import capture_exclusion_supported
from ui.runtime.session_api import SessionAPI
from ui.window.preferences import (  # the bounds and the settings, apart (start-up)
    MAX_IDLE_MINUTES,
    MAX_LIST_SHARE,
    MAX_QUICK_HOURS,
    MIN_IDLE_MINUTES,
    MIN_LIST_SHARE,
    MIN_QUICK_HOURS,
    UiPreferences,
)

__all__ = [
    "MAX_IDLE_MINUTES",
    "MAX_LIST_SHARE",
    "MAX_QUICK_HOURS",
    "MIN_IDLE_MINUTES",
    "MIN_LIST_SHARE",
    "MIN_QUICK_HOURS",
    "SettingsDialog",
    "UiPreferences",
]


class SettingsDialog(QDialog):
    #: *Ny återställningskod…* was chosen (the dialog closes without saving first).
    new_recovery_code_requested = Signal()
    #: *Lägg till kort…*, *Välj PIN…*, *Öva med återställningskoden…* (the same way).
    add_card_requested = Signal()
    quick_pin_requested = Signal()
    drill_requested = Signal()

    def __init__(
        self,
        prefs: UiPreferences,
        parent: QWidget | None = None,
        *,
        session: SessionAPI | None = None,
        quick_until: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self._prefs = prefs
        self.session = session
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.addTab(self._build_general(prefs), self.tr("General"))
        self.tabs.addTab(self._build_access(prefs, quick_until), self.tr("Signing in"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        for label in self.findChildren(QLabel):  # wrapped hints keep their full height
            if label.wordWrap():
                label.setMinimumHeight(label.heightForWidth(600 - 60))
        if session is not None:
            session.guard.register(self)
            session.guard.track_dialog(self)
            self.load_cards()

    def _build_general(self, prefs: UiPreferences) -> QWidget:
        page = QWidget(self)
        self.idle = QSpinBox(page)
        self.idle.setObjectName("idleTimeout")
        self.idle.setRange(MIN_IDLE_MINUTES, MAX_IDLE_MINUTES)
        self.idle.setValue(prefs.idle_timeout_min)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setAccessibleName(self.tr("Lock after inactivity, minutes"))
        self.capture = QCheckBox(self.tr("Hide the window from screenshots and screen sharing"))
        self.capture.setObjectName("excludeFromCapture")
        self.capture.setChecked(prefs.exclude_from_capture)
        note = _hint("", page)
        if not capture_exclusion_supported():
            self.capture.setEnabled(False)
            note.setText(self.tr("Only Windows can keep a window out of screen capture."))
        form = QFormLayout(page)
        form.addRow(self.tr("&Lock after inactivity:"), self.idle)
        form.addRow(self.capture)
        form.addRow(note)
        return page

    def _build_access(self, prefs: UiPreferences, quick_until: float | None) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.addWidget(self._build_quick(prefs, quick_until, page))
        layout.addWidget(self._build_card(prefs, page))
        layout.addWidget(self._build_recovery_code(page))
        layout.addStretch(1)
        return page

    def _build_quick(self, prefs: UiPreferences, until: float | None, page: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Quick unlock with a PIN"), page)
        note = _hint(
            self.tr(
                "After Utväg has locked itself because you were away, a short PIN opens it "
                "again — not after Ctrl+L, a locked screen, sleep or a restart."
            ),
            group,
        )
        self.quick_hours = QSpinBox(group)
        self.quick_hours.setObjectName("quickUnlockHours")
        self.quick_hours.setRange(MIN_QUICK_HOURS, MAX_QUICK_HOURS)
        self.quick_hours.setValue(prefs.quick_unlock_hours)
        counted_suffix(self.quick_hours, lambda n: self.tr(" hour(s)", "", n))
        self.quick_hours.setAccessibleName(self.tr("The PIN works for, hours"))
        self.quick_state = _hint(
            self.tr("The PIN works until {time}.").format(
                time=datetime.fromtimestamp(until).strftime("%H:%M")
            )
            if until
            else self.tr("No PIN chosen."),
            group,
        )
        self.quick_state.setObjectName("quickState")
        self.quick_button = _button(self.tr("Choose a &PIN…"), "chooseQuickPin", group)
        self.quick_button.clicked.connect(lambda: self._save_and_leave(self.quick_pin_requested))
        self.quick_button.setEnabled(self.session is not None)
        form = QFormLayout()
        form.addRow(self.tr("The PIN &works for:"), self.quick_hours)
        inner = QVBoxLayout(group)
        inner.addWidget(note)
        inner.addLayout(form)
        inner.addWidget(self.quick_state)
        inner.addWidget(self.quick_button, 0, Qt.AlignmentFlag.AlignLeft)
        return group

    def _build_card(self, prefs: UiPreferences, page: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Card (smart card or security key)"), page)
        note = _hint(
            self.tr(
                "A SITHS card or a security key (PIV) can open Utväg too. Name the card "
                "software (PKCS#11 module) your IT support gives, for example OpenSC's "
                "opensc-pkcs11."
            ),
            group,
        )
        self.module = QLineEdit(prefs.pkcs11_module, group)
        self.module.setObjectName("pkcs11Module")
        self.module.setAccessibleName(self.tr("The card's PKCS#11 module"))
        self.module.setPlaceholderText("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so")
        self.cards = QListWidget(group)
        self.cards.setObjectName("cardSlots")
        self.cards.setAccessibleName(self.tr("Cards added"))
        self.cards.setMaximumHeight(72)
        self.add_card_button = _button(self.tr("&Add a card…"), "addCard", group)
        self.add_card_button.clicked.connect(self._add_card)
        self.remove_card_button = _button(self.tr("&Remove the card"), "removeCard", group)
        self.remove_card_button.clicked.connect(self.remove_card)
        self.module.textChanged.connect(self._update_cards)
        self.cards.currentRowChanged.connect(self._update_cards)
        form = QFormLayout()
        form.addRow(self.tr("Card &software:"), self.module)
        row = QHBoxLayout()
        row.addWidget(self.add_card_button)
        row.addWidget(self.remove_card_button)
        row.addStretch(1)
        inner = QVBoxLayout(group)
        inner.addWidget(note)
        inner.addLayout(form)
        inner.addWidget(self.cards)
        inner.addLayout(row)
        self._update_cards()
        return group

    def _build_recovery_code(self, page: QWidget) -> QGroupBox:
        group = QGroupBox(self.tr("Recovery code"), page)
        note = _hint(
            self.tr(
                "Practise with the recovery code every six months. Make a new recovery code if "
                "the old one may have been seen by someone else, or after a restore. The old "
                "code then stops working."
            ),
            group,
        )
        self.drill_button = _button(self.tr("&Practise with the recovery code…"), "drill", group)
        self.drill_button.clicked.connect(lambda: self._save_and_leave(self.drill_requested))
        self.drill_button.setEnabled(self.session is not None)
        self.new_code_button = _button(self.tr("&New recovery code…"), "newRecoveryCode", group)
        self.new_code_button.clicked.connect(self._new_recovery_code)
        row = QHBoxLayout()
        row.addWidget(self.drill_button)
        row.addWidget(self.new_code_button)
        row.addStretch(1)
        inner = QVBoxLayout(group)
        inner.addWidget(note)
        inner.addLayout(row)
        return group

    # ------------------------------------------------------------------ cards
    def load_cards(self) -> None:
        if self.session is None:
            return

        def slots(store: Store) -> list[SlotSummary]:
            return [s for s in list_key_slots(store, audit=False) if s.kind == "token"]

        self.session.run(self, slots, self._cards_loaded, progress=False)

    def _cards_loaded(self, slots: list[SlotSummary]) -> None:
        self.cards.clear()
        for slot in slots:
            when = slot.enrolled[:10]
            item = QListWidgetItem(
                self.tr("{label} (added {date})").format(label=slot.label or "–", date=when)
            )
            item.setData(Qt.ItemDataRole.UserRole, slot.slot_id)
            self.cards.addItem(item)
        if not slots:
            self.cards.addItem(self.tr("No card has been added."))
        self._update_cards()

    def _selected_slot(self) -> str:
        item = self.cards.currentItem()
        value: Any = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else ""

    def _update_cards(self) -> None:
        signed_in = self.session is not None
        self.add_card_button.setEnabled(signed_in and bool(self.module.text().strip()))
        self.remove_card_button.setEnabled(signed_in and bool(self._selected_slot()))

    def _add_card(self) -> None:
        self._save_and_leave(self.add_card_requested)  # the module path is saved first

    def remove_card(self) -> None:
        slot_id = self._selected_slot()
        if not slot_id or self.session is None:
            return

        def remove(store: Store) -> None:
            remove_token_slot(store, slot_id)

        self.session.run(self, remove, lambda _r: self.load_cards(), progress=False)

    # ------------------------------------------------------------------ leaving
    def _save_and_leave(self, signal: Any) -> None:
        """Accept (the main window saves the settings), then open the next dialog."""
        self._prefs = self.preferences()
        self.accept()
        signal.emit()

    def _new_recovery_code(self) -> None:
        self.reject()
        self.new_recovery_code_requested.emit()

    def clear_for_lock(self) -> None:
        self.cards.clear()

    def preferences(self) -> UiPreferences:
        return replace(
            self._prefs,
            idle_timeout_min=self.idle.value(),
            exclude_from_capture=self.capture.isChecked(),
            pkcs11_module=self.module.text().strip(),
            quick_unlock_hours=self.quick_hours.value(),
        )


def _hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


def _button(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button
