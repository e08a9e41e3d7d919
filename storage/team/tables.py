"""Which tables and fields of a case file are kept in step, and how they are grouped.

A *register* is the unit a merge replaces: one field, or a few fields that only make sense
together (a status with its outcome and closing date), so that a merge never mixes fields
of two colleagues' changes into a row that breaks a rule. A register's name is its first
field. References to other records travel as the record's ``uid``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

REMOVED = "~"  # the register of removals (docs/sync.md §3)


@dataclass(frozen=True)
class TableSpec:
    name: str
    groups: tuple[tuple[str, ...], ...]
    refs: dict[str, str] = field(default_factory=dict)
    #: fields that travel only under a share with protected data (persons: when protected)
    protected: tuple[str, ...] = ()
    removable: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for group in self.groups for f in group)

    @property
    def registers(self) -> dict[str, tuple[str, ...]]:
        return {group[0]: group for group in self.groups}

    def register_of(self, column: str) -> str | None:
        for group in self.groups:
            if column in group:
                return group[0]
        return None


def _each(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple((n,) for n in names)


_CASE = {"case_id": "cases"}

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "cases",
            (
                *_each("case_type", "home_municipality", "stay_municipality", "caseworker"),
                *_each("referral_source", "opened_on", "created_at"),
                ("status", "outcome", "closed_on"),
            ),
        ),
        TableSpec(
            "persons",
            (
                ("case_id",),
                ("role", "relation", "accompanying_child"),
                ("name",),
                ("id_number", "id_kind"),
                *_each("birth_year", "gender", "language", "protection_level", "created_at"),
            ),
            _CASE,
            protected=("name", "id_number", "id_kind"),
            removable=True,
        ),
        TableSpec(
            "consents",
            (
                ("case_id",),
                ("person_id",),
                *_each("agencies", "municipalities", "created_at"),
                ("signed_on", "expires_on", "revoked_on", "revoked_reason"),
            ),
            {"case_id": "cases", "person_id": "persons"},
        ),
        TableSpec(
            "threat_assessments",
            (
                ("case_id",),
                *_each("source_unit", "level", "summary", "measures", "created_at"),
                ("assessed_on", "next_review_on"),
            ),
            _CASE,
        ),
        TableSpec(
            "placements",
            (
                ("case_id",),
                *_each("municipality", "created_at"),
                ("moved_in_on", "moved_out_on"),
            ),
            _CASE,
        ),
        TableSpec(
            "interventions",
            (
                ("case_id",),
                *_each("type", "cost_sek", "funding", "control_interval_days", "notes"),
                ("started_on", "ended_on"),
                ("created_at",),
            ),
            _CASE,
        ),
        TableSpec(
            "journal_entries",
            (
                (
                    "case_id",
                    "original_id",
                    "corrects_id",
                    "version",
                    "author",
                    "written_at",
                    "text",
                    "correction_reason",
                    "imported",
                    "entry_type",
                    "event_date",
                ),
                ("erroneous_by", "erroneous_at", "erroneous_reason"),
            ),
            {
                "case_id": "cases",
                "original_id": "journal_entries",
                "corrects_id": "journal_entries",
            },
        ),
        TableSpec(
            "documents",
            (
                ("case_id",),
                *_each("title", "filename", "media_type"),
                ("size", "sha256", "added_by", "added_at"),
            ),
            _CASE,
        ),
        TableSpec(
            "follow_ups",
            (
                ("case_id",),
                *_each("kind", "done_on", "summary", "created_by", "created_at"),
            ),
            _CASE,
        ),
    )
}

#: Tables in the order records are created when a whole case is applied or listed.
ORDER = tuple(SPECS)
