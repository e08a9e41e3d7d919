"""A small form dialog for one record: fields in, the domain validates, errors shown inline.

Each record dialog is a list of :class:`Field` (``key`` = the domain function's keyword) and
a ``submit(store, values)`` that runs on the store worker through ``session.run``. The UI
does not duplicate the rules: empty inputs become ``None``, numbers that do not parse are
handed on as typed, dates are ``YYYY-MM-DD`` text, and the domain raises its typed,
translated error. That error arrives on the operations API's failure path and is shown in
the dialog (with the field's own label in place of its code), the field is marked and
focused, and nothing was stored. On success ``saved(result)`` is emitted and the dialog
closes. Every dialog is tracked by the lock guard: a lock closes it and discards the input
(``has_unsaved_edits`` tells the unlock screen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from storage.errors import UtvagError
from ui.runtime.error_dialog import error_text
from ui.runtime.session_api import SessionAPI

TEXT, MULTILINE, DATE, CHOICE, INT, BOOL, LIST, LINES, READONLY = (
    "text",
    "multiline",
    "date",
    "choice",
    "int",
    "bool",
    "list",
    "lines",
    "readonly",
)

Submit = Callable[[Any, dict[str, Any]], Any]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = TEXT
    choices: Sequence[tuple[Any, str]] = ()
    default: Any = None
    optional: bool = False  # a choice that may stay empty ("–")
    hint: str = ""


def plain_label(text: str) -> str:
    """``&Bosättningskommun:`` → ``Bosättningskommun`` (for messages)."""
    return text.replace("&", "").rstrip(": ").strip()


def field_error_text(exc: BaseException, names: dict[str, str]) -> str:
    """The translated message, naming the field by its label in this form where it can."""
    if isinstance(exc, UtvagError) and "field" in exc.params:
        params = dict(exc.params)
        for key in ("field", "other"):
            code = str(params.get(key, "")).split("[", 1)[0].split(".")[-1]
            if code in names:
                params[key] = names[code]
        try:
            return QCoreApplication.translate("Errors", exc.template).format(**params)
        except (KeyError, IndexError, ValueError):
            pass
    return error_text(exc)


def _int_or_text(text: str) -> int | str | None:
    clean = text.replace(" ", "").replace("\u00a0", "").strip()
    if not clean:
        return None
    try:
        return int(clean)
    except ValueError:
        return text.strip()  # the domain names the field and the allowed range


class RecordDialog(QDialog):
    saved = Signal(object)

    def __init__(self, session: SessionAPI, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordDialog")
        self.setMinimumWidth(520)
        self.session = session
        self.fields: list[Field] = []
        self.submit: Submit = lambda _store, _values: None
        self.inputs: dict[str, QWidget] = {}
        #: Names for fields the domain may name that are not inputs of the form.
        self.field_names: dict[str, str] = {}
        self._initial: dict[str, Any] = {}
        session.guard.track_dialog(self)
        session.guard.register(self)

    def build(
        self,
        title: str,
        fields: Sequence[Field],
        submit: Submit,
        *,
        intro: str = "",
        ok_text: str = "",
    ) -> None:
        """Lay out the form (subclasses call this with their translated texts)."""
        self.setWindowTitle(title)
        self.fields = list(fields)
        self.submit = submit
        layout = QVBoxLayout(self)
        if intro:
            note = QLabel(intro, self)
            note.setObjectName("hint")
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(note)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for spec in self.fields:
            widget = self._make(spec)
            widget.setAccessibleName(plain_label(spec.label))
            widget.setObjectName(f"field_{spec.key}")
            self.inputs[spec.key] = widget
            if spec.kind == BOOL:
                form.addRow("", widget)
            else:
                label = QLabel(spec.label, self)
                label.setBuddy(widget)
                form.addRow(label, widget)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.ok_button.setText(ok_text or QCoreApplication.translate("RecordDialog", "Save"))
        self.ok_button.setObjectName("recordSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._initial = self.values()

    # ------------------------------------------------------------------ inputs
    def _make(self, spec: Field) -> QWidget:
        if spec.kind in (MULTILINE, LINES, READONLY):
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(90 if spec.kind != READONLY else 70)
            edit.setPlainText("" if spec.default is None else str(spec.default))
            edit.setReadOnly(spec.kind == READONLY)
            edit.setPlaceholderText(spec.hint)
            return edit
        if spec.kind == CHOICE:
            combo = QComboBox(self)
            # a long choice (a provision, a method) must not widen the dialog past the screen
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(20)
            if spec.optional:
                combo.addItem("–", None)
            for data, text in spec.choices:
                combo.addItem(text, data)
            found = combo.findData(spec.default) if spec.default is not None else -1
            combo.setCurrentIndex(max(found, 0))
            return combo
        if spec.kind == BOOL:
            box = QCheckBox(plain_label(spec.label), self)
            box.setChecked(bool(spec.default))
            return box
        line = QLineEdit(self)
        line.setText("" if spec.default is None else str(spec.default))
        hint = spec.hint
        if spec.kind == DATE and not hint:
            hint = QCoreApplication.translate("RecordDialog", "YYYY-MM-DD")
        line.setPlaceholderText(hint)
        return line

    def value(self, key: str) -> Any:
        spec = next(f for f in self.fields if f.key == key)
        widget = self.inputs[key]
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
            if spec.kind == LINES:
                return [line.strip() for line in text.splitlines() if line.strip()]
            return text if text.strip() else None
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        assert isinstance(widget, QLineEdit)
        text = widget.text()
        if spec.kind == INT:
            return _int_or_text(text)
        if spec.kind == LIST:
            return [part.strip() for part in text.split(",") if part.strip()]
        return text.strip() or None

    def values(self) -> dict[str, Any]:
        return {f.key: self.value(f.key) for f in self.fields if f.kind != READONLY}

    def set_value(self, key: str, value: Any) -> None:
        """Fill an input as a caseworker would (tests, prefilled dialogs)."""
        widget = self.inputs[key]
        if isinstance(value, list | tuple):
            value = ("\n" if isinstance(widget, QPlainTextEdit) else ", ").join(map(str, value))
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(str(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(max(widget.findData(value), 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QLineEdit):
            widget.setText("" if value is None else str(value))

    # ------------------------------------------------------------------ saving
    def save(self) -> None:
        """Hand the values to the domain on the store worker."""
        values = self.values()
        submit = self.submit
        self._mark(None)
        self.ok_button.setEnabled(False)
        self.session.run(
            self,
            lambda store: submit(store, values),
            self._saved,
            self._failed,
            label=QCoreApplication.translate("RecordDialog", "Saving…"),
        )

    def _saved(self, result: object) -> None:
        self.ok_button.setEnabled(True)
        self._initial = self.values()
        self.saved.emit(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        names = {**self.field_names, **{f.key: plain_label(f.label) for f in self.fields}}
        field = exc.params.get("field") if isinstance(exc, UtvagError) else None
        code = str(field or "").split("[", 1)[0].split(".")[-1]
        self._mark(code if code in self.inputs else None)
        self.error.setText(field_error_text(exc, names))
        self.error.setVisible(True)

    def _mark(self, key: str | None) -> None:
        for name, widget in self.inputs.items():
            widget.setProperty("invalid", name == key)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if key is None:
            self.error.setVisible(False)
        else:
            self.inputs[key].setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ lock
    def has_unsaved_edits(self) -> bool:
        return self.isVisible() and self.values() != self._initial

    def clear_for_lock(self) -> None:
        for widget in self.inputs.values():
            if isinstance(widget, QPlainTextEdit):
                widget.clear()  # also clears the undo history
            elif isinstance(widget, QLineEdit):
                widget.setText("")  # (clear() would keep the text in the undo history)
        self.error.clear()
