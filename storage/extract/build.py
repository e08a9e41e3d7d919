"""What goes into an extract, and the sekretessprövning of each protected or third-party item.

Public API (both faces, the GUI and ``utvag extract``, call these):

- ``review_items(store, request) -> list[ReviewItem]`` — every item of the chosen sections
  and period that needs a decision, with a label that reveals nothing and the safe default
  (``model.ITEM_KINDS``). Reads no protected field, writes nothing.
- ``resolve_choices(store, request) -> dict[str, Choice]`` — the decision for every item:
  the request's own, else the default; a mask or withholding always has an active ground.
  Raises a typed error (unknown item, decision or ground) before anything is read.
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
    consents,
    documents,
    followups,
    interventions,
    journal,
    persons,
    placements,
)
from storage.casefile.cases import get_case
from storage.casefile.protection import RevealField, reveal
from storage.casefile.repo import StoreLike, case_number, utc_now
from storage.casefile.summaries import case_summary
from storage.errors import QT_TRANSLATE_NOOP
from storage.extract import grounds as grounds_mod
from storage.extract.errors import (
    DecisionUnknownError,
    GroundRequiredError,
    ItemUnknownError,
    NoSectionError,
    SectionUnknownError,
)
from storage.extract.model import (
    ITEM_KINDS,
    SECTIONS,
    Block,
    CaseExtract,
    Choice,
    Decision,
    Extract,
    ExtractRequest,
    Line,
    ReviewItem,
    Section,
    Status,
)
from storage.records import validate as v
from storage.records.case import JournalEntry, Person
from storage.registers.groups import groups
from storage.registers.providers import providers

MASKED = "—"


def check_request(request: ExtractRequest) -> None:
    if not request.sections:
        raise NoSectionError(field="sections")
    for code in request.sections:
        if code not in SECTIONS:
            raise SectionUnknownError(
                field="sections", value=str(code)[:30], choices=", ".join(SECTIONS)
            )
    v.required_text("recipient", request.recipient, limit=200)
    v.required_text("reason", request.reason, limit=500)
    v.ordered("end", request.end, "start", request.start)


def _in_period(request: ExtractRequest, day: dt.date | None, until: dt.date | None = None) -> bool:
    """Whether something dated ``day`` (running until ``until``) falls in the period."""
    if day is None:
        return True
    last = until or day
    if request.start is not None and last < request.start:
        return False
    return request.end is None or day <= request.end


def _day(utc: str) -> dt.date:
    return dt.date.fromisoformat(utc[:10])


def _subjects(store: StoreLike, request: ExtractRequest, case_id: int) -> set[int]:
    if request.subject_person_ids:
        return set(request.subject_person_ids)
    found = persons.principal_id(store, case_id)
    return {found} if found is not None else set()


def _person_label(p: Person) -> str:
    born = f", {p.birth_year}" if p.birth_year else ""
    return f"{p.role.label}{f' ({p.relation})' if p.relation else ''}{born}"


def _journal_in_period(store: StoreLike, request: ExtractRequest, case_id: int) -> list[Any]:
    return [
        t
        for t in journal.journal(store, case_id)
        if _in_period(request, _day(t.current.written_at))
    ]


def _case_items(store: StoreLike, request: ExtractRequest, case_id: int) -> list[ReviewItem]:
    number = case_number(store, case_id)
    items: list[tuple[str, str]] = []  # (key, label)
    chosen = set(request.sections)
    case = get_case(store, case_id)
    if "case" in chosen:
        if case.referral_source:
            items.append(
                (f"referral_source:{case_id}", QT_TRANSLATE_NOOP("Extract", "Referred by"))
            )
        if case.stay_municipality:
            items.append(
                (f"placement:stay{case_id}", QT_TRANSLATE_NOOP("Extract", "Municipality of stay"))
            )
    if "persons" in chosen:
        subjects = _subjects(store, request, case_id)
        for p in persons.persons(store, case_id):
            kind = "subject_identity" if p.id in subjects else "third_party"
            items.append((f"{kind}:{p.id}", _person_label(p)))
            if p.has_fictitious_identity:
                items.append((f"new_identity:{p.id}", _person_label(p)))
    if "placements" in chosen:
        for pl in placements.placements(store, case_id):
            if _in_period(request, pl.moved_in_on, pl.moved_out_on or dt.date.max):
                items.append((f"placement:{pl.id}", pl.moved_in_on.isoformat()))
    if "threats" in chosen:
        for t in assessments.threat_assessments(store, case_id):
            if _in_period(request, t.assessed_on):
                items.append((f"threat:{t.id}", f"{t.assessed_on.isoformat()} · {t.level.label}"))
    if "journal" in chosen:
        for thread in _journal_in_period(store, request, case_id):
            e = thread.current
            items.append(
                (f"journal:{e.original_id}", f"{e.written_at[:16].replace('T', ' ')} · {e.author}")
            )
    out = []
    for key, label in items:
        kind = key.split(":", 1)[0]
        _, _, default, ground = ITEM_KINDS[kind]
        out.append(ReviewItem(key, kind, case_id, number, label, default, ground))
    return out


def review_items(store: StoreLike, request: ExtractRequest) -> list[ReviewItem]:
    check_request(request)
    out: list[ReviewItem] = []
    for case_id in request.case_ids:
        out += _case_items(store, request, int(case_id))
    return out


def resolve_choices(store: StoreLike, request: ExtractRequest) -> dict[str, Choice]:
    items = {i.key: i for i in review_items(store, request)}
    for key in request.choices:
        if key not in items:
            raise ItemUnknownError(field="choices", value=str(key)[:40])
    active = {g.label: g.id for g in grounds_mod.grounds(store)}
    resolved: dict[str, Choice] = {}
    for key, item in items.items():
        asked = request.choices.get(key)
        decision = asked.decision if asked is not None else item.default
        try:
            decision = Decision(decision)
        except ValueError:
            raise DecisionUnknownError(field=key, value=str(decision)[:20]) from None
        ground_id = asked.ground_id if asked is not None else None
        if decision is not Decision.INCLUDE:
            if ground_id is None:
                ground_id = active.get(item.default_ground or "")
            if ground_id is None:
                raise GroundRequiredError(field=key)
            grounds_mod.ground(store, ground_id)  # must exist and be active
        resolved[key] = Choice(decision, ground_id if decision is not Decision.INCLUDE else None)
    return resolved


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
        subjects = _subjects(self.store, self.request, case_id)
        for p in persons.persons(self.store, case_id):
            kind = "subject_identity" if p.id in subjects else "third_party"
            decision, ground = self.decide(f"{kind}:{p.id}")
            heading = _person_label(p)
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

    def consents(self, case_id: int) -> list[Block]:
        out = []
        for c in consents.consents(self.store, case_id):
            if not _in_period(self.request, c.signed_on):
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

    def agreements(self, case_id: int) -> list[Block]:
        out = []
        for a in consents.agreements(self.store, case_id):
            if not _in_period(self.request, a.signed_on):
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

    def threats(self, case_id: int) -> list[Block]:
        out = []
        for t in assessments.threat_assessments(self.store, case_id):
            if not _in_period(self.request, t.assessed_on):
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

    def network(self, case_id: int) -> list[Block]:
        names = {g.id: g.name for g in groups(self.store)}
        out = []
        for n in assessments.network_links(self.store, case_id):
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

    def interventions(self, case_id: int) -> list[Block]:
        names = {p.id: p.name for p in providers(self.store)}
        out = []
        for i in interventions.interventions(self.store, case_id):
            if not _in_period(self.request, i.started_on, i.ended_on or dt.date.max):
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

    def placements(self, case_id: int) -> list[Block]:
        out = []
        for pl in placements.placements(self.store, case_id):
            if not _in_period(self.request, pl.moved_in_on, pl.moved_out_on or dt.date.max):
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
        for thread in _journal_in_period(self.store, self.request, case_id):
            e = thread.current
            decision, ground = self.decide(f"journal:{e.original_id}")
            heading = f"{e.written_at[:16].replace('T', ' ')} · {e.author}"
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

    def documents(self, case_id: int) -> list[Block]:
        out = []
        for d in documents.documents(self.store, case_id):
            if not _in_period(self.request, _day(d.added_at)):
                continue
            lines = (
                Line(QT_TRANSLATE_NOOP("Extract", "File"), d.filename),
                Line(QT_TRANSLATE_NOOP("Extract", "Added"), f"{d.added_at[:10]} · {d.added_by}"),
            )
            out.append(Block(d.title, lines))
        return out

    def follow_ups(self, case_id: int) -> list[Block]:
        return [
            Block(f"{f.done_on.isoformat()} · {f.kind.label}", body=f.summary)
            for f in followups.follow_ups(self.store, case_id)
            if _in_period(self.request, f.done_on)
        ]

    def build(self) -> Extract:
        makers: dict[str, Callable[[int], list[Block]]] = {
            "case": self.case,
            "persons": self.persons,
            "consents": self.consents,
            "agreements": self.agreements,
            "threats": self.threats,
            "network": self.network,
            "interventions": self.interventions,
            "placements": self.placements,
            "journal": self.journal,
            "documents": self.documents,
            "follow_ups": self.follow_ups,
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
    lines = []
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
