"""Small helpers shared by the handover, contacts, follow-up, statistics and backup screens.

- :func:`save_path` / :func:`open_path` — Qt's own file dialogs (the lock can close them;
  nothing is added to the operating system's recent-files lists), starting in Documents;
- :func:`info` — a plain-text, window-modal, non-blocking message box;
- :func:`ask` — the same with a question: the action's own button (never the default) and
  *Avbryt*; ``on_yes`` runs only when the caseworker chose the action;
- :func:`set_state` (ui/kit/tone.py) — set a label's ``tone`` (ok / warning / error) and
  repolish, so app.qss can colour it; the text always says the state too (never colour alone);
- :func:`plain_label`, :func:`human_size`, :func:`short_hash`.

Tables are built with :mod:`ui.kit.tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from storage.errors import QT_TRANSLATE_NOOP
from ui.kit.tone import set_state as set_state  # re-exported: the screens import it here

_NO_NATIVE = QFileDialog.Option.DontUseNativeDialog


#: Qt's own Swedish catalogue calls the standard button "Ok"; Swedish writes "OK"
#: (Språkrådet). Utväg's catalogue is installed after Qt's, so it is asked first and
#: translates these to "OK"; marked here so that lupdate keeps the entries.
QT_OVERRIDES = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),
    QT_TRANSLATE_NOOP("QDialogButtonBox", "OK"),
)


def documents_dir() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


def save_path(parent: QWidget, title: str, name: str, pattern: str) -> Path | None:
    """Ask where to save; ``None`` when the caseworker cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent, title, str(documents_dir() / name), pattern, options=_NO_NATIVE
    )
    return Path(path) if path else None


def open_path(parent: QWidget, title: str, pattern: str) -> Path | None:
    """Ask for a file to open; ``None`` when the caseworker cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, title, str(documents_dir()), pattern, options=_NO_NATIVE
    )
    return Path(path) if path else None


def info(parent: QWidget | None, text: str, *, warning: bool = False) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName("resultMessage")
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information)
    box.setWindowTitle("Utväg")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def ask(
    parent: QWidget | None,
    text: str,
    yes_text: str,
    on_yes: Callable[[], object],
    *,
    details: str = "",
    warning: bool = False,
    name: str = "confirmQuestion",
) -> QMessageBox:
    """A window-modal question; *Avbryt* is the default and Esc (Enter cannot confirm)."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question)
    box.setWindowTitle("Utväg")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box


def quiet_buttons(widget: QWidget) -> None:
    """No push button of ``widget`` becomes the default by focus (Enter must not export,
    revoke or accept by accident); a dialog sets its one default button itself."""
    for button in widget.findChildren(QPushButton):
        button.setAutoDefault(False)


def plain_label(text: str = "", parent: QWidget | None = None, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


def counted_suffix(spin: QSpinBox, suffix: Callable[[int], str]) -> None:
    """The spin box's unit follows its value ("1 dag", "2 dagar"): ``suffix(n)`` is a
    plural-form translation such as ``self.tr(" day(s)", "", n)``."""

    def update(value: int) -> None:
        spin.setSuffix(suffix(value))

    spin.valueChanged.connect(update)
    update(spin.value())


def human_size(size: int) -> str:
    """``1,9 MB``: the decimal sign and digit grouping of the UI's locale (the default
    QLocale that desktop.i18n sets: Swedish, or English as written in Sweden), in steps of
    1024 as file managers count."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def short_hash(hex_digest: str) -> str:
    """The SHA-256 in groups of eight for reading aloud (the full value, not cut)."""
    return " ".join(hex_digest[i : i + 8] for i in range(0, len(hex_digest), 8))
