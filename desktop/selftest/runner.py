"""Running the self-test: each check in order, timed, a failure never stopping the rest."""

from __future__ import annotations

import contextlib
import platform
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.selftest.checks import (
    Workspace,
    check_bundle,
    check_case,
    check_cleanup,
    check_keyring,
    check_qt,
    check_runtime,
    check_store,
    check_translations,
    version_text,
)
from desktop.selftest.report import (
    FAIL,
    SKIP,
    Check,
    CheckFailed,
    SelftestReport,
    describe,
)
from storage.errors import UtvagError


class _Runner:
    def __init__(self, report: SelftestReport, on_check: Callable[[Check], None] | None) -> None:
        self.report = report
        self.on_check = on_check

    @contextlib.contextmanager
    def check(self, name: str, title: str) -> Iterator[Check]:
        """Run the body as one check; an exception is its failure (never propagates)."""
        result = Check(name, title)
        start = time.perf_counter()
        try:
            yield result
        except CheckFailed as exc:
            result.status, result.detail = FAIL, str(exc)
        except Exception as exc:  # noqa: BLE001 - any error is this check's failure
            result.status, result.detail = FAIL, describe(exc)
            if not isinstance(exc, UtvagError):
                tb = traceback.extract_tb(exc.__traceback__)[-1]
                result.detail += f" (at {Path(tb.filename).name}:{tb.lineno})"
        result.seconds = round(time.perf_counter() - start, 3)
        self.add(result)

    def skip(self, name: str, title: str, because: str) -> None:
        self.add(Check(name, title, SKIP, f"not run: {because}"))

    def add(self, result: Check) -> None:
        self.report.checks.append(result)
        if self.on_check is not None:
            self.on_check(result)


def run_selftest(
    *,
    require_keyring: bool = False,
    tmp_parent: Path | None = None,
    on_check: Callable[[Check], None] | None = None,
    include_qt: bool = True,
) -> SelftestReport:
    """Run every check; ``tmp_parent`` is where the temporary folder goes (default: the OS's).

    ``on_check`` is called with each finished check (to print it at once). Never raises for
    a failing check; the report says what failed. The ``qt`` check must run on the GUI
    thread when a QApplication exists: the GUI running the rest on a worker thread passes
    ``include_qt=False`` (the check is then reported as skipped).
    """
    report = SelftestReport(
        version=version_text(),
        frozen=bool(getattr(sys, "frozen", False)),
        python=platform.python_version(),
    )
    run = _Runner(report, on_check)
    ws = Workspace(tmp_parent)
    try:
        with run.check("runtime", "version and metadata") as c:
            check_runtime(c, report)
        with run.check("keyring", "device secret backend") as c:
            check_keyring(c, ws, require_keyring)
        with run.check("store", "create/unlock") as c:
            check_store(c, ws)
        if report.check("store").status == FAIL:
            run.skip("case", "write/read", "the store check failed")
            run.skip("bundle", "seal/open", "the store check failed")
        else:
            with run.check("case", "write/read") as c:
                check_case(c, ws)
            with run.check("bundle", "seal/open") as c:
                check_bundle(c, ws)
        with run.check("translations", "catalogues load") as c:
            check_translations(c)
        if include_qt:
            with run.check("qt", "offscreen widget") as c:
                check_qt(c)
        else:
            run.skip("qt", "offscreen widget", "left out by the caller")
    finally:
        with run.check("cleanup", "stores, keyring entries, temporary folder") as c:
            check_cleanup(c, ws)
    return report
