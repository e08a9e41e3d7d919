"""Which tables and fields of a case file are kept in step, and how they are grouped.

A *register* is the unit a merge replaces: one field, or a few fields that only make sense
together (a status with its outcome and closing date), so that a merge never mixes fields
of two colleagues' changes into a row that breaks a rule. A register's name is its first
field. References to other records travel as the record's ``uid``.
"""

from __future__ import annotations

from storage.team.spec import Lookup, Side, TableSpec

REMOVED = "~"  # the register of removals (docs/sync.md §3)


def _each(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple((n,) for n in names)


_CASE = {"case_id": "cases"}

ADDRESS = Side(
    "placement_addresses",
    "placement_id",
    ("street", "postal_code", "city"),
    "address_",
    stamp=("created_at",),
)
FICTITIOUS = Side(
    "fictitious_identities",
    "person_id",
    ("name", "id_number", "valid_from"),
    "fictitious_",
    stamp=("created_at",),
)
ENDING = Side(
    "case_endings", "case_id", ("reason", "note", "recorded_by", "recorded_at"), "ending_"
)
PARTNERS = Side(
    "case_partners", "case_id", ("partner_id", "role", "linked_by", "linked_at"), "partners", True
)
RATINGS = Side("need_ratings", "assessment_id", ("domain", "level", "note"), "ratings", True)
FOLLOW_UP_RESULT = Side(
    "follow_up_results",
    "follow_up_id",
    ("status", "housing", "occupation", "relapse"),
    "result_",
    stamp=("created_at",),
)
FOLLOW_UP_NEEDS = Side("follow_up_needs", "follow_up_id", ("domain",), "needs", True)
FOLLOW_UP_INTERVENTIONS = Side(
    "follow_up_interventions",
    "follow_up_id",
    ("intervention_id",),
    "interventions",
    True,
    refs={"intervention_id": "interventions"},
)
PROVISION = Lookup("provision_id", "provisions", ("code", "law", "title", "source"), "provision_")
METHOD = Lookup(
    "method_id", "methods", ("code", "name", "evidence_level", "evidence_source"), "method_"
)
PROVIDER = Lookup(
    "provider_id", "providers", ("name", "kind", "org_number", "municipality"), "provider_"
)
GROUP = Lookup("group_id", "groups", ("name", "environment", "area"), "group_")

SPECS: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec(
            "cases",
            (
                *_each("case_type", "home_municipality", "stay_municipality", "caseworker"),
                *_each("referral_source", "opened_on", "created_at"),
                ("status", "outcome", "closed_on"),
                ENDING.wire,
                PARTNERS.wire,
            ),
            sides=(ENDING, PARTNERS),
            later=(ENDING.wire[0], PARTNERS.wire[0]),
            touch=("updated_at",),
        ),
        TableSpec(
            "persons",
            (
                ("case_id",),
                ("role", "relation", "accompanying_child"),
                ("name",),
                ("id_number", "id_kind"),
                *_each("birth_year", "gender", "language", "protection_level", "created_at"),
                FICTITIOUS.wire,
            ),
            _CASE,
            protected=("name", "id_number", "id_kind"),
            removable=True,
            sides=(FICTITIOUS,),
            secret=(FICTITIOUS.wire[0],),
            later=(FICTITIOUS.wire[0],),
            touch=("updated_at",),
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
                ADDRESS.wire,
            ),
            _CASE,
            sides=(ADDRESS,),
            secret=(ADDRESS.wire[0],),
            later=(ADDRESS.wire[0],),
        ),
        TableSpec(
            "decisions",
            (
                (
                    "case_id",
                    "original_id",
                    "corrects_id",
                    "version",
                    *PROVISION.wire,
                    "provision_text",
                    "outcome",
                    "subject",
                    "intervention_type",
                    "reasons",
                    "decided_by",
                    "delegation",
                    "decided_on",
                    "appeal_info",
                    "signed_by",
                    "signed_at",
                    "correction_reason",
                    "imported",
                ),
                ("notified_on",),
            ),
            {"case_id": "cases", "original_id": "decisions", "corrects_id": "decisions"},
            lookups=(PROVISION,),
        ),
        TableSpec(
            "interventions",
            (
                ("case_id",),
                *_each("type", "cost_sek", "funding", "control_interval_days", "notes"),
                ("started_on", "ended_on"),
                ("created_at",),
                PROVIDER.wire,
                METHOD.wire,
                ("decision_id",),
            ),
            {"case_id": "cases", "decision_id": "decisions"},
            lookups=(PROVIDER, METHOD),
            later=(PROVIDER.wire[0], METHOD.wire[0], "decision_id"),
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
                FOLLOW_UP_RESULT.wire,
                FOLLOW_UP_NEEDS.wire,
                FOLLOW_UP_INTERVENTIONS.wire,
            ),
            _CASE,
            sides=(FOLLOW_UP_RESULT, FOLLOW_UP_NEEDS, FOLLOW_UP_INTERVENTIONS),
            later=(
                FOLLOW_UP_RESULT.wire[0],
                FOLLOW_UP_NEEDS.wire[0],
                FOLLOW_UP_INTERVENTIONS.wire[0],
            ),
        ),
        # Schema step 12: the rest of a case file.
        TableSpec(
            "agreements",
            (("case_id",), ("signed_on", "valid_until"), *_each("summary", "created_at")),
            _CASE,
        ),
        TableSpec(
            "conditions",
            (("agreement_id",), *_each("text", "created_at")),
            {"agreement_id": "agreements"},
            parent=("agreement_id", "agreements"),
        ),
        TableSpec(
            "condition_breaches",
            (("condition_id",), *_each("occurred_on", "description", "consequence", "created_at")),
            {"condition_id": "conditions"},
            parent=("condition_id", "conditions"),
        ),
        TableSpec(
            "network_links",
            (
                ("case_id",),
                ("person_id",),
                ("environment",),
                GROUP.wire,
                *_each("role", "left_on", "created_at"),
            ),
            {"case_id": "cases", "person_id": "persons"},
            lookups=(GROUP,),
        ),
        TableSpec(
            "reminders",
            (("case_id",), *_each("due_on", "text", "done_on", "created_by", "created_at")),
            _CASE,
        ),
        TableSpec(
            "provider_controls",
            (
                ("intervention_id",),
                ("planned_on",),
                ("done_on", "done_by"),
                *_each("notes", "created_at"),
            ),
            {"intervention_id": "interventions"},
            parent=("intervention_id", "interventions"),
        ),
        TableSpec(
            "relocation_tasks",
            (
                ("placement_id",),
                *_each("task", "description", "responsible", "due_on"),
                ("done_on", "done_by"),
                *_each("note", "created_at"),
            ),
            {"placement_id": "placements"},
            parent=("placement_id", "placements"),
            touch=("updated_at",),
        ),
        TableSpec(
            "needs_assessments",
            (
                (
                    "case_id",
                    "assessed_on",
                    "occasion",
                    "assessed_by",
                    "next_review_on",
                    "note",
                    "created_by",
                    "created_at",
                ),
                RATINGS.wire,
            ),
            _CASE,
            sides=(RATINGS,),
        ),
        TableSpec(
            "care_contacts",
            (
                ("case_id",),
                *_each("kind", "region", "unit", "contact_person", "notes", "created_at"),
                ("started_on", "ended_on"),
                ("referral_sent_on", "referral_answered_on", "referral_answer"),
            ),
            _CASE,
            touch=("updated_at",),
        ),
        TableSpec(
            "sips",
            (
                ("case_id",),
                ("held_on", "consent_on", "follow_up_on", "followed_up_on", "ended_on"),
                ("lead", "lead_name"),
                *_each("participants", "notes", "created_by", "created_at"),
            ),
            _CASE,
            touch=("updated_at",),
        ),
        TableSpec(
            "sip_actions",
            (("sip_id",), *_each("action", "responsible", "due_on", "done_on", "created_at")),
            {"sip_id": "sips"},
            parent=("sip_id", "sips"),
        ),
        TableSpec(
            "grant_confirmations",
            (("case_id", "criterion", "met", "note", "confirmed_by", "confirmed_at"),),
            _CASE,
        ),
        TableSpec(
            "handover_bases",
            (
                ("case_id",),
                *_each("kind", "municipality", "reference", "created_by", "created_at"),
                ("decided_on", "valid_until"),
            ),
            _CASE,
        ),
        TableSpec(
            "decision_appeals",
            (
                ("decision_id",),
                ("lodged_on", "court", "created_by", "created_at"),
                ("outcome", "outcome_on"),
                ("note",),
            ),
            {"decision_id": "decisions"},
            parent=("decision_id", "decisions"),
        ),
    )
}

#: Tables in the order records are created when a whole case is applied or listed (a
#: record after every table it refers to).
ORDER = tuple(SPECS)

#: A side table -> (the table of its record, the register it writes).
SIDE_TABLES: dict[str, tuple[str, str]] = {
    side.table: (spec.name, side.wire[0]) for spec in SPECS.values() for side in spec.sides
}
