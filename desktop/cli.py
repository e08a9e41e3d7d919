"""The ``utvag`` command line: subcommands work without a screen; no arguments opens the GUI.

Exit status: 0 success, 1 a refused or failed operation (one clear line on stderr),
2 a usage error. Every command that opens a store takes ``--store DIR`` and
``--passphrase-file FILE``; a passphrase is never accepted as an argument.

Each group of commands lives in ``desktop/commands/<name>.py`` and exposes
``register(subparsers) -> None``; it sets ``func(args) -> int`` on its parsers. The parser is
built in ``desktop/commands/parser.py``, imported only when there are arguments: the desktop
client (no arguments) starts without argparse (issue 17).

Output goes to a reader that may stop early (``utvag case list | head -1``): a closed pipe
ends the command quietly — no traceback, no message — with exit status 1, as the Python
documentation recommends, after standard output is pointed at the null device so that the
interpreter's last flush cannot fail again. The store is closed on the way out as on any
error (its context manager), so nothing half-done is left.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from storage.errors import (
    UsageError,
    UtvagError,
)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, sort_keys=True, default=str)
    sys.stdout.write("\n")


def report_error(exc: UtvagError) -> None:
    from desktop.i18n import translate_error

    sys.stderr.write(f"utvag: {translate_error(exc)}\n")


def _quiet_stdout() -> None:
    """After a closed pipe: send what is left in stdout's buffer to the null device."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (a test's capture)
        pass


def _print_version() -> int:
    from importlib.metadata import version

    print(f"utvag {version('utvag')}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:
        _quiet_stdout()
        return 1


def _main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        # The client's modules that need no Qt load first: PySide6 reads the source of every
        # module imported after it (to see whether it uses PySide6), which these need not
        # pay before the unlock window (issue 17).
        from desktop import config, gateway  # noqa: F401 - before PySide6, on purpose
        from desktop.app import run_gui

        return run_gui([])
    if args_list == ["--version"]:  # without building every command's parser (~0.3 s)
        return _print_version()
    from desktop.commands.parser import build_parser

    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.version:
        return _print_version()
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(func(args))
    except UsageError as exc:
        report_error(exc)
        return 2
    except UtvagError as exc:
        report_error(exc)
        return 1
    except KeyboardInterrupt:
        from desktop.commands.texts import interrupted

        interrupted()
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
