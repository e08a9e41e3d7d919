"""A label's tone: ``ok``, ``warning`` or ``error``, styled in ui/styles/app.qss.

Apart from ui/kit/dialogs.py (which re-exports it) so that the unlock window, the first window
shown, does not load the file dialogs and spin boxes with the dialog helpers (issue 17).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def set_state(label: QLabel, state: str) -> None:
    """``state``: "" | "ok" | "warning" | "error" — the label's ``tone`` (styled in app.qss)."""
    label.setProperty("tone", state)
    # a new (empty) local sheet makes Qt re-read app.qss for this label, padding included;
    # unpolish/polish alone keeps the old contents margins
    label.setStyleSheet(f"/* tone: {state or 'none'} */")
