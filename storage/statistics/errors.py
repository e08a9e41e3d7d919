"""Errors of the statistics: an export that the ledger cannot take as it stands."""

from __future__ import annotations

from storage.errors import QT_TRANSLATE_NOOP, UtvagError


class StatsError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The statistics could not be exported.")
    code = "stats"


class StatsChangedError(StatsError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The numbers are no longer the ones shown: the case files or the earlier exports "
        "have changed since. Show the statistics again, then export them.",
    )
    code = "stats_changed"


class NothingToPublishError(StatsError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "Nothing can be exported for {period}: every number would reveal a group of fewer "
        "than {threshold} cases, on its own or together with earlier exports.",
    )
    code = "stats_nothing_to_publish"
