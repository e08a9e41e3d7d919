"""Every window of the Swedish UI speaks Swedish: a walk over every widget's visible texts.

The test opens each top-level window and dialog the app has — the first-run wizard (every
page, the restore dialog and the page after a restore), the unlock window and the recovery
dialog, the main window with the case list, the reminders and every tab of a full case,
the dialogs behind every "…" button of the tabs and tool windows, the reveal-reason dialog,
the audit log, settings, about, contacts and fingerprint verification, the handover wizard
(every page, with a network conflict), the import preview of a real bundle, follow-up and
timeline, providers, statistics and state grant, and backup — over a real store with
fictional demo data, with the Swedish catalogues installed as the app installs them. In
each it reads every text a user can see or hear: window titles, labels, buttons, group
boxes, tabs, placeholders, tooltips, accessible names and descriptions, combo box items,
spin box suffixes, wizard page titles, menu and toolbar actions, the header and the first
rows of every item model, and the titles and filters of the file choosers (the OS file
chooser blocks; a test double records what would be asked and chooses nothing).

A text is English when it contains a word of :data:`ENGLISH` — short, common English words
no Swedish UI text uses — after :data:`ALLOWED` (product and proper names, codes, fictional
data) and command-line options, file patterns and paths are taken out. A failure lists
each English text with the widget it was found in; fix it in the catalogue
(ui/translations/utvag_sv.ts), not here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from desktop.gateway import StoreGateway
from desktop.session import Session
from devtools.screenshots import data
from devtools.screenshots.cases import picture_case
from storage.backup.restore import KeyringEntryExistsError
from storage.casefile import people
from storage.casefile.case_list import list_case_ids
from storage.casefile.persons import persons
from storage.casefile.protection import RevealField, reveal
from storage.demo.build import build_demo
from storage.vault import throttle
from sync.trust import identity
from tests.ui_fixtures import PASSPHRASE, app_sv, gateway, made_store, on_worker  # noqa: F401
from ui.access.first_run import FirstRunWizard
from ui.access.unlock import UnlockWindow
from ui.cases.case_work import install_case_work
from ui.cases.duplicates import DuplicateDialog
from ui.handover.import_dialog import ImportDialog
from ui.handover.import_support import HomeMunicipalityDialog
from ui.handover.wizard import HandoverWizard
from ui.kit.labels import keyring_name
from ui.kit.masking import MaskedField
from ui.window.main_window import MainWindow
from ui.window.settings_dialog import SettingsDialog, UiPreferences

#: Short English words that no Swedish text of the UI contains (Swedish words spelt the same,
#: such as "in", "be", "by", "all" or "it" of "IT-supporten", are left out on purpose).
ENGLISH = frozenset(
    """
    the and of to is a an are was were been with for not no this that these your you
    has have will can cannot could would should there which what when where who why from
    on or at case cases file files open close save cancel show hide enter choose please
    new none yes error warning back next finish done apply help discard abort retry
    ignore print reset unknown other entry entries
    """.split()
)

#: Proper names, product names, codes and fictional data that may stand in a Swedish text.
ALLOWED = (
    "Secret Service",
    "GNOME",
    "KWallet",
    "Windows",
    "macOS",
    "SQLCipher",
    "OpenDocument",
    "English",  # the language menu names each language in itself
    "Word (DOCX)",
    "SHA-256",
    "UTF-8",
    "utvag recover",
    "utvag rekey",
    "utvag init",
    "utvag receipt import",
    "utvag handover import",
    "keyslots.json",
)
_NOISE = re.compile(
    r"--[\w-]+"  # command-line options (--no-device-key)
    r"|\*\.\w+|\*\{\w+\}"  # file patterns (*.utvag)
    r"|(?:[A-Za-z]:)?[\\/][\w\\/ .:-]+"  # paths
    r"|\b\w+(?:[._]\w+)+\b"  # codes and file names: key_change_not_applied, case.json, L.A.
)


def english_words(text: str) -> set[str]:
    """The words of :data:`ENGLISH` in ``text``; numbers and hex, codes, paths, options and
    :data:`ALLOWED` names do not count, nor a capital "A" (initials, "Grupp A")."""
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    text = _NOISE.sub(" ", text.replace("&&", "&").replace("&", ""))
    words = set()
    for token in re.findall(r"\w+", text):
        if any(c.isdigit() for c in token) or token == "A":
            continue
        if token.lower() in ENGLISH:
            words.add(token.lower())
    return words


def test_the_detector_tells_english_from_swedish() -> None:
    assert english_words("Show the case") == {"show", "the", "case"}
    assert english_words("&Cancel") == {"cancel"}
    assert not english_words("Visa ärendet; be avsändaren skicka det igen (IT-supporten)")
    assert not english_words("Skapa en ny databas med --no-device-key i C:/Users/a b/store")
    assert not english_words("Nyckelringen är tillgänglig: Secret Service (GNOME-nyckelring)")
    assert not english_words("UV-2020-0001 · L.A. · 2000; nyckel-id: B8A210FC0; Grupp A")
    assert not english_words("Kod i loggen: key_change_not_applied (case.json)")
    assert english_words("Add a document") == {"a"}


# ---------------------------------------------------------------- reading the texts


def _plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):  # type: ignore[attr-defined]
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _model_texts(model: QAbstractItemModel, rows: int = 8) -> Iterator[str]:
    list_model = isinstance(model, QAbstractListModel)  # its columnCount is private
    columns = 1 if list_model else model.columnCount(QModelIndex())
    for column in range(columns):
        yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(QModelIndex()), rows)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = index.data(role)
                if isinstance(value, str):
                    yield value


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for everything ``widget`` shows, says or offers."""
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    for name in ("toolTip", "accessibleName", "accessibleDescription", "statusTip"):
        yield name, getattr(widget, name)()
    if isinstance(widget, QLabel):
        yield "text", _plain(widget.text())
    if isinstance(widget, QAbstractButton):
        yield "text", widget.text()
    if isinstance(widget, QGroupBox):
        yield "title", widget.title()
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield "tab", widget.tabText(i)
            yield "tabToolTip", widget.tabToolTip(i)
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholder", widget.placeholderText()
    if isinstance(widget, QTextEdit) and widget.isReadOnly():
        yield "text", widget.toPlainText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield "item", widget.itemText(i)
    if isinstance(widget, QAbstractSpinBox):
        yield "specialValue", widget.specialValueText()
        if isinstance(widget, QSpinBox):
            yield "suffix", widget.suffix()
            yield "prefix", widget.prefix()
    if isinstance(widget, QWizard):
        for page_id in widget.pageIds():
            page = widget.page(page_id)
            yield "pageTitle", page.title()
            yield "pageSubTitle", page.subTitle()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        for text in _model_texts(widget.model()):
            yield "model", text
    for action in widget.actions():
        yield "action", action.text()
        yield "actionToolTip", action.toolTip()
        menu = action.menu()
        if menu is not None:
            for inner in menu.actions():
                yield "menuAction", inner.text()


