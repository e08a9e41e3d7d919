"""Accessibility (EN 301 549 / WCAG 2.1 AA, which Swedish public procurement points to):

- every control of every window and dialog has an accessible name (its text, its label's
  buddy, or an explicit name), so a screen reader says what it is;
- the text colours of the style sheet have at least 4.5:1 contrast against their background
  (3:1 for large text), computed with the WCAG formula.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from tests.case_ui_fixtures import demo_session  # noqa: F401 - fixture
from tests.ui_fixtures import app_sv, gateway, made_store  # noqa: F401 - fixtures
from tests.ui_windows import DemoFacts, all_windows, demo_facts, each_part

ROOT = Path(__file__).resolve().parent.parent
STYLE = ROOT / "ui" / "styles" / "app.qss"
CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


@pytest.fixture
def facts(demo_session: tuple[Any, Any]) -> Iterator[tuple[Any, DemoFacts]]:  # noqa: F811
    session, store = demo_session
    yield session, demo_facts(store)


def _is_inner(widget: QWidget) -> bool:
    """Parts of a compound control (a combo box's or spin box's own line edit)."""
    parent = widget.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox)


def unnamed_controls(window: QWidget) -> list[str]:
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QHeaderView):  # announced as part of its table
            continue
        if widget.objectName().startswith("qt_"):  # Qt's own parts (a table's corner button)
            continue
        if _is_inner(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face is not None else ""
        if not name:
            found.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return found


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, facts: tuple[Any, DemoFacts], tmp_path: Path
) -> None:
    session, f = facts
    missing: list[str] = []
    parts: list[str] = []
    for name, window in all_windows(session, f, tmp_path):
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(150)
        missing += [f"{name}: {control}" for control in unnamed_controls(window)]
        for part in each_part(window):
            parts.append(part)
            missing += [f"{name} {part}: {c}" for c in unnamed_controls(window)]
        window.close()
        if shiboken6.isValid(window):
            window.deleteLater()
        qtbot.wait(10)
    assert len(parts) == 15  # every part of the case view was shown and walked
    assert "\n".join(missing) == ""


# ---------------------------------------------------------------- contrast


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def style_rules(text: str) -> Iterator[tuple[str, dict[str, str]]]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", text):
        props = {}
        for decl in body.split(";"):
            if ":" in decl:
                key, value = decl.split(":", 1)
                props[key.strip()] = value.strip()
        yield " ".join(selector.split()), props


HEX = re.compile(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?")
WINDOW_BACKGROUND = "#f4f5f7"  # QMainWindow / QDialog background in app.qss


def test_contrast_formula() -> None:
    assert round(contrast("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast("#777777", "#ffffff"), 2) == 4.48  # the classic just-failing grey


def test_text_colours_meet_wcag_aa() -> None:
    sheet = STYLE.read_text(encoding="utf-8")
    rules = list(style_rules(sheet))
    backgrounds: dict[str, str] = {}
    for selector, props in rules:
        value = props.get("background", props.get("background-color", ""))
        if HEX.fullmatch(value):
            for one in selector.split(","):
                backgrounds.setdefault(one.strip(), value)

    def background_of(selector: str, props: dict[str, str]) -> str:
        """The rule's own background, else the nearest enclosing selector's, else the
        window's (``QToolBar#x QToolButton`` lies on ``QToolBar#x``)."""
        own = props.get("background", props.get("background-color", ""))
        if HEX.fullmatch(own):
            return own
        parts = selector.split(" ")
        while len(parts) > 1:
            parts = parts[:-1]
            found = backgrounds.get(" ".join(parts))
            if found:
                return found
        return WINDOW_BACKGROUND

    failing = []
    checked = 0
    for selectors, props in rules:
        colour = props.get("color", "")
        if not HEX.fullmatch(colour):
            continue
        for selector in (s.strip() for s in selectors.split(",")):
            background = background_of(selector, props)
            size = props.get("font-size", "")
            large = bool(re.match(r"(1[4-9]|[2-9]\d)pt", size))
            need = 3.0 if large else 4.5
            checked += 1
            ratio = contrast(colour, background)
            if ratio < need:
                failing.append(f"{selector}: {colour} on {background} is {ratio:.2f}:1 (< {need})")
    assert checked > 20
    assert "\n".join(failing) == ""


def focus_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order, from its first focusable widget."""
    chain: list[QWidget] = []
    start = window.nextInFocusChain()
    widget = start
    for _ in range(2000):
        if (
            widget is not window
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and window.isAncestorOf(widget)
            and not _is_inner(widget)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def backwards_steps(window: QWidget) -> list[str]:
    """Tab steps that go back up the window: the next widget lies wholly above the last one
    and is not in a column to its right (reading order: down a column, then the next
    column)."""
    found = []
    every = focus_chain(window)
    # a container in the chain (a tab widget before its tab bar) is where its children are
    chain = [w for w in every if not any(w is not o and w.isAncestorOf(o) for o in every)]
    if not chain:
        return found

    def place(w: QWidget) -> QRect:
        return w.rect().translated(w.mapTo(window, w.rect().topLeft()))

    # Tab goes round in a circle: read it from the widget at the top left
    def reading_key(i: int) -> tuple[int, int]:  # rows of 24 px, then left to right
        r = place(chain[i])
        return r.center().y() // 24, r.left()

    first = min(range(len(chain)), key=reading_key)
    chain = chain[first:] + chain[:first]
    for a, b in itertools.pairwise(chain):
        ra, rb = place(a), place(b)
        if rb.bottom() < ra.top() and rb.left() <= ra.left():
            found.append(
                f"{a.objectName() or type(a).__name__} -> {b.objectName() or type(b).__name__}"
            )
    return found


def test_tab_order_follows_reading_order(
    qtbot: QtBot, facts: tuple[Any, DemoFacts], tmp_path: Path
) -> None:
    session, f = facts
    wrong: list[str] = []
    for name, window in all_windows(session, f, tmp_path):
        window.show()
        qtbot.waitExposed(window)
        qtbot.wait(100)
        wrong += [f"{name}: {step}" for step in backwards_steps(window)]
        window.close()
        if shiboken6.isValid(window):
            window.deleteLater()
        qtbot.wait(10)
    assert "\n".join(wrong) == ""
