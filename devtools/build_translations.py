"""Build the translation catalogues: ``python -m devtools.build_translations [--update]``.

Without flags it only compiles ``ui/translations/utvag_<lang>.ts`` to ``.qm`` beside them
(lrelease) — that is what ``make install`` / ``make translations`` run. ``--update`` first
runs lupdate over every Python module in ui/, desktop/, storage/ and sync/, so new or changed
source strings (``self.tr``, ``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP("Errors",
...)`` in the core) appear in the .ts files as unfinished entries to be translated; strings
no longer in the code are dropped. lupdate's Python parser does pick up
``QT_TRANSLATE_NOOP`` in modules that never import Qt (tests/test_translations.py checks it
against an AST scan).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIRS = ("ui", "desktop", "storage", "sync")
TRANSLATIONS_DIR = ROOT / "ui" / "translations"
LANGUAGES = ("sv", "en")


class ToolMissing(RuntimeError):
    pass


def tool(name: str) -> str:
    """The path of Qt's ``lupdate`` or ``lrelease`` shipped with PySide6."""
    suffix = ".exe" if sys.platform == "win32" else ""
    bundled = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if bundled.is_file():
        return str(bundled)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise ToolMissing(f"{name} not found (it ships with PySide6-Essentials)")
    return found


def source_files(root: Path = ROOT) -> list[Path]:
    """Every Python module whose strings can reach the user."""
    files: list[Path] = []
    for directory in SOURCE_DIRS:
        files.extend(p for p in (root / directory).rglob("*.py") if "__pycache__" not in p.parts)
    return sorted(files)


def ts_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"utvag_{lang}.ts"


def qm_path(lang: str) -> Path:
    return TRANSLATIONS_DIR / f"utvag_{lang}.qm"


def lupdate(ts_files: Sequence[Path], *, root: Path = ROOT) -> str:
    """Refresh ``ts_files`` from the sources (drops strings that left the code)."""
    sources = [str(p.relative_to(root)) for p in source_files(root)]
    cmd = [
        tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "relative",
        *sources,
        "-ts",
        *(str(p) for p in ts_files),
    ]
    done = subprocess.run(cmd, cwd=root, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"lupdate failed: {done.stderr.strip()}")
    return done.stderr


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile one catalogue (unfinished entries fall back to the English source)."""
    cmd = [tool("lrelease"), "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not qm_file.is_file():
        raise RuntimeError(f"lrelease failed for {ts_file.name}: {done.stderr.strip()}")


def build(*, update: bool = False, languages: Sequence[str] = LANGUAGES) -> list[Path]:
    """Compile (and with ``update`` first refresh) the catalogues; returns the .qm files."""
    if update:
        lupdate([ts_path(lang) for lang in languages])
    built = []
    for lang in languages:
        lrelease(ts_path(lang), qm_path(lang))
        built.append(qm_path(lang))
    return built


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.build_translations")
    parser.add_argument(
        "--update",
        action="store_true",
        help="refresh the .ts files from the sources (lupdate) before compiling",
    )
    args = parser.parse_args(argv)
    try:
        for path in build(update=args.update):
            print(f"built {path.relative_to(ROOT)}")
    except (RuntimeError, ToolMissing) as exc:
        sys.stderr.write(f"build_translations: {exc}\n")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
