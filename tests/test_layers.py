"""Architecture rules: imports point down only, and the core never imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS = {"storage": 0, "sync": 1, "ui": 2, "desktop": 3}
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["storage", "sync"])
def test_core_never_imports_qt(layer: str) -> None:
    offenders = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in _modules(layer)
        for name in _imports(p)
        if name.split(".")[0] in QT_MODULES
    ]
    assert _modules(layer), f"{layer}/ has no modules"
    assert offenders == []


@pytest.mark.parametrize("layer", list(LAYERS))
def test_imports_point_down_only(layer: str) -> None:
    own = LAYERS[layer]
    offenders = [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in _modules(layer)
        for name in _imports(p)
        if name.split(".")[0] in LAYERS and LAYERS[name.split(".")[0]] > own
    ]
    assert offenders == []


def test_guard_catches_a_qt_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert _imports(bad) == ["PySide6.QtCore"]
