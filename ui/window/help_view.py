"""The user manual (docs/handbok.md, Swedish) rendered inside the app, and the version.

The manual ships with the program: the frozen build carries ``docs/handbok.md`` (build.spec),
a source checkout reads it from the repository. It is Markdown, rendered by Qt's own
Markdown support in a read-only browser; it holds no personal data."""

from __future__ import annotations

import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

import ui
from ui.kit.windows import fit_to_screen

MANUAL_NAME = "handbok.md"


def manual_path() -> Path:
    """Where the manual is: beside the frozen app, or in the source checkout's docs/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen is not None:
        return Path(frozen) / "docs" / MANUAL_NAME
    return Path(ui.__file__).resolve().parent.parent / "docs" / MANUAL_NAME


def app_version() -> str:
    try:
        return version("utvag")
    except PackageNotFoundError:  # pragma: no cover - an uninstalled checkout
        return "?"


class HelpView(QDialog):
    """The manual in a window of its own (F1, Hjälp › Handbok)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpView")
        self.setWindowTitle(self.tr("Utväg manual"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("manual")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("User manual"))
        path = manual_path()
        if path.is_file():
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(
                self.tr("The manual is missing from this installation ({file}).").format(
                    file=MANUAL_NAME
                )
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 820, 760)