class Walker:
    """Collects the English texts of every window walked."""

    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}
        self.windows: list[str] = []
        self.texts: set[str] = set()

    def add(self, where: str, text: str) -> None:
        self.texts.add(text)
        words = english_words(text)
        if words:
            self.found.setdefault(f"{text!r} (English: {', '.join(sorted(words))})", set()).add(
                where
            )

    def walk(self, window: QWidget, name: str) -> None:
        self.windows.append(name)
        for widget in [window, *window.findChildren(QWidget)]:
            label = f"{name}: {type(widget).__name__}[{widget.objectName()}]"
            for what, text in widget_texts(widget):
                if text:
                    self.add(f"{label}.{what}", text)

    def report(self) -> str:
        return "\n".join(
            f"  {text}\n      in {sorted(where)[0]}" for text, where in self.found.items()
        )


def _top_levels() -> set[QWidget]:
    return {w for w in QApplication.topLevelWidgets() if w.isVisible()}


def _close(widget: QWidget) -> None:
    if isinstance(widget, QDialog):
        widget.reject()
    widget.close()


def exercise(qtbot: QtBot, walker: Walker, window: QWidget, name: str) -> None:
    """Walk ``window``, then every dialog its "…" buttons open (with a row chosen first)."""
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount(QModelIndex()) > 0 and view.isVisible():
            view.setCurrentIndex(model.index(0, 0))
    qtbot.wait(100)
    walker.walk(window, name)
    buttons = [
        b
        for b in window.findChildren(QPushButton) + window.findChildren(QToolButton)
        if b.text().replace("&", "").endswith("…") and b.isVisible() and b.isEnabled()
    ]
    for button in buttons:
        before = _top_levels()
        button.click()
        qtbot.wait(250)
        for opened in _top_levels() - before:
            walker.walk(opened, f"{name} → {button.text().replace('&', '')}")
            _close(opened)
        qtbot.wait(50)


