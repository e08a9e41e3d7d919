"""What goes into an extract: every section, with the decision of the sekretessprövning
applied to each protected or third-party item (which items, and the decisions, come from
storage/extract/review.py; sections without such items from storage/extract/plain.py).

Public API (both faces, the GUI and ``utvag extract``, call it; ``review_items`` and
``resolve_choices`` are re-exported from review.py):

- ``build_extract(store, request) -> Extract`` — the content. A protected field that is
  *included* is read through ``protection.reveal`` with the reason "Utdrag: <reason>", so
  each is in the audit log; a masked item shows only what its label showed; a withheld item
  is a block that says it was withheld and under which ground — never silently dropped.

The extract itself is audited when it is saved or printed (storage/extract/output.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from storage.casefile import (
    assessments,
    persons,
    placements,
)
from storage.casefile.cases import get_case
from storage.casefile.protection import RevealField, reveal
from storage.casefile.repo import StoreLike, case_number, utc_now
from storage.casefile.summaries import case_summary
from storage.errors import QT_TRANSLATE_NOOP
from storage.extract import grounds as grounds_mod
from storage.extract import plain
from storage.extract.model import (
    ITEM_KINDS,
    MASKED,
    SECTIONS,
    Block,
    CaseExtract,
    Decision,
    Extract,
    ExtractRequest,
    Line,
    Section,
    Status,
)
from storage.extract.review import (
    check_request,
    in_period,
    journal_heading,
    journal_in_period,
    partner_label,
    person_label,
    resolve_choices,
    review_items,
    subjects,
)
from storage.records import validate as v
from storage.records.case import JournalEntry, Person
from storage.registers.partners import case_partners


class _Builder:
    def __init__(self, store: StoreLike, request: ExtractRequest) -> None:
        self.store, self.request = store, request
        self.choices = resolve_choices(store, request)
        self.labels = {g.id: g.label for g in grounds_mod.grounds(store, active_only=False)}
        self.counts: dict[str, dict[str, int]] = {}
        self.cited: list[str] = []
        self.why = f"Utdrag: {request.reason}"[:500]

    def decide(self, key: str) -> tuple[Decision, str | None]:
        choice = self.choices[key]
        kind = key.split(":", 1)[0]
        bucket = self.counts.setdefault(kind, {d.value: 0 for d in Decision})
        bucket[choice.decision.value] += 1
        ground = self.labels.get(choice.ground_id) if choice.ground_id is not None else None
        if ground is not None and ground not in self.cited:
            self.cited.append(ground)
        return choice.decision, ground

    def reveal(self, case_id: int, field: RevealField, **ids: int) -> str:
        value = reveal(self.store, case_id, field, self.why, **ids)
        return value or MASKED

    def withheld(self, heading: str, kind: str, ground: str | None) -> Block:
        return Block(heading, status=Status.WITHHELD, ground=ground, kind_label=ITEM_KINDS[kind][0])

    # ----------------------------------------------------------------- sections
    def case(self, case_id: int) -> list[Block]:
        c = get_case(self.store, case_id)
        lines = [
            Line(QT_TRANSLATE_NOOP("Extract", "Case number"), c.case_number),
            Line(QT_TRANSLATE_NOOP("Extract", "Case type"), c.case_type.label),
            Line(QT_TRANSLATE_NOOP("Extract", "Status"), c.status.label),
            Line(QT_TRANSLATE_NOOP("Extract", "Opened"), c.opened_on.isoformat()),
            Line(QT_TRANSLATE_NOOP("Extract", "Home municipality"), c.home_municipality),
            Line(QT_TRANSLATE_NOOP("Extract", "Caseworker"), c.caseworker),
        ]
        if c.closed_on:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Closed"), c.closed_on.isoformat()))
        if c.outcome:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Outcome"), c.outcome.label))
        if c.stay_municipality:
            lines.append(
                self._line(
                    f"placement:stay{case_id}",
                    QT_TRANSLATE_NOOP("Extract", "Municipality of stay"),
                    c.stay_municipality,
                )
            )
        if c.referral_source:
            lines.append(
                self._line(
                    f"referral_source:{case_id}",
                    QT_TRANSLATE_NOOP("Extract", "Referred by"),
                    c.referral_source,
                )
            )
        return [Block(c.case_number, tuple(lines))]

    def _line(self, key: str, label: str, value: str) -> Line:
        decision, ground = self.decide(key)
        if decision is Decision.INCLUDE:
            return Line(label, value)
        status = Status.MASKED if decision is Decision.MASK else Status.WITHHELD
        return Line(label, MASKED, status, ground)

    def persons(self, case_id: int) -> list[Block]:
        blocks = []
        summary = case_summary(self.store, case_id)
        about = subjects(self.store, self.request, case_id)
        for p in persons.persons(self.store, case_id):
            kind = "subject_identity" if p.id in about else "third_party"
            decision, ground = self.decide(f"{kind}:{p.id}")
            heading = person_label(p)
            if decision is Decision.WITHHOLD:
                blocks.append(self.withheld(heading, kind, ground))
            else:
                blocks.append(
                    Block(heading, tuple(self._person_lines(case_id, p, decision, ground, summary)))
                )
            if p.has_fictitious_identity:
                decision, ground = self.decide(f"new_identity:{p.id}")
                if decision is Decision.INCLUDE:
                    value = self.reveal(case_id, RevealField.NEW_IDENTITY, person_id=p.id)
                    blocks.append(
                        Block(
                            heading,
                            (Line(QT_TRANSLATE_NOOP("Extract", "Fictitious identity"), value),),
                        )
                    )
                elif decision is Decision.MASK:
                    line = Line(
                        QT_TRANSLATE_NOOP("Extract", "Fictitious identity"),
                        MASKED,
                        Status.MASKED,
                        ground,
                    )
                    blocks.append(Block(heading, (line,)))
                else:
                    blocks.append(self.withheld(heading, "new_identity", ground))
        return blocks

    def _person_lines(
        self, case_id: int, p: Person, decision: Decision, ground: str | None, summary: Any
    ) -> list[Line]:
        lines = []
        if decision is Decision.INCLUDE:
            lines.append(
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Name"),
                    self.reveal(case_id, RevealField.NAME, person_id=p.id),
                )
            )
            number = reveal(self.store, case_id, RevealField.PERSONNUMMER, self.why, person_id=p.id)
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Personnummer"), number or MASKED))
        else:
            initials = (
                summary.initials if p.role.value == "principal" and summary.initials else MASKED
            )
            lines.append(
                Line(QT_TRANSLATE_NOOP("Extract", "Name"), initials, Status.MASKED, ground)
            )
            lines.append(
                Line(QT_TRANSLATE_NOOP("Extract", "Personnummer"), MASKED, Status.MASKED, ground)
            )
        lines += [
            Line(
                QT_TRANSLATE_NOOP("Extract", "Born"), str(p.birth_year) if p.birth_year else MASKED
            ),
            Line(QT_TRANSLATE_NOOP("Extract", "Gender"), p.gender.label),
            Line(QT_TRANSLATE_NOOP("Extract", "Protection level"), p.protection_level.label),
        ]
        if p.language:
            lines.append(Line(QT_TRANSLATE_NOOP("Extract", "Language"), p.language))
        if p.accompanying_child:
            lines.append(
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Accompanying child"),
                    QT_TRANSLATE_NOOP("Extract", "yes"),
                )
            )
        return lines

    def threats(self, case_id: int) -> list[Block]:
        out = []
        for t in assessments.threat_assessments(self.store, case_id):
            if not in_period(self.request, t.assessed_on):
                continue
            decision, ground = self.decide(f"threat:{t.id}")
            heading = f"{t.assessed_on.isoformat()} · {t.level.label}"
            if decision is Decision.WITHHOLD:
                out.append(self.withheld(heading, "threat", ground))
                continue
            status = Status.SHOWN if decision is Decision.INCLUDE else Status.MASKED
            shown = decision is Decision.INCLUDE
            lines = [
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Source"),
                    t.source_unit if shown else MASKED,
                    status,
                    ground,
                ),
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Summary"),
                    t.summary if shown else MASKED,
                    status,
                    ground,
                ),
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Measures"),
                    (t.measures or MASKED) if shown else MASKED,
                    status,
                    ground,
                ),
                Line(
                    QT_TRANSLATE_NOOP("Extract", "Next review"),
                    t.next_review_on.isoformat() if t.next_review_on else MASKED,
                ),
            ]
            out.append(Block(heading, tuple(lines)))
        return out

    def partners(self, case_id: int) -> list[Block]:
        """The case's external contacts: the name and how to reach them are a third party's
        details (sekretessprövning per partner); kind and role are shown as the heading."""
        out = []
        for cp in case_partners(self.store, case_id):
            decision, ground = self.decide(f"partner:{cp.partner.id}")
            heading = partner_label(cp)
            if decision is Decision.WITHHOLD:
                out.append(self.withheld(heading, "partner", ground))
                continue
            p, shown = cp.partner, decision is Decision.INCLUDE
            status = Status.SHOWN if shown else Status.MASKED
            fields = (
                (QT_TRANSLATE_NOOP("Extract", "Name"), p.name),
                (QT_TRANSLATE_NOOP("Extract", "Organisation"), p.organisation),
                (QT_TRANSLATE_NOOP("Extract", "Phone"), p.phone),
                (QT_TRANSLATE_NOOP("Extract", "E-mail"), p.email),
            )
            lines = [
                Line(label, value if shown else MASKED, status, None if shown else ground)
                for label, value in fields
                if value
            ]
            out.append(Block(heading, tuple(lines)))
        return out

    def placements(self, case_id: int) -> list[Block]:
        out = []
        for pl in placements.placements(self.store, case_id):
            if not in_period(self.request, pl.moved_in_on, pl.moved_out_on or dt.date.max):
                continue
            decision, ground = self.decide(f"placement:{pl.id}")
            moved = pl.moved_in_on.isoformat() + (
                f" – {pl.moved_out_on.isoformat()}" if pl.moved_out_on else ""
            )
            if decision is Decision.WITHHOLD:
                out.append(self.withheld(moved, "placement", ground))
                continue
            if decision is Decision.INCLUDE:
                address = (
                    self.reveal(case_id, RevealField.ADDRESS, placement_id=pl.id)
                    if pl.has_address
                    else MASKED
                )
                lines = [
                    Line(QT_TRANSLATE_NOOP("Extract", "Municipality"), pl.municipality),
                    Line(QT_TRANSLATE_NOOP("Extract", "Address"), address),
                ]
            else:
                lines = [
                    Line(
                        QT_TRANSLATE_NOOP("Extract", "Municipality"), MASKED, Status.MASKED, ground
                    ),
                    Line(QT_TRANSLATE_NOOP("Extract", "Address"), MASKED, Status.MASKED, ground),
                ]
            out.append(Block(moved, tuple(lines)))
        return out

    def journal(self, case_id: int) -> list[Block]:
        out = []
        for thread in journal_in_period(self.store, self.request, case_id):
            e = thread.current
            decision, ground = self.decide(f"journal:{e.original_id}")
            heading = journal_heading(e)
            if decision is Decision.WITHHOLD:
                out.append(self.withheld(heading, "journal", ground))
            elif decision is Decision.MASK:
                out.append(Block(heading, body=MASKED, status=Status.MASKED, ground=ground))
            else:
                out.append(
                    Block(
                        heading, tuple(_journal_lines(thread.current, thread.earlier)), body=e.text
                    )
                )
        return out

    def build(self) -> Extract:
        makers: dict[str, Callable[[int], list[Block]]] = {
            "case": self.case,
            "persons": self.persons,
            "consents": lambda c: plain.consents(self.store, self.request, c),
            "agreements": lambda c: plain.agreements(self.store, self.request, c),
            "threats": self.threats,
            "network": lambda c: plain.network(self.store, self.request, c),
            "interventions": lambda c: plain.interventions(self.store, self.request, c),
            "partners": self.partners,
            "placements": self.placements,
            "journal": self.journal,
            "documents": lambda c: plain.documents(self.store, self.request, c),
            "follow_ups": lambda c: plain.follow_ups(self.store, self.request, c),
        }
        wanted = [code for code in SECTIONS if code in self.request.sections]
        cases = []
        with self.store.transaction():  # one consistent reading; reveals audited inside
            for case_id in self.request.case_ids:
                sections = tuple(
                    Section(code, tuple(makers[code](int(case_id)))) for code in wanted
                )
                cases.append(CaseExtract(int(case_id), case_number(self.store, case_id), sections))
        r = self.request
        return Extract(
            kind=r.kind,
            recipient=v.required_text("recipient", r.recipient, limit=200),
            reason=v.required_text("reason", r.reason, limit=500),
            actor=self.store.actor,
            created_at=utc_now(),
            start=r.start,
            end=r.end,
            sections=tuple(wanted),
            cases=tuple(cases),
            decisions=self.counts,
            grounds=tuple(self.cited),
        )


def _journal_lines(current: JournalEntry, earlier: Iterable[JournalEntry]) -> list[Line]:
    lines = [
        Line(
            QT_TRANSLATE_NOOP("Extract", "Written"),
            current.written_at[:16].replace("T", " "),
        )
    ]
    if current.is_erroneous:
        lines.append(
            Line(
                QT_TRANSLATE_NOOP("Extract", "Marked erroneous"),
                f"{(current.erroneous_at or '')[:10]} {current.erroneous_reason or ''}".strip(),
            )
        )
    if current.correction_reason:
        lines.append(
            Line(
                QT_TRANSLATE_NOOP("Extract", "Corrected"),
                f"{current.written_at[:10]} {current.correction_reason}",
            )
        )
    for old in earlier:
        lines.append(
            Line(
                QT_TRANSLATE_NOOP("Extract", "Earlier wording"),
                f"{old.written_at[:10]} {old.author}: {old.text}",
            )
        )
    return lines


def build_extract(store: StoreLike, request: ExtractRequest) -> Extract:
    """The extract's content (see the module docstring); reveals are audited."""
    check_request(request)
    return _Builder(store, request).build()


__all__ = ["build_extract", "check_request", "resolve_choices", "review_items"]
