"""The case timeline: what happened in a case, in order, read from the store.

``case_timeline(store, case_id) -> list[TimelineEvent]`` — intake (aktualisering), status
changes (from the audit log, which is the only record of them), threat assessments, needs
assessments, consents, agreements and breaches, leaving the network, decisions, SIPs,
contacts with psychiatry and addiction care, interventions started and ended, moves
(placements), handovers and receipts, follow-ups, and the closing with its outcome.
Ordered by day, then by the order above, then by record id.

Events carry Swedish labels for the GUI and no protected data: no names, no personnummer,
no addresses, no group names. The municipality of a placement or a handover *is*
sensitive (where a person was moved): those events have ``protected=True`` and the
municipality only in ``detail``, so the GUI can mask it like other protected fields.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records.enums import (
    CaseStatus,
    Environment,
    FollowUpKind,
    InterventionType,
    LegalBasis,
    Outcome,
    ThreatLevel,
)
from storage.records.knowledge import AssessmentOccasion, CareKind, DecisionOutcome

ORDER = (
    "intake",
    "status",
    "assessment",
    "needs",
    "consent",
    "consent_revoked",
    "agreement",
    "breach",
    "network_left",
    "decision",
    "sip",
    "care",
    "intervention_start",
    "intervention_end",
    "placement_in",
    "placement_out",
    "handover",
    "receipt",
    "follow_up",
    "closing",
)
KIND_LABELS = {
    "intake": "Aktualisering",
    "status": "Status",
    "assessment": "Hotbedömning",
    "consent": "Samtycke",
    "consent_revoked": "Samtycke återkallat",
    "agreement": "Överenskommelse",
    "breach": "Brott mot villkor",
    "network_left": "Lämnat nätverket",
    "needs": "Behovsbedömning",
    "decision": "Beslut",
    "sip": "SIP",
    "care": "Vårdkontakt",
    "intervention_start": "Insats påbörjad",
    "intervention_end": "Insats avslutad",
    "placement_in": "Flytt",
    "placement_out": "Utflytt",
    "handover": "Överlämning",
    "receipt": "Kvitto på överlämning",
    "follow_up": "Uppföljning",
    "closing": "Avslut",
}


@dataclass(frozen=True)
class TimelineEvent:
    on: dt.date
    kind: str  # one of ORDER
    label: str  # Swedish, for display
    ref_id: int | None = None  # the record (assessment, intervention, placement, ...)
    detail: str | None = None  # extra text; the municipality for placements
    protected: bool = False  # detail reveals where someone was moved

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def _status_changes(store: StoreLike, case_id: int, number: str) -> Iterator[TimelineEvent]:
    """From the audit log; only this case's entries (a case number or id reused after
    gallring must not bring an older case's history along)."""
    for ts, details in store.conn.execute(
        "SELECT l.ts, l.details FROM audit_log l JOIN cases c ON c.id = ? "
        "WHERE l.action = 'case.status' AND l.subject = ? "
        "AND json_extract(l.details, '$.case_id') = c.id "
        "AND substr(l.ts, 1, 19) >= substr(c.created_at, 1, 19) ORDER BY l.seq",
        (int(case_id), number),
    ):
        try:
            to = CaseStatus(json.loads(details).get("to"))
        except (ValueError, AttributeError, TypeError):
            continue
        if to.is_terminal:  # the closing event comes from the case itself
            continue
        yield TimelineEvent(dt.date.fromisoformat(ts[:10]), "status", to.label.capitalize())


def _records(store: StoreLike, case_id: int) -> Iterator[TimelineEvent]:
    q = store.conn.execute
    c = (int(case_id),)
    for rid, day, level, unit in q(
        "SELECT id, assessed_on, level, source_unit FROM threat_assessments WHERE case_id = ?", c
    ):
        label = f"Hotbedömning: {ThreatLevel(level).label}"
        yield TimelineEvent(repo.must_date(day), "assessment", label, rid, unit)
    for rid, signed, revoked in q(
        "SELECT id, signed_on, revoked_on FROM consents WHERE case_id = ?", c
    ):
        yield TimelineEvent(repo.must_date(signed), "consent", "Samtycke undertecknat", rid)
        if revoked:
            yield TimelineEvent(
                repo.must_date(revoked), "consent_revoked", "Samtycke återkallat", rid
            )
    for rid, signed in q("SELECT id, signed_on FROM agreements WHERE case_id = ?", c):
        label = "Överenskommelse med villkor undertecknad"
        yield TimelineEvent(repo.must_date(signed), "agreement", label, rid)
    for rid, day in q(
        "SELECT b.id, b.occurred_on FROM condition_breaches b "
        "JOIN conditions k ON k.id = b.condition_id JOIN agreements a ON a.id = k.agreement_id "
        "WHERE a.case_id = ?",
        c,
    ):
        yield TimelineEvent(repo.must_date(day), "breach", "Brott mot villkor", rid)
    for rid, env, left in q(
        "SELECT id, environment, left_on FROM network_links WHERE case_id = ? "
        "AND left_on IS NOT NULL",
        c,
    ):
        label = f"Lämnat {Environment(env).label}"
        yield TimelineEvent(repo.must_date(left), "network_left", label, rid)
    for rid, kind, start, end in q(
        "SELECT id, type, started_on, ended_on FROM interventions WHERE case_id = ?", c
    ):
        name = InterventionType(kind).label
        yield TimelineEvent(repo.must_date(start), "intervention_start", f"{name} påbörjad", rid)
        if end:
            yield TimelineEvent(repo.must_date(end), "intervention_end", f"{name} avslutad", rid)
    for rid, muni, moved_in, moved_out in q(
        "SELECT id, municipality, moved_in_on, moved_out_on FROM placements WHERE case_id = ?", c
    ):
        yield TimelineEvent(
            repo.must_date(moved_in), "placement_in", "Flytt till ny placering", rid, muni, True
        )
        if moved_out:
            yield TimelineEvent(
                repo.must_date(moved_out),
                "placement_out",
                "Utflytt från placering",
                rid,
                muni,
                True,
            )
    yield from _plan(store, case_id)
    yield from _handovers_and_follow_ups(store, case_id)