# ---------------------------------------------------------------- the app's windows


@pytest.fixture
def file_choosers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Test double for the OS file chooser (it blocks): records title and filter."""
    asked: list[tuple[str, str]] = []

    def choose(_parent: Any, title: str = "", _dir: str = "", filt: str = "", **_kw: Any) -> Any:
        asked.append((title, filt))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    return asked


def _access_windows(qtbot: QtBot, walker: Walker, gateway: StoreGateway, tmp: Path) -> None:  # noqa: F811
    wizard = FirstRunWizard(
        lambda *_a: (None, ""),
        lambda: keyring_name("keyring.backends.SecretService.Keyring"),
        restore=lambda *_a: (None, None),
        store_path=tmp / "new-store",
    )
    qtbot.addWidget(wizard)
    wizard.show()
    walker.walk(wizard, "FirstRunWizard: welcome")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.keyring.ok is not None, timeout=10_000)
    walker.walk(wizard, "FirstRunWizard: keyring")
    wizard.keyring.weaker.setChecked(True)
    wizard.next()
    wizard.passphrase.input.first.setText("kort")
    walker.walk(wizard, "FirstRunWizard: passphrase")
    wizard.passphrase.input.first.setText(PASSPHRASE)
    wizard.passphrase.input.second.setText(PASSPHRASE)
    wizard.next()
    walker.walk(wizard, "FirstRunWizard: identity")
    wizard.open_restore()
    dialog = wizard.restore_dialog
    assert dialog is not None
    walker.walk(dialog, "RestoreDialog")
    dialog._failed(KeyringEntryExistsError())
    walker.walk(dialog, "RestoreDialog: keyring entry exists")
    dialog.reject()
    wizard._restored(
        None,  # type: ignore[arg-type] - the page after a restore; no store is read
        SimpleNamespace(backup_created="2026-03-01T09:12:00Z", device_key=True, audit_ok=False),
    )
    walker.walk(wizard, "FirstRunWizard: restored")
    wizard.store = None
    wizard.close()

    throttle.record_failure(gateway.path, "passphrase")
    unlock = UnlockWindow(gateway.unlock, gateway.retry_after, gateway.recover)
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.passphrase.setText("fel lösenfras för testet")
    unlock.try_unlock()
    qtbot.waitUntil(lambda: not unlock.busy.isVisible(), timeout=20_000)
    walker.walk(unlock, "UnlockWindow after a wrong passphrase")
    unlock.open_recovery()
    assert unlock.recover_dialog is not None
    walker.walk(unlock.recover_dialog, "RecoverDialog")
    unlock.recover_dialog.reject()
    unlock.close()
    throttle.reset(gateway.path)


def _main_windows(qtbot: QtBot, walker: Walker, session: Session, store: Any) -> MainWindow:
    case_id = int(on_worker(lambda: picture_case(store)))
    window = MainWindow(session, UiPreferences())
    qtbot.addWidget(window)
    work = install_case_work(window, session)
    window.resize(1440, 900)
    window.show()
    window.session_opened()
    qtbot.waitUntil(lambda: work.case_list.model.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: work.reminders.loaded, timeout=20_000)
    walker.walk(window, "MainWindow")
    work.open_case_and_select(case_id)
    view = work.case_view
    qtbot.waitUntil(lambda: view.summary is not None and view.overview.loaded, timeout=20_000)
    for tab in view.all_tabs():
        view.show_tab(tab)
        qtbot.waitUntil(lambda t=tab: t.loaded, timeout=20_000)  # type: ignore[misc]
        exercise(qtbot, walker, window, f"case tab {tab.objectName()}")
    view.show_tab(view.person)
    qtbot.waitUntil(lambda: view.person.loaded, timeout=20_000)
    field = view.person.name.field
    assert isinstance(field, MaskedField)
    field.ask_reason()
    assert field.reason_dialog is not None
    walker.walk(field.reason_dialog, "RevealReasonDialog")
    field.reason_dialog.reject()
    return window


def _tool_windows(
    qtbot: QtBot, walker: Walker, window: MainWindow, session: Session, store: Any, tmp: Path
) -> None:
    window.open_audit_view()
    audit = window.audit_view
    assert audit is not None
    qtbot.waitUntil(lambda: audit.model.rowCount() > 0, timeout=20_000)
    audit.verify()
    qtbot.waitUntil(lambda: bool(audit.status.property("state")), timeout=20_000)
    walker.walk(audit, "AuditView")
    audit.reject()
    settings = SettingsDialog(UiPreferences(), window)
    walker.walk(settings, "SettingsDialog")
    settings.reject()
    before = _top_levels()
    window.show_about()
    for box in _top_levels() - before:
        walker.walk(box, "About")
        _close(box)
    tools = window.tools
    for name, open_it in (
        ("contacts", tools.open_contacts),
        ("providers", tools.open_providers),
        ("stats", tools.open_stats),
        ("backup", tools.open_backup),
    ):
        open_it()
        dialog = tools.open[name]
        qtbot.wait(1500)
        if name == "stats":
            dialog.compute()  # type: ignore[attr-defined]
            qtbot.waitUntil(lambda d=dialog: d.reports is not None, timeout=20_000)  # type: ignore[misc]
            exercise(qtbot, walker, dialog, "StatsView: statistics")
            dialog.tabs.setCurrentWidget(dialog.grant)  # type: ignore[attr-defined]
        exercise(qtbot, walker, dialog, f"tool {name}")
        _close(dialog)
    casework = window.casework
    for name, open_it in (
        ("gallring", casework.open_gallring),
        ("access", casework.open_access_log),
        ("partners", casework.open_partners),
        ("templates", casework.open_templates),
        ("calendar", casework.export_calendar),
    ):
        open_it()
        dialog = casework.open[name]
        qtbot.wait(1500)
        exercise(qtbot, walker, dialog, f"tool {name}")
        _close(dialog)
    found = on_worker(lambda: people.find_person(store, _a_number(store)))
    for name, question in (
        ("DuplicateDialog", DuplicateDialog(found)),
        ("HomeMunicipalityDialog", HomeMunicipalityDialog("Exempelkommun", "Lund")),
    ):
        qtbot.addWidget(question)
        question.show()
        walker.walk(question, name)
        question.reject()
    if casework.notifier is not None and casework.notifier.bar.isVisible():
        walker.walk(casework.notifier.bar, "NoticeBar")
    tools.open_followup(None)  # the case picker
    qtbot.wait(500)
    for picker in _top_levels() - {window}:
        walker.walk(picker, "CasePickerDialog")
        _close(picker)


def _a_number(store: Any) -> str:
    """A demo principal's personnummer (revealed with a reason, as the app would)."""
    for case_id in list_case_ids(store):
        for person in persons(store, case_id):
            if person.id_kind:
                field = RevealField.PERSONNUMMER
                return str(reveal(store, case_id, field, "test", person_id=person.id))
    raise AssertionError("no demo person with a number")


