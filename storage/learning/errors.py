"""Refusals of the national report and of coordinator mode (docs/national-report.md).

Each carries one translated sentence and a stable ``code``; parameters are codes, counts,
periods and municipality names only — never a number from a hidden cell.
"""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP, UtvagError, ValidationError


class NationalReportError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The national report could not be made.")
    code = "national_report"


class MalformedReportError(NationalReportError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The national report was refused: it is not a national report this version can read "
        "({reason}). Nothing was stored.",
    )
    code = "national_report_malformed"


class UnsafeReportError(NationalReportError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The national report was refused: it publishes a number below {threshold} (table "
        "{table}). Nothing was stored; ask the sender to export it again with Utväg.",
    )
    code = "national_report_unsafe"


class DuplicateReportError(NationalReportError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The national report was refused: this report has already been received. Nothing "
        "was stored.",
    )
    code = "national_report_replayed"


class NoReportsError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "No national reports for {period} have been received; nothing to merge."
    )
    code = "national_no_reports"


class NothingMergedError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The merged national tables would publish nothing but zeros for {period}; nothing "
        "was written.",
    )
    code = "national_nothing_merged"


class PeriodsDifferError(ValidationError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "No national report covers exactly {period}. The reports received that overlap it "
        "cover {periods}; only reports of exactly the same period are merged (a sum of "
        "different periods counts no period). Choose one of those periods.",
    )
    code = "national_periods_differ"
