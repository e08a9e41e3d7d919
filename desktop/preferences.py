"""The client's preferences in the settings file (desktop/config.py): read with every value
checked and clamped, written with only the keys config.py allows."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop import (
    config,
    i18n,
)
from storage.errors import UtvagError
from ui.window.preferences import (
    MAX_IDLE_MINUTES,
    MAX_LIST_SHARE,
    MAX_QUICK_HOURS,
    MIN_IDLE_MINUTES,
    MIN_LIST_SHARE,
    MIN_QUICK_HOURS,
    UiPreferences,
)

log = logging.getLogger(__name__)


def load_preferences(settings_file: Path | None = None) -> UiPreferences:
    """The non-sensitive preferences from desktop/config.py's settings file."""
    try:
        values = config.load_settings(settings_file)
    except UtvagError:
        values = {}
    default = UiPreferences(language=i18n.current_language())
    minutes = values.get("idle_timeout_min", default.idle_timeout_min)
    capture = values.get("exclude_from_capture", default.exclude_from_capture)
    language = values.get("language", default.language)
    share = values.get("list_share", default.list_share)
    module = values.get("pkcs11_module", default.pkcs11_module)
    hours = values.get("quick_unlock_hours", default.quick_unlock_hours)
    if os.environ.get("UTVAG_LANG"):
        language = i18n.current_language()
    return UiPreferences(
        idle_timeout_min=min(max(int(minutes), MIN_IDLE_MINUTES), MAX_IDLE_MINUTES),
        exclude_from_capture=bool(capture),
        language=language if language in i18n.LANGUAGES else default.language,
        list_share=min(max(int(share), MIN_LIST_SHARE), MAX_LIST_SHARE),
        pkcs11_module=str(module),
        quick_unlock_hours=min(max(int(hours), MIN_QUICK_HOURS), MAX_QUICK_HOURS),
    )


def save_preferences(prefs: UiPreferences, settings_file: Path | None = None) -> None:
    """Merge ``prefs`` into the settings file (only keys config.py allows are written)."""
    try:
        values = config.load_settings(settings_file)
    except UtvagError:
        values = {}
    wanted = {
        "idle_timeout_min": prefs.idle_timeout_min,
        "exclude_from_capture": prefs.exclude_from_capture,
        "language": prefs.language,
        "list_share": prefs.list_share,
        "pkcs11_module": prefs.pkcs11_module,
        "quick_unlock_hours": prefs.quick_unlock_hours,
    }
    values.update({k: v for k, v in wanted.items() if k in config.ALLOWED_KEYS})
    try:
        config.save_settings(values, settings_file)
    except (OSError, ValueError, UtvagError):
        log.warning("the settings file could not be written")