def _handover_windows(
    qtbot: QtBot, walker: Walker, session: Session, store: Any, tmp: Path
) -> None:
    on_worker(lambda: identity.ensure_identity(store, "Exempelkommun", "Enheten", "Alex"))
    lund = on_worker(lambda: data.other_unit(tmp / "lund", ("Lund", "Exit Lund", "Lisa Lund")))
    try:
        on_worker(lambda: data.exchange_cards(store, lund, verify=True))

        def setup() -> int:
            norr, soder = data.rival_groups(store)
            data.rival_in(store, "Lund", soder)
            _lund_norr, lund_soder = data.rival_groups(lund)
            data.rival_in(lund, "Lund", lund_soder)
            return data.handover_case(store, "Lund", norr)

        case_id = on_worker(setup)
        wizard = HandoverWizard(session, case_id)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitUntil(lambda: wizard.case_page.contact.count() == 1, timeout=20_000)
        walker.walk(wizard, "HandoverWizard: case")
        pages = [wizard.basis_page, wizard.sections_page, wizard.conflict_page, wizard.file_page]
        for page in pages:
            wizard.next()
            qtbot.waitUntil(lambda p=page: wizard.currentPage() is p, timeout=20_000)  # type: ignore[misc]
            if page is wizard.sections_page:
                page.protected.setChecked(True)
                page.reason.setPlainText("Mottagande kommun ska folkbokföra personen (fiktivt)")
            if page is wizard.conflict_page:
                page.ack.setChecked(True)
            if page is wizard.file_page:
                wizard.set_file(tmp / "overlamning.utvag")
            walker.walk(wizard, f"HandoverWizard: {type(page).__name__}")
        wizard.next()
        qtbot.waitUntil(lambda: wizard.export_result is not None, timeout=60_000)
        walker.walk(wizard, "HandoverWizard: done")
        wizard.close()

        lund_session = Session(lund.path)
        lund_session.attach(lund)
        try:
            dialog = ImportDialog(lund_session)
            qtbot.addWidget(dialog)
            dialog.show()
            walker.walk(dialog, "ImportDialog: empty")
            dialog.open_file(tmp / "overlamning.utvag")
            qtbot.waitUntil(lambda: dialog.facts is not None, timeout=60_000)
            exercise(qtbot, walker, dialog, "ImportDialog: preview")
            dialog.close()
        finally:
            lund_session.idle.stop()
        followup = on_worker(lambda: data.followed_up_case(store))
        from ui.knowledge.followup_view import FollowUpDialog

        dialog_f = FollowUpDialog(session, followup)
        qtbot.addWidget(dialog_f)
        dialog_f.show()
        qtbot.wait(1500)
        walker.walk(dialog_f, "FollowUpDialog: follow-up")
        dialog_f.tabs.setCurrentWidget(dialog_f.timeline)
        qtbot.wait(500)
        walker.walk(dialog_f, "FollowUpDialog: timeline")
        dialog_f.close()
    finally:
        on_worker(lund.close)


