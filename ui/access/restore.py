"""Restore the store from an encrypted backup: the first-run wizard's second way in.

Opened from the wizard's welcome page, e.g. on a new computer. The caseworker chooses the
backup file, types the recovery code that was valid when the backup was made (checked for
typos here, before any work, like the unlock screen's recovery: ui/access/recovery.py) and a new
passphrase (ui/kit/passphrase.py: the first run's strength meter and minimum). desktop/ hands
in ``restore``; it runs on the store worker (ui/runtime/operations.py): the backup is restored into
the folder the wizard would create the store in (:func:`storage.backup.backups.restore_backup`)
and opened with the new passphrase. Never over an existing store: the core refuses and its
translated message is shown. Only when the core says that this computer's keyring already
holds the device secret of the store in the backup (``KeyringEntryExistsError``) does the
dialog offer to take that entry over. :class:`RestoredPage` ends the wizard afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from storage.backup.restore import KeyringEntryExistsError
from ui.access.recovery import (
    recovery_code_input,
    recovery_code_problem,
)
from ui.kit import labels
from ui.kit.dialogs import (
    open_path,
    plain_label,
    set_state,
)
from ui.kit.passphrase import PassphraseInput
from ui.runtime.error_dialog import show_error
from ui.runtime.operations import (
    OpContext,
    run_op,
)
from ui.window.backup_dialog import SUFFIX

#: ``restore(backup, code, new_passphrase, take_over_keyring, progress) -> (store, result)``
#: on the store worker; ``progress(step)`` with the steps ``extract``, ``recover``, ``open``.
RestoreFn = Callable[[Path, str, str, bool, Callable[[str], None]], tuple[Any, Any]]


def add_restore_offer(layout: QVBoxLayout, page: QWidget) -> QPushButton:
    """The welcome page's secondary action, below a line; returns the button."""
    line = QFrame(page)
    line.setFrameShape(QFrame.Shape.HLine)
    text = QCoreApplication.translate(
        "WelcomePage",
        "Moving to a new computer, or starting again after losing one? If you have a backup "
        "of your store and its recovery code, restore it instead of creating a new store.",
    )
    button = QPushButton(QCoreApplication.translate("WelcomePage", "&Restore from a backup…"), page)
    button.setObjectName("restoreFromBackup")
    button.setAutoDefault(False)
    layout.addWidget(line)
    layout.addWidget(plain_label(text, page, "hint"))
    layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
    return button


