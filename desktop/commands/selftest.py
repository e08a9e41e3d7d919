"""``utvag selftest``: check that this installation works (also in the frozen build).

Prints one line per check (``ok  store: create/unlock - ...``, ``FAIL ...``) as it
finishes, or with ``--json`` one object at the end. Exit status 0 when no check failed
(warnings allowed), 1 when one did, 2 for a usage error. desktop/selftest/ has the checks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.selftest.report import Check
from desktop.selftest.runner import run_selftest


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "selftest",
        help="check that this installation works (store, keyring, bundles, Qt)",
        description="Create a temporary store in a temporary folder, write and read a case, "
        "seal and open a bundle between two temporary identities, load the translations and "
        "render a widget offscreen; then remove everything again. Exit status 0 when every "
        "check passed (warnings allowed), 1 when one failed.",
    )
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--require-keyring",
        action="store_true",
        help="fail (instead of warning) when no secure OS keyring is available",
    )
    parser.add_argument(
        "--tmp-dir",
        metavar="DIR",
        help="where to make the temporary folder (default: the system's temporary folder)",
    )
    parser.set_defaults(func=_selftest)


def _print_line(check: Check) -> None:
    print(check.line, flush=True)


def _selftest(args: argparse.Namespace) -> int:
    report = run_selftest(
        require_keyring=bool(args.require_keyring),
        tmp_parent=Path(args.tmp_dir) if args.tmp_dir else None,
        on_check=None if args.json else _print_line,
    )
    if args.json:
        print_json(report.to_json())
    if report.ok:
        return 0
    failed = [c.name for c in report.checks if c.status == "FAIL"]
    sys.stderr.write(f"utvag: selftest failed: {', '.join(failed)}\n")
    return 1
