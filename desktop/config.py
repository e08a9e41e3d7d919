"""Paths (platformdirs) and a small settings file that never holds anything sensitive.

- default store folder: ``$UTVAG_STORE`` if set, else the settings file's ``store_path``,
  else ``<user data dir>/store`` (Linux ``~/.local/share/Utvag/store``, Windows
  ``%LOCALAPPDATA%\\Utvag\\store``, macOS ``~/Library/Application Support/Utvag/store``);
- settings: ``<user config dir>/settings.json`` with only the keys in :data:`ALLOWED_KEYS`
  (no names, no case data, no secrets, no recent-file lists).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from platformdirs import user_config_path, user_data_path

from storage.atomic import (
    atomic_write_bytes,
    make_private_dir,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)
from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)

APP_NAME = "Utvag"
STORE_ENV = "UTVAG_STORE"
SETTINGS_FILE = "settings.json"
#: The only settings kept on disk, with their types.
ALLOWED_KEYS: dict[str, type] = {
    "store_path": str,
    "language": str,
    "idle_timeout_min": int,
    "list_share": int,
    "exclude_from_capture": bool,
    "pkcs11_module": str,  # the card's PKCS#11 module (a path; no secret)
    "quick_unlock_hours": int,  # how long a quick-unlock PIN works
}


class SettingsError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The settings file {path} could not be read; fix or delete it."
    )
    code = "settings"


def data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def config_dir() -> Path:
    return user_config_path(APP_NAME, appauthor=False)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> dict[str, Any]:
    """The settings (unknown keys and wrong types are dropped); empty when there is no file."""
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise SettingsError(path=str(path)) from exc
    try:
        data = loads_untrusted(raw)
    except UntrustedJsonError as exc:
        raise SettingsError(path=str(path)) from exc
    if not isinstance(data, dict):
        raise SettingsError(path=str(path))
    return {k: v for k, v in data.items() if k in ALLOWED_KEYS and type(v) is ALLOWED_KEYS[k]}


def save_settings(values: dict[str, Any], path: Path | None = None) -> None:
    """Write the settings atomically (0600); refuses keys that are not allowed."""
    path = path or settings_path()
    bad = [k for k, v in values.items() if k not in ALLOWED_KEYS or type(v) is not ALLOWED_KEYS[k]]
    if bad:
        raise ValueError(f"settings not allowed: {bad}")
    make_private_dir(path.parent)
    text = json.dumps(values, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))


def default_store_path() -> Path:
    """Where ``--store`` points when it is not given."""
    env = os.environ.get(STORE_ENV)
    if env:
        return Path(env).expanduser()
    try:
        configured = load_settings().get("store_path")
    except SettingsError:
        configured = None
    if configured:
        return Path(configured).expanduser()
    return data_dir() / "store"
