"""Backup: make an encrypted backup while working, check a backup file, and the reminder.

*Skapa säkerhetskopia* asks for the passphrase again (with this computer's device secret it
gives the data key that the copy is checked with; storage/backup/backups.py) and a file, then runs
:func:`storage.backup.backups.create_backup` on the store worker with a progress indicator. The
passphrase is taken out of the field as soon as the work starts. *Kontrollera* runs
:func:`storage.backup.backups.verify_backup` — structure and hashes, and with the passphrase also
the database inside. Restoring is done on the new computer with the recovery code: the
first-run wizard's *Restore from a backup…* (ui/access/restore.py) or ``utvag backup restore
FILE --store DIR`` (docs/backup.md).

A backup made before the latest gallring still holds the cases that gallring deleted
(``storage.casework.gallring_protocol.weeded_after``): the reminder says so of the latest
backup, and *Kontrollera* of the backup checked — "innehåller gallrade ärenden" — so that
it is destroyed, or kept only as long as the rules allow.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from storage.backup.backups import (
    backup_due,
    create_backup,
    set_backup_interval,
    verify_backup,
)
from storage.casework.gallring_protocol import weeded_after
from storage.vault.key_access import last_recovery_drill
from storage.vault.store import Store
from ui.access.drill import RecoveryDrillDialog
from ui.kit import labels
from ui.kit.audit_values import local_time
from ui.kit.dialogs import (
    counted_suffix,
    human_size,
    open_path,
    plain_label,
    quiet_buttons,
    save_path,
    set_state,
    short_hash,
)
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

SUFFIX = ".backup"


class BackupReminder(QObject):
    """The reminder's count in Qt's plural forms (lupdate marks plural messages only for
    ``self.tr``; this object's class name is their context)."""

    def interval(self, days: int) -> str:
        return self.tr("A backup is due (every %n day(s)).", "", days)

    def weeded_latest(self, cases: int) -> str:
        return self.tr(
            "The latest backup was made before a gallring: it still holds %n weeded case(s). "
            "Make a new backup, and destroy the old one or keep it only as long as the rules "
            "allow.",
            "",
            cases,
        )

    def weeded_checked(self, cases: int) -> str:
        return self.tr(
            "This backup was made before a gallring: it still holds %n weeded case(s). "
            "Destroy it, or keep it only as long as the rules allow; restoring it would bring "
            "the weeded cases back.",
            "",
            cases,
        )


def due_text(due: Any) -> tuple[str, bool]:
    """What the reminder says, and whether it needs the caseworker's attention (a backup is
    due, or none has ever been made)."""
    last = labels.local_time(due.last_backup) if due.last_backup else None
    if last is None:
        text = QCoreApplication.translate("BackupDialog", "No backup has been made of this store.")
    else:
        text = QCoreApplication.translate("BackupDialog", "Last backup: {when}.").format(when=last)
    if due.due:
        text += " " + BackupReminder().interval(int(due.interval_days))
    else:
        text += " " + QCoreApplication.translate("BackupDialog", "Next one by {day}.").format(
            day=due.due_on.isoformat()
        )
    return text, bool(due.due) or due.last_backup is None


class BackupDialog(QDialog):
    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backupDialog")
        self.setWindowTitle(self.tr("Backup"))
        self.session = session
        session.guard.register(self)
        session.guard.track_dialog(self)
        self.due = plain_label("", self, "backupDue")
        self.interval = QSpinBox(self)
        self.interval.setObjectName("backupInterval")
        self.interval.setRange(1, 365)
        counted_suffix(self.interval, lambda n: self.tr(" day(s)", "", n))
        self.interval_button = QPushButton(self.tr("Sa&ve"), self)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("backupPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.create_button = QPushButton(self.tr("&Create backup…"), self)
        self.create_button.setObjectName("createBackup")
        self.verify_button = QPushButton(self.tr("C&heck a backup…"), self)
        self.verify_button.setObjectName("verifyBackup")
        self.status = plain_label("", self, "backupStatus")
        restore = plain_label(
            self.tr(
                "To restore on another computer: install Utväg there and choose 'Restore from a "
                "backup…' when it starts, with the recovery code. A backup opens only with the "
                "recovery code that was valid when it was made."
            ),
            self,
            "hint",
        )
        self.drill = plain_label("", self, "lastDrill")
        self.drill_button = QPushButton(self.tr("&Practise with the recovery code…"), self)
        self.drill_button.setObjectName("drillButton")
        drill_row = QHBoxLayout()
        drill_row.addWidget(self.drill, 1)
        drill_row.addWidget(self.drill_button)
        close = QPushButton(self.tr("Close"), self)
        remind = QHBoxLayout()
        remind.addWidget(self.interval)
        remind.addWidget(self.interval_button)
        remind.addStretch(1)
        make = QGroupBox(self.tr("Make or check a backup"), self)
        form = QFormLayout(make)
        form.addRow(
            plain_label(
                self.tr(
                    "The backup is encrypted like the store. Keep it on another disk, locked away."
                ),
                make,
                "hint",
            )
        )
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        row = QHBoxLayout()
        row.addWidget(self.create_button)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        form.addRow(row)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.due)
        reminder = QFormLayout()
        remind_label = QLabel(self.tr("&Remind me after:"), self)
        remind_label.setBuddy(self.interval)
        reminder.addRow(remind_label, remind)
        layout.addLayout(reminder)
        layout.addWidget(make)
        layout.addWidget(self.status)
        layout.addWidget(restore)
        layout.addLayout(drill_row)
        layout.addStretch(1)
        layout.addLayout(bottom)
        self.create_button.clicked.connect(self.choose_create)
        self.verify_button.clicked.connect(self.choose_verify)
        self.interval_button.clicked.connect(self.save_interval)
        self.drill_button.clicked.connect(self.open_drill)
        self.passphrase.textChanged.connect(self._update)
        close.clicked.connect(self.reject)
        self.setMinimumWidth(620)
        quiet_buttons(self)
        self._update()
        self.refresh()

    def _update(self) -> None:
        self.create_button.setEnabled(bool(self.passphrase.text()))

    def refresh(self) -> None:
        def work(store: Store) -> tuple[Any, int]:
            due = backup_due(store)
            return due, weeded_after(store, due.last_backup) if due.last_backup else 0

        self.session.run(self, work, self._due_loaded, progress=False)
        self.session.run(self, last_recovery_drill, self._drill_loaded, progress=False)

    def _drill_loaded(self, when: str | None) -> None:
        """The last recovery-code drill (local date), or that there has been none."""
        if when:
            day = local_time(when)[:10]
            self.drill.setText(self.tr("Last recovery code drill: {date}.").format(date=day))
        else:
            self.drill.setText(self.tr("The recovery code has not been practised yet."))

    def open_drill(self) -> None:
        dialog = RecoveryDrillDialog(self.session, self)
        dialog.drilled.connect(lambda _when: self.refresh())
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _due_loaded(self, found: tuple[Any, int]) -> None:
        due, weeded = found
        text, is_due = due_text(due)
        if weeded:
            text += "\n" + BackupReminder().weeded_latest(weeded)
        self.due.setText(text)
        set_state(self.due, "warning" if is_due or weeded else "ok")
        self.interval.setValue(int(due.interval_days))

    def save_interval(self) -> None:
        days = self.interval.value()
        self.session.run(
            self,
            lambda store: set_backup_interval(store, days),
            lambda _r: self.refresh(),
            progress=False,
        )

    # ------------------------------------------------------------------ create
    def choose_create(self) -> None:
        name = f"utvag-{dt.date.today().isoformat()}{SUFFIX}"
        path = save_path(self, self.tr("Save the backup"), name, self.tr("Utväg backup (*.backup)"))
        if path is not None and self.session.is_unlocked:
            self.create_to(path)

    def create_to(self, path: Path) -> None:
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        passphrase = self.passphrase.text()
        self.passphrase.clear()  # not kept in the widget while the work runs
        self._show("", "")
        self.session.run(
            self,
            lambda store: create_backup(store, path, passphrase),
            self._created,
            self._failed,
            label=self.tr("Making the backup…"),
        )

    def _created(self, info: Any) -> None:
        text = self.tr("The backup was written to {file} ({size}).\nSHA-256: {hash}").format(
            file=info.path.name, size=human_size(info.size), hash=short_hash(info.sha256)
        )
        if not info.audit_ok:
            text += "\n" + self.tr("Note: the audit log in the copy did not verify.")
        self._show(text, "ok" if info.audit_ok else "warning")
        self.refresh()

    # ------------------------------------------------------------------ verify
    def choose_verify(self) -> None:
        path = open_path(self, self.tr("Check a backup"), self.tr("Utväg backup (*.backup)"))
        if path is not None and self.session.is_unlocked:
            self.verify_file(path)

    def verify_file(self, path: Path) -> None:
        secret = self.passphrase.text() or None
        self.passphrase.clear()
        self._show("", "")

        def work(store: Store) -> tuple[Any, int]:
            report = verify_backup(path, passphrase=secret)
            made = report.manifest.created if report.manifest is not None else None
            try:
                return report, weeded_after(store, made) if made else 0
            except ValueError:  # a damaged manifest's time: the report says what is wrong
                return report, 0

        self.session.run(
            self, work, self._verified, self._failed, label=self.tr("Checking the backup…")
        )

    def _verified(self, found: tuple[Any, int]) -> None:
        report, weeded = found
        created = report.manifest.created if report.manifest is not None else "?"
        if report.ok and report.deep:
            text = self.tr(
                "The backup from {when} is intact: the database inside opens and checks out."
            ).format(when=labels.local_time(created))
        elif report.ok:
            text = self.tr(
                "The backup from {when} is complete and its hashes match. Enter the "
                "passphrase to also check the database inside."
            ).format(when=labels.local_time(created))
        else:
            text = self.tr("The backup is damaged: {problems}").format(
                problems="; ".join(report.problems[:5])
            )
        if weeded:
            text += "\n" + BackupReminder().weeded_checked(weeded)
        self._show(text, ("warning" if weeded else "ok") if report.ok else "error")

    # ------------------------------------------------------------------ common
    def _failed(self, exc: BaseException) -> None:
        self._show(error_text(exc), "error")

    def _show(self, text: str, state: str) -> None:
        self.status.setText(text)
        set_state(self.status, state)

    def clear_for_lock(self) -> None:
        self.drill.clear()
        self.passphrase.clear()
        self.status.clear()
        self.due.clear()
