"""The client's own settings and their bounds (no Qt): what desktop/preferences.py loads at
start-up, apart from the settings dialog, which is imported only when it is opened."""

from __future__ import annotations

from dataclasses import dataclass

MIN_IDLE_MINUTES = 1
MAX_IDLE_MINUTES = 60
#: The case list's share of the main window, per cent (the user drags the divider).
MIN_LIST_SHARE, MAX_LIST_SHARE = 20, 70
#: How long a quick-unlock PIN works, hours.
MIN_QUICK_HOURS, MAX_QUICK_HOURS = 1, 12


@dataclass(frozen=True)
class UiPreferences:
    """What the user can set in the client. Stored by desktop/ (never personal data)."""

    idle_timeout_min: int = 5
    exclude_from_capture: bool = True
    language: str = "sv"
    list_share: int = 40  # per cent of the main window's width for the case list
    pkcs11_module: str = ""  # the card's PKCS#11 module ('' = no card)
    quick_unlock_hours: int = 4  # how long a quick-unlock PIN works
