"""The ``utvag`` command line's parser: every command group's ``register(subparsers)``.

Imported by desktop/cli.py only when there are arguments, so the desktop client starts
without argparse (issue 17).
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: Command modules in the order their commands appear in ``--help``.
COMMAND_MODULES: tuple[str, ...] = (
    "store",
    "keyslot",
    "cases",
    "journal",
    "casework",
    "partners",
    "access_log",
    "handover",
    "team",
    "extract",
    "backup",
    "stats",
    "national",
    "research",
    "selftest",
)


class _Parser(argparse.ArgumentParser):
    """argparse that exits with 2 and one line on usage errors (its default, made explicit)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="utvag",
        description="Utväg: encrypted case files and signed handover. "
        "Without a command, opens the desktop client.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"desktop.commands.{name}":
                continue  # that group is not built yet
            raise
        module.register(subparsers)
    return parser
