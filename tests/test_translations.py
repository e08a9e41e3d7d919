"""Translations: every source string has a finished Swedish translation, placeholders match,
the catalogues compile, and error messages translate without a QApplication (the CLI).

When this fails after new strings were added (new ``self.tr`` calls, new error classes with
``QT_TRANSLATE_NOOP("Errors", ...)``): run ``python -m devtools.build_translations --update``,
translate the new entries in ui/translations/utvag_sv.ts (Qt Linguist or a text editor;
remove ``type="unfinished"``), and run ``make translations``.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from devtools.build_translations import (
    ROOT,
    lrelease,
    lupdate,
    source_files,
    ts_path,
)

PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%L?\d+|%n")
FIX_HINT = (
    "run `python -m devtools.build_translations --update`, translate the entries in "
    "ui/translations/utvag_sv.ts, then `make translations`"
)


def _messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()  # noqa: S314 - our own catalogue
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message))
    return out


def _translations(message: ET.Element) -> list[str]:
    node = message.find("translation")
    if node is None:
        return []
    forms = node.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [node.text or ""]


def _unfinished(message: ET.Element) -> bool:
    node = message.find("translation")
    if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
        return True
    return any(not t.strip() for t in _translations(message))


@pytest.fixture(scope="module")
def refreshed_sv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """utvag_sv.ts as lupdate would leave it after scanning today's sources."""
    copy = tmp_path_factory.mktemp("ts") / "utvag_sv.ts"
    shutil.copy(ts_path("sv"), copy)
    lupdate([copy])
    return copy


def test_every_source_string_has_a_finished_swedish_translation(refreshed_sv: Path) -> None:
    missing = [
        f"  [{context}] {source!r}"
        for context, source, message in _messages(refreshed_sv)
        if _unfinished(message)
    ]
    assert not missing, (
        f"{len(missing)} source string(s) lack a finished Swedish translation — {FIX_HINT}:\n"
        + "\n".join(missing)
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_placeholders_match_the_source(lang: str) -> None:
    wrong = []
    for context, source, message in _messages(ts_path(lang)):
        expected = Counter(PLACEHOLDER.findall(source))
        for text in _translations(message):
            if text and Counter(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"  [{context}] {source!r} -> {text!r}")
    assert not wrong, "placeholders differ between source and translation:\n" + "\n".join(wrong)


def test_every_error_marker_reaches_the_catalogue(refreshed_sv: Path) -> None:
    """lupdate's Python parser must see every QT_TRANSLATE_NOOP("Errors", ...) in the core."""
    marked: set[str] = set()
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "QT_TRANSLATE_NOOP"
                and len(node.args) == 2
                and all(isinstance(a, ast.Constant) for a in node.args)
            ):
                context, text = (a.value for a in node.args)  # type: ignore[attr-defined]
                if context == "Errors":
                    marked.add(text)
    found = {source for context, source, _m in _messages(refreshed_sv) if context == "Errors"}
    assert marked, "no QT_TRANSLATE_NOOP markers found at all"
    assert marked <= found, f"lupdate missed: {sorted(marked - found)}"


def test_catalogues_compile_and_translate(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "utvag_sv.qm"
    lrelease(ts_path("sv"), qm)
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Errors", "The operation failed.") == "Åtgärden misslyckades."
    assert translator.translate("MainWindow", "&Lock") == "&Lås"
    lrelease(ts_path("en"), tmp_path / "utvag_en.qm")
    assert (tmp_path / "utvag_en.qm").is_file()


def test_sources_have_no_aliased_translate_calls() -> None:
    """lupdate only sees literal ``self.tr("...")`` / ``QCoreApplication.translate("Ctx", ...)``."""
    bad = []
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if re.search(r"=\s*(self\.tr|QCoreApplication\.translate)\s*$", line) or re.search(
                r"\b(self\.tr|QCoreApplication\.translate)\(\s*f[\"']", line
            ):
                bad.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not bad, "translations that lupdate cannot extract:\n" + "\n".join(bad)


@pytest.mark.parametrize(
    ("lang", "expected"), [("sv", "Det efterfrågade hittades inte."), ("en", "not found")]
)
def test_cli_translates_errors_without_a_qapplication(
    tmp_path: Path, lang: str, expected: str
) -> None:
    from tests.ui_fixtures import ensure_catalogues

    ensure_catalogues()
    code = (
        "from PySide6.QtCore import QCoreApplication\n"
        "from desktop.i18n import translate_error\n"
        "from storage.errors import NotFoundError\n"
        "assert QCoreApplication.instance() is None\n"
        "print(translate_error(NotFoundError()))\n"
    )
    env = dict(os.environ, UTVAG_LANG=lang, XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert expected in done.stdout