def _plan(store: StoreLike, case_id: int) -> Iterator[TimelineEvent]:
    """Needs assessments, decisions (as they read now), SIPs and care contacts."""
    q = store.conn.execute
    c = (int(case_id),)
    for rid, day, occasion in q(
        "SELECT id, assessed_on, occasion FROM needs_assessments WHERE case_id = ?", c
    ):
        label = f"Behovsbedömning {AssessmentOccasion(occasion).label}"
        yield TimelineEvent(repo.must_date(day), "needs", label, rid)
    for rid, day, outcome in q(
        "SELECT d.id, d.decided_on, d.outcome FROM decisions d WHERE d.case_id = ? "
        "AND NOT EXISTS (SELECT 1 FROM decisions n WHERE n.corrects_id = d.id)",
        c,
    ):
        label = f"Beslut: {DecisionOutcome(outcome).label}"
        yield TimelineEvent(repo.must_date(day), "decision", label, rid)
    for rid, day in q("SELECT id, held_on FROM sips WHERE case_id = ?", c):
        yield TimelineEvent(repo.must_date(day), "sip", "Samordnad individuell plan (SIP)", rid)
    for rid, day, kind in q("SELECT id, started_on, kind FROM care_contacts WHERE case_id = ?", c):
        label = f"Kontakt med {CareKind(kind).label}"
        yield TimelineEvent(repo.must_date(day), "care", label, rid)


def _handovers_and_follow_ups(store: StoreLike, case_id: int) -> Iterator[TimelineEvent]:
    c = (int(case_id),)
    for rid, muni, basis, created, sent, receipt in store.conn.execute(
        "SELECT id, receiving_municipality, legal_basis, created_at, sent_at, receipt_at "
        "FROM handovers WHERE case_id = ?",
        c,
    ):
        label = f"Överlämning ({LegalBasis(basis).label})"
        day = dt.date.fromisoformat(str(sent or created)[:10])
        yield TimelineEvent(day, "handover", label, rid, muni, True)
        if receipt:
            yield TimelineEvent(
                dt.date.fromisoformat(str(receipt)[:10]),
                "receipt",
                "Kvitto från mottagande kommun",
                rid,
                muni,
                True,
            )
    for rid, kind, day in store.conn.execute(
        "SELECT id, kind, done_on FROM follow_ups WHERE case_id = ?", c
    ):
        label = FollowUpKind(kind).label.capitalize()
        yield TimelineEvent(repo.must_date(day), "follow_up", label, rid)


def case_timeline(store: StoreLike, case_id: int) -> list[TimelineEvent]:
    """Every event of the case, oldest first (see the module docstring)."""
    _, number, _ = repo.case_row(store, case_id)
    opened, closed, status, outcome = store.conn.execute(
        "SELECT opened_on, closed_on, status, outcome FROM cases WHERE id = ?", (int(case_id),)
    ).fetchone()
    events = [TimelineEvent(repo.must_date(opened), "intake", "Ärendet aktualiserades")]
    events += _status_changes(store, case_id, number)
    events += _records(store, case_id)
    if closed:
        if status == CaseStatus.CLOSED.value:
            label = f"Avslutat: {Outcome(outcome).label}"
        else:
            label = CaseStatus(status).label.capitalize()
        events.append(TimelineEvent(repo.must_date(closed), "closing", label))
    rank = {k: i for i, k in enumerate(ORDER)}
    events.sort(key=lambda e: (e.on, rank[e.kind], e.ref_id or 0))
    return events
