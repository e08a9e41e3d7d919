"""MaskedField over the real domain reveal: a reason is required, the reveal is audited,
the value re-masks after a while and on lock; copying uses the protected clipboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from desktop.session import Session
from storage.casefile import (
    cases,
    persons,
)
from storage.casefile.protection import (
    RevealField,
    reveal,
)
from tests.ui_fixtures import app_sv, gateway, made_store, on_worker  # noqa: F401 - fixtures
from ui.kit.masking import MaskedField

NAME = "Kim Påhittad"


@pytest.fixture
def case_session(
    made_store: tuple[Any, str],  # noqa: F811
    app_sv: Any,  # noqa: F811
) -> tuple[Session, Any, int]:
    store, _code = made_store

    def setup() -> int:
        case_id = cases.create_case(store, case_type="defector", home_municipality="Exempelkommun")
        persons.add_person(
            store, case_id, name=NAME, birth_year=1999, protection_level="protected_registration"
        )
        return case_id

    case_id = on_worker(setup)
    session = Session(store.path)
    session.attach(store)
    yield session, store, case_id
    session.idle.stop()


def _field(qtbot: QtBot, session: Session, case_id: int, remask_ms: int = 30_000) -> MaskedField:
    field = MaskedField(
        "Namn",
        "K.P. (1999)",
        lambda store, reason: reveal(store, case_id, RevealField.NAME, reason),
        session,
        remask_ms=remask_ms,
    )
    qtbot.addWidget(field)
    field.show()
    return field


def _reveal(qtbot: QtBot, field: MaskedField, reason: str) -> None:
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    dialog = field.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # a reason is required
    qtbot.keyClicks(dialog.reason, reason)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.is_revealed, timeout=5000)


def test_reveal_asks_for_a_reason_and_writes_an_audit_entry(
    qtbot: QtBot, case_session: tuple[Session, Any, int]
) -> None:
    session, store, case_id = case_session
    field = _field(qtbot, session, case_id)
    assert field.value.text() == "K.P. (1999)"
    _reveal(qtbot, field, "Samråd med polisen")
    assert field.value.text() == NAME
    entries = on_worker(lambda: store.audit.entries(action="reveal"))
    assert len(entries) == 1
    assert entries[0].details["reason"] == "Samråd med polisen"
    assert entries[0].details["field"] == "name"


def test_cancelling_the_reason_reveals_nothing(
    qtbot: QtBot, case_session: tuple[Session, Any, int]
) -> None:
    session, store, case_id = case_session
    field = _field(qtbot, session, case_id)
    qtbot.mouseClick(field.show_button, Qt.MouseButton.LeftButton)
    assert field.reason_dialog is not None
    field.reason_dialog.reject()
    qtbot.wait(100)
    assert not field.is_revealed()
    assert on_worker(lambda: store.audit.entries(action="reveal")) == []


def test_value_re_masks_after_the_timeout(
    qtbot: QtBot, case_session: tuple[Session, Any, int]
) -> None:
    session, _store, case_id = case_session
    field = _field(qtbot, session, case_id, remask_ms=200)
    _reveal(qtbot, field, "Uppfoljning enligt plan")
    qtbot.waitUntil(lambda: not field.is_revealed(), timeout=2000)
    assert field.value.text() == "K.P. (1999)"


def test_copy_uses_the_protected_clipboard_and_lock_masks(
    qtbot: QtBot, case_session: tuple[Session, Any, int]
) -> None:
    session, store, case_id = case_session
    field = _field(qtbot, session, case_id)
    _reveal(qtbot, field, "Kontakt med boendet")
    qtbot.mouseClick(field.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == NAME
    with qtbot.waitSignal(session.store_closed, timeout=5000):
        session.lock()
    assert not field.is_revealed()
    assert QGuiApplication.clipboard().text() == ""
    assert store.closed
