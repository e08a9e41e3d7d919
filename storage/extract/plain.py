"""The sections of an extract that hold no protected or third-party item of their own:
consents, agreements and conditions, network links, interventions, the list of documents
(titles, not the files) and follow-ups. Dated records outside the period are left out.
Each ``section(store, request, case_id) -> list[Block]``."""

from __future__ import annotations

import datetime as dt

from storage.casefile import assessments, followups
from storage.casefile import consents as consent_records
from storage.casefile import documents as document_records
from storage.casefile import interventions as intervention_records
from storage.casefile.repo import StoreLike
from storage.errors import QT_TRANSLATE_NOOP
from storage.extract.model import MASKED, Block, ExtractRequest, Line
from storage.extract.review import day, in_period
from storage.registers.groups import groups
from storage.registers.providers import providers


def consents(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    out = []
    for c in consent_records.consents(store, case_id):
        if not in_period(request, c.signed_on):
            continue
        lines = [
            Line(QT_TRANSLATE_NOOP("Extract", "Agencies"), ", ".join(c.agencies)),
            Line(
                QT_TRANSLATE_NOOP("Extract", "Municipalities"),
                ", ".join(c.municipalities) or MASKED,
            ),
            Line(
                QT_TRANSLATE_NOOP("Extract", "Valid until"),
                c.expires_on.isoformat() if c.expires_on else MASKED,
            ),
        ]
        if c.revoked_on:
            lines.append(
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Revoked"),
                    f"{c.revoked_on.isoformat()} {c.revoked_reason or ''}".strip(),
                )
            )
        out.append(Block(c.signed_on.isoformat(), tuple(lines)))
    return out


def agreements(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    out = []
    for a in consent_records.agreements(store, case_id):
        if not in_period(request, a.signed_on):
            continue
        lines = [Line(QT_TRANSLATE_NOOP("Extract", "Summary"), a.summary or MASKED)]
        for cond in a.conditions:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Condition"), cond.text))
            for b in cond.breaches:
                lines.append(
                    Line(
                        QT_TRANSLATE_NOOP("Extract", "Breach"),
                        f"{b.occurred_on.isoformat()}: {b.description}",
                    )
                )
        out.append(Block(a.signed_on.isoformat(), tuple(lines)))
    return out


def network(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    names = {g.id: g.name for g in groups(store)}
    out = []
    for n in assessments.network_links(store, case_id):
        lines = [
            Line(
                QT_TRANSLATE_NOOP("Extract", "Group"),
                names.get(n.group_id, MASKED) if n.group_id else MASKED,
            ),
            Line(QT_TRANSLATE_NOOP("Extract", "Role"), n.role or MASKED),
        ]
        if n.left_on:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Left"), n.left_on.isoformat()))
        out.append(Block(n.environment.label, tuple(lines)))
    return out


def interventions(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    names = {p.id: p.name for p in providers(store)}
    out = []
    for i in intervention_records.interventions(store, case_id):
        if not in_period(request, i.started_on, i.ended_on or dt.date.max):
            continue
        lines = [
            Line(
                QT_TRANSLATE_NOOP("Extract", "Provider"),
                names.get(i.provider_id, MASKED) if i.provider_id else MASKED,
            ),
            Line(
                QT_TRANSLATE_NOOP("Extract", "Period"),
                f"{i.started_on.isoformat()} – {i.ended_on.isoformat() if i.ended_on else ''}",
            ),
        ]
        if i.notes:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Notes"), i.notes))
        out.append(Block(i.type.label, tuple(lines)))
    return out


def documents(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    out = []
    for d in document_records.documents(store, case_id):
        if not in_period(request, day(d.added_at)):
            continue
        lines = (
            Line(QT_TRANSLATE_NOOP("Extract", "File"), d.filename),
            Line(QT_TRANSLATE_NOOP("Extract", "Added"), f"{d.added_at[:10]} · {d.added_by}"),
        )
        out.append(Block(d.title, lines))
    return out


def follow_ups(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Block]:
    return [
        Block(f"{f.done_on.isoformat()} · {f.kind.label}", body=f.summary)
        for f in followups.follow_ups(store, case_id)
        if in_period(request, f.done_on)
    ]