def test_every_window_of_the_swedish_ui_is_in_swedish(
    qtbot: QtBot,
    app_sv: Any,  # noqa: F811
    made_store: tuple[Any, str],  # noqa: F811
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
    file_choosers: list[tuple[str, str]],
) -> None:
    store, _code = made_store
    on_worker(lambda: build_demo(store, cases=8, seed=11))
    session = Session(store.path)
    session.attach(store)
    walker = Walker()
    try:
        window = _main_windows(qtbot, walker, session, store)
        _tool_windows(qtbot, walker, window, session, store, tmp_path)
        _handover_windows(qtbot, walker, session, store, tmp_path)
        window.close()
    finally:
        session.idle.stop()
    for title, filt in file_choosers:
        walker.add("file chooser", title)
        walker.add("file chooser filter", filt)
    assert len(walker.windows) > 40, walker.windows  # the walk reached the app's windows
    assert {"Granskningslogg", "Skyddad uppgift visades", "Överlämna ett ärende"} <= walker.texts
    assert file_choosers, "no file chooser was asked for"
    # Qt's own Swedish says "Ok"; Swedish writes "OK" (ours overrides it: ui/kit/dialogs.py)
    assert "OK" in walker.texts and "Ok" not in walker.texts
    assert not walker.found, (
        f"{len(walker.found)} English text(s) in the Swedish UI — translate them in "
        f"ui/translations/utvag_sv.ts:\n{walker.report()}"
    )


def test_the_access_windows_are_in_swedish(
    qtbot: QtBot,
    app_sv: Any,  # noqa: F811
    closed_store_path: Path,
    gateway: StoreGateway,  # noqa: F811
    tmp_path: Path,
) -> None:
    walker = Walker()
    _access_windows(qtbot, walker, gateway, tmp_path)
    assert len(walker.windows) >= 9, walker.windows
    assert {"Välkommen till Utväg", "&Skapa databasen", "Utväg är låst"} <= walker.texts
    assert not walker.found, (
        f"{len(walker.found)} English text(s) in the Swedish UI — translate them in "
        f"ui/translations/utvag_sv.ts:\n{walker.report()}"
    )


@pytest.fixture
def closed_store_path(made_store: tuple[Any, str]) -> Path:  # noqa: F811
    store, _code = made_store
    on_worker(store.close)
    return Path(store.path)
