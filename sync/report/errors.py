"""Refusals of national-report bundles (the report's own refusals are in
storage/learning/errors.py)."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP
from storage.learning.errors import NationalReportError


class NotANationalReportError(NationalReportError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The file is a bundle of another kind ({kind}), not a national report. Nothing was stored.",
    )
    code = "national_not_a_report"


class ReportSenderMismatchError(NationalReportError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The national report says it is from {claimed}, but it was signed by {sender}. "
        "Nothing was stored.",
    )
    code = "national_sender_mismatch"
