"""One fictional demo case, written into a :class:`storage.demo.build.Builder`."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from storage.casefile.documents import (
    PDF,
    TEXT,
)
from storage.demo import text as T
from storage.demo.builder import Builder
from storage.records.enums import EntryType

OUTCOMES = tuple("completed completed completed discontinued_by_person conditions_broken".split())
OUTCOMES += ("not_applicable",)
LEVELS = ("none", "confidentiality_marking", "protected_registration", "fictitious_identity")
LEVEL_WEIGHTS = (55, 25, 15, 5)
OPEN_STATUSES = tuple(
    "referred preliminary_assessment joint_assessment investigation decided "
    "emergency_protection implementation follow_up".split()
)
OPEN_WEIGHTS = (6, 6, 4, 8, 4, 5, 20, 10)
_INSATS = (
    "protected_housing:8 emergency_housing:5 counselling:14 addiction_treatment:6 psychiatry:7 "
    "financial_aid:10 occupation:6 debt_restructuring:4 tattoo_removal:2 trustee:2 "
    "contact_person:6 relocation_support:5 drug_testing:6 other:2"
)
INSATS_WEIGHTS = {k: int(w) for k, w in (item.split(":") for item in _INSATS.split())}


def _dates(b: Builder) -> tuple[dt.date, str, str | None, dt.date | None]:
    """opened_on, status, outcome, closed_on."""
    r, today = b.rng, b.today
    opened = today - dt.timedelta(days=7 + int(r.random() ** 1.6 * 4300))
    age = (today - opened).days
    closed_share = 0.85 if age > 730 else 0.25 if age > 180 else 0.05
    if r.random() < closed_share:
        closed = min(today, opened + dt.timedelta(days=r.randint(30, max(31, min(age, 900)))))
        if r.random() < 0.12:
            return opened, "handed_over", None, closed
        return opened, "closed", r.choice(OUTCOMES), closed
    return opened, r.choices(OPEN_STATUSES, OPEN_WEIGHTS)[0], None, None


def add_demo_case(b: Builder) -> None:
    r = b.rng
    opened, status, outcome, closed = _dates(b)
    end = closed or b.today
    now = f"{opened.isoformat()}T08:00:00Z"
    case_type = r.choices(("defector", "relative", "young_at_risk"), (60, 25, 15))[0]
    worker = r.choice(T.CASEWORKERS)
    home = r.choice(T.MUNICIPALITIES)
    case_id = b.new_id("cases")
    exempt = r.random() < 0.02
    b.add(
        "cases",
        case_id,
        b.case_number(opened.year),
        case_type,
        status,
        outcome,
        home,
        r.choice(T.MUNICIPALITIES) if r.random() < 0.4 else None,
        worker,
        r.choice(T.REFERRAL_SOURCES),
        opened.isoformat(),
        closed.isoformat() if closed else None,
        int(exempt),
        "Begärt av IVO för tillsynsärende (demo)." if exempt else None,
        1,
        now,
        f"{end.isoformat()}T17:00:00Z",
    )
    # persons
    young = case_type == "young_at_risk"
    born = opened - dt.timedelta(
        days=r.randint(14 * 365, 19 * 365) if young else r.randint(19 * 365, 45 * 365)
    )
    level = r.choices(LEVELS, LEVEL_WEIGHTS)[0]
    principal = b.person(case_id, "principal", born, level, None, now)
    for _ in range(r.choice((0, 0, 1, 1, 2, 3)) + (1 if case_type == "relative" else 0)):
        relation = r.choice(T.RELATIONS)
        rel_born = born + dt.timedelta(days=r.randint(-9000, 9000))
        rel_born = min(rel_born, opened - dt.timedelta(days=400))
        b.person(
            case_id, "relative", rel_born, r.choices(LEVELS[:3], (60, 25, 15))[0], relation, now
        )
    # consent, agreement, threat, network
    signed = b.day(opened, min(end, opened + dt.timedelta(days=60)))
    munis = sorted({home, r.choice(T.MUNICIPALITIES)})
    b.add(
        "consents",
        case_id,
        principal,
        json.dumps(
            ["Polisen", "Kriminalvården", "Socialtjänsten"][: r.randint(1, 3)], ensure_ascii=False
        ),
        json.dumps(munis, ensure_ascii=False),
        signed.isoformat(),
        (signed + dt.timedelta(days=365)).isoformat(),
        now,
    )
    if case_type != "relative" and status not in ("referred", "preliminary_assessment"):
        agreement = b.new_id("agreements")
        b.add(
            "agreements",
            agreement,
            case_id,
            signed.isoformat(),
            (signed + dt.timedelta(days=365)).isoformat(),
            "Överenskommelse om stöd (demo).",
            now,
        )
        for text in r.sample(T.CONDITIONS, r.randint(2, 5)):
            condition = b.new_id("conditions")
            b.add("conditions", condition, agreement, text, now)
            if r.random() < 0.08:
                b.add(
                    "condition_breaches",
                    condition,
                    b.day(signed, end).isoformat(),
                    r.choice(T.BREACHES),
                    "Samtal om konsekvenser.",
                    now,
                )
    for _ in range(r.choice((0, 1, 1, 2, 3))):
        assessed = b.day(opened, end)
        b.add(
            "threat_assessments",
            case_id,
            r.choice(T.POLICE_UNITS),
            assessed.isoformat(),
            r.choices(("low", "medium", "high", "very_high"), (30, 35, 25, 10))[0],
            r.choice(T.THREAT_SUMMARIES),
            r.choice(T.MEASURES),
            (assessed + dt.timedelta(days=r.choice((30, 60, 90, 180)))).isoformat(),
            now,
        )
    if case_type != "relative":
        for _ in range(r.choice((1, 1, 2))):
            gid, env = r.choice(b.groups)
            b.add(
                "network_links",
                case_id,
                principal,
                env,
                gid,
                r.choice(T.NETWORK_ROLES),
                b.day(opened, end).isoformat() if r.random() < 0.6 else None,
                now,
            )
    _interventions(b, case_id, opened, end, now)
    _placements(b, case_id, opened, end, status, now)
    _journal(b, case_id, opened, end, worker)
    _documents(b, case_id, opened, end, worker)
    if status == "closed" and outcome != "not_applicable":
        for kind, months in (("six_months", 6), ("twelve_months", 12)):
            due = closed + dt.timedelta(days=30 * months) if closed else None
            if due and due < b.today - dt.timedelta(days=20) and r.random() < 0.9:
                b.add(
                    "follow_ups",
                    case_id,
                    kind,
                    due.isoformat(),
                    "Uppföljning gjord per telefon; personen har bostad och sysselsättning.",
                    worker,
                    f"{due.isoformat()}T10:00:00Z",
                )
    if closed is None and r.random() < 0.1:
        b.add(
            "reminders",
            case_id,
            (b.today + dt.timedelta(days=r.randint(-5, 40))).isoformat(),
            "Ring tillbaka om boendet (demo).",
            worker,
            now,
        )


def _interventions(b: Builder, case_id: int, opened: dt.date, end: dt.date, now: str) -> None:
    r = b.rng
    for _ in range(r.randint(0, 5)):
        kind = r.choices(tuple(INSATS_WEIGHTS), tuple(INSATS_WEIGHTS.values()))[0]
        start = b.day(opened, end)
        stop = b.day(start, end) if r.random() < 0.6 else None
        provider_id, pkind = r.choice(b.providers)
        interval = None if pkind == "municipal" else r.choice((30, 60, 90))
        iid = b.new_id("interventions")
        b.add(
            "interventions",
            iid,
            case_id,
            kind,
            provider_id,
            start.isoformat(),
            stop.isoformat() if stop else None,
            r.randrange(0, 400_000, 500),
            r.choice(("municipal_budget", "state_grant", "state_grant", "other")),
            interval,
            None,
            now,
        )
        if interval:
            day = start + dt.timedelta(days=interval)
            while day < (stop or b.today):
                b.add(
                    "provider_controls",
                    iid,
                    day.isoformat(),
                    day.isoformat(),
                    "Handläggare (demo)",
                    "Kontrollbesök utan anmärkning.",
                    now,
                )
                day += dt.timedelta(days=interval)


def _placements(
    b: Builder, case_id: int, opened: dt.date, end: dt.date, status: str, now: str
) -> None:
    r = b.rng
    if status in ("referred", "preliminary_assessment", "joint_assessment"):
        return
    for _ in range(r.choice((0, 1, 1, 2))):
        moved_in = b.day(opened, end)
        pid = b.new_id("placements")
        b.add(
            "placements", pid, case_id, r.choice(T.MUNICIPALITIES), moved_in.isoformat(), None, now
        )
        b.add(
            "placement_addresses",
            pid,
            f"{r.choice(T.STREETS)} {r.randint(1, 60)}",
            f"999 {r.randint(10, 99)}",
            "Demostad",
            now,
        )


ENTRY_TYPES = tuple(EntryType.codes())


def _journal(b: Builder, case_id: int, opened: dt.date, end: dt.date, author: str) -> None:
    r = b.rng
    last = max(opened, min(end, b.today - dt.timedelta(days=1)))  # no entry later than now
    days = sorted(b.day(opened, last) for _ in range(r.randint(4, 36)))
    for day in days:
        entry = b.new_id("journal_entries")
        when = f"{day.isoformat()}T{r.randint(7, 16):02d}:{r.randint(0, 59):02d}:00Z"
        roll = r.random()
        wrong = roll < 0.003
        b.add(
            "journal_entries",
            entry,
            case_id,
            None,
            None,
            1,
            author,
            when,
            b.text(),
            None,
            author if wrong else None,
            when if wrong else None,
            "Anteckningen hör till ett annat ärende." if wrong else None,
            ENTRY_TYPES[entry * 7 % len(ENTRY_TYPES)],  # from the id: the random stream stays
            day.isoformat(),
        )
        if 0.003 <= roll < 0.013:
            fixed = b.new_id("journal_entries")
            b.add(
                "journal_entries",
                fixed,
                case_id,
                entry,
                entry,
                2,
                author,
                when,
                b.text(),
                "Felaktigt datum och ort i ursprunglig anteckning.",
                None,
                None,
                None,
                ENTRY_TYPES[entry * 7 % len(ENTRY_TYPES)],
                day.isoformat(),
            )


def _documents(b: Builder, case_id: int, opened: dt.date, end: dt.date, author: str) -> None:
    r = b.rng
    for _ in range(r.choice((0, 0, 0, 1, 1, 2))):
        title = r.choice(T.DOCUMENT_TITLES)
        if r.random() < 0.3:
            content, media, name = demo_pdf(f"{title} (demo)"), PDF, "dokument.pdf"
        else:
            content = f"{title}\n\nFiktivt demodokument.\n{b.text()}\n".encode()
            media, name = TEXT, "dokument.txt"
        doc = b.new_id("documents")
        b.add(
            "documents",
            doc,
            case_id,
            title,
            name,
            media,
            len(content),
            hashlib.sha256(content).hexdigest(),
            author,
            f"{b.day(opened, end)}T12:00:00Z",
        )
        b.add("document_contents", doc, content)


def demo_pdf(text: str) -> bytes:
    """A minimal one-page PDF showing one ASCII line."""
    safe = text.encode("ascii", "replace").decode().replace("(", "[").replace(")", "]")
    stream = f"BT /F1 14 Tf 72 720 Td ({safe}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