class RestoreDialog(QDialog):
    """``restored(store, result)`` once the restored store is open with the new passphrase."""

    restored = Signal(object, object)

    def __init__(
        self,
        restore: RestoreFn,
        passphrase_context: Sequence[str] = (),
        target: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        self._restore = restore
        self.backup: Path | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Restore your store from a backup, for example on a new computer. You need "
                    "the backup file and the recovery code that was valid when the backup was "
                    "made."
                ),
                self,
            )
        )
        layout.addLayout(self._build_source())
        layout.addWidget(self._build_passphrase(passphrase_context))
        for widget in self._build_notes(target):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        layout.addWidget(self._build_buttons())
        self.setMinimumWidth(680)
        self._update()

    def _build_source(self) -> QFormLayout:
        """The backup file and the recovery code (typos shown before any work)."""
        self.file = QLineEdit(self)
        self.file.setObjectName("backupFile")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.file.setAccessibleName(self.tr("Backup file"))
        self.choose_button = QPushButton(self.tr("C&hoose…"), self)
        self.choose_button.setObjectName("chooseBackup")
        self.choose_button.clicked.connect(self.choose_file)
        self.code = recovery_code_input(self)
        self.code_error = plain_label("", self, "codeError")
        set_state(self.code_error, "error")
        self.code_error.setVisible(False)
        self.code.textChanged.connect(self._update)
        self.code.textChanged.connect(lambda _t: self.code_error.setVisible(False))
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)
        file_label = QLabel(self.tr("Backup &file:"), self)
        file_label.setBuddy(self.choose_button)
        form = QFormLayout()
        form.addRow(file_label, file_row)
        form.addRow(self.tr("Recovery &code:"), self.code)
        form.addRow("", self.code_error)
        return form

    def _build_passphrase(self, context: Sequence[str]) -> QGroupBox:
        self.new_passphrase = PassphraseInput(context, self)
        self.new_passphrase.changed.connect(self._update)
        group = QGroupBox(self.tr("New passphrase for this computer"), self)
        QVBoxLayout(group).addWidget(self.new_passphrase)
        return group

    def _build_notes(self, target: Path | None) -> list[QWidget]:
        """What restoring does; the keyring take-over, shown only when the core asks for it."""
        where = str(target) if target is not None else self.tr("the store folder")
        self.explain = plain_label(
            self.tr(
                "The store is restored into {folder}; nothing there is overwritten. It opens with "
                "the new passphrase only (and a new device key in this computer's keyring, if it "
                "used one). The recovery code keeps working: afterwards get a new one (Settings, "
                "New recovery code…) and make a new backup."
            ).format(folder=where),
            self,
            "hint",
        )
        self.keyring_note = plain_label(
            self.tr(
                "This computer's keyring already holds the device key of the store in this "
                "backup: that store has been set up on this computer before. If you take the "
                "entry over, that earlier store no longer opens with its passphrase, only with "
                "its recovery code. Take it over only if that store is gone or no longer used."
            ),
            self,
            "keyringNote",
        )
        set_state(self.keyring_note, "warning")
        self.take_over = QCheckBox(self.tr("&Take over the keyring entry"), self)
        self.take_over.setObjectName("takeOverKeyring")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busy")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(self.tr("Restoring the backup"))
        for widget in (self.keyring_note, self.take_over, self.busy):
            widget.setVisible(False)
        return [self.explain, self.keyring_note, self.take_over]

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Re&store"))
        self.ok_button.setObjectName("restoreButton")
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # ------------------------------------------------------------------ input
    def choose_file(self) -> None:
        pattern = self.tr("Utväg backup (*{suffix})").format(suffix=SUFFIX)
        path = open_path(self, self.tr("Choose the backup"), pattern)
        if path is not None:
            self.set_backup_file(path)

    def set_backup_file(self, path: Path) -> None:
        self.backup = Path(path)
        self.file.setText(str(self.backup))
        self._update()

    def working(self) -> bool:
        return not self.busy.isHidden()

    def _update(self) -> None:
        ready = self.backup is not None and bool(self.code.text().strip())
        ready = ready and self.new_passphrase.is_acceptable() and not self.working()
        self.ok_button.setEnabled(ready)

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        for widget in (self.choose_button, self.code, self.new_passphrase, self.take_over):
            widget.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not busy)
        self._update()

    # ------------------------------------------------------------------ restoring
    def start(self) -> None:
        if not self.ok_button.isEnabled() or self.backup is None:
            return
        code = self.code.text().strip()
        problem = recovery_code_problem(code)
        self.code_error.setText(problem)
        self.code_error.setVisible(bool(problem))
        if problem:  # a typo: refused here, before any work
            self.adjustSize()
            self.code.setFocus()
            return
        backup, passphrase = self.backup, self.new_passphrase.passphrase()
        take_over = not self.take_over.isHidden() and self.take_over.isChecked()
        restore = self._restore
        steps = {
            "extract": self.tr("Unpacking and checking the backup…"),
            "recover": self.tr("Setting the new passphrase…"),
            "open": self.tr("Opening the restored store…"),
        }
        label = self.tr("Restoring the backup…")

        def work(ctx: OpContext) -> tuple[Any, Any]:
            def progress(step: str) -> None:
                ctx.report(0, 0, steps.get(step, label))

            return restore(backup, code, passphrase, take_over, progress)

        self._set_busy(True)
        run_op(self, work, self._done, self._failed, progress=True, label=label)

    def _done(self, outcome: object) -> None:
        assert isinstance(outcome, tuple)
        store, result = outcome
        self._set_busy(False)
        self.clear_secrets()
        self.accept()
        self.restored.emit(store, result)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, KeyringEntryExistsError):
            # the core's message names the command line's options; the dialog offers the choice
            self.keyring_note.setVisible(True)
            self.take_over.setChecked(False)
            self.take_over.setVisible(True)
            self.explain.setVisible(False)  # the keyring question comes first now
            self.adjustSize()
            self.take_over.setFocus()
            return
        show_error(self, exc)

    def clear_secrets(self) -> None:
        self.code.clear()
        self.new_passphrase.clear()

    def reject(self) -> None:
        if self.working():
            return  # the restore runs to its end (it cleans up after itself on failure)
        self.clear_secrets()
        super().reject()


class RestoredPage(QWizardPage):
    """The wizard's last page after a restore: what happened and what to do next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The backup is restored"))
        self.summary = plain_label("", self, "restoredSummary")
        set_state(self.summary, "ok")
        self.note = plain_label("", self, "restoredNote")
        advice = plain_label(
            self.tr(
                "The recovery code you typed still opens the store and its backups; keep it locked "
                "away. For a new recovery code choose Settings, New recovery code…, then make a "
                "new backup: older backups open only with the code that was valid when they were "
                "made. This installation's identity (municipality, unit, name and keys) is part "
                "of the store and came back with it."
            ),
            self,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addWidget(advice)
        layout.addStretch(1)

    def set_result(self, result: Any) -> None:
        text = self.tr("The backup from {when} is restored and open on this computer.").format(
            when=labels.local_time(result.backup_created)
        )
        if result.device_key:
            text += " " + self.tr("A new device key is in this computer's keyring.")
        self.summary.setText(text)
        note = (
            ""
            if result.audit_ok
            else self.tr(
                "Note: the audit log in the backup did not verify. Check it under Audit log."
            )
        )
        self.note.setText(note)
        self.note.setVisible(bool(note))
        set_state(self.note, "warning" if note else "")
