"""Demo needs, care, SIP, decisions and methods for the cases one demo build added (all
fictional; written in bulk in the build's transaction, like the rest of the demo data).

For every case: a needs assessment at intake and, where time allows, a new one some months
later (levels mostly lower, some higher, so the chart shows change) and one at closing for a
closed case. For each of a case's first interventions a signed decision under the provision
in force on its date (socialtjänstlagen 2001:453 before 1 July 2025, 2025:400 after), some
partly granted, a few refused with reasons — about half of the refused ones appealed, with
the court's outcome once it has come; the interventions link to their decision and, by
type, to a method of the register (one local, clearly fictional demo method is added).
A case with a psychiatric or addiction need gets a care contact with its referral, and
about half of those a SIP with consent, participants, agreed actions and follow-up. A closed
or handed-over case gets its reason for ending, and each of its 6- and 12-month follow-ups
its result and what it evaluates (the domains rated high at intake, the interventions with
a method).
The same seed and ``today`` give the same rows.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from storage.casefile.repo import StoreLike
from storage.records.knowledge import AssessmentOccasion, NeedDomain, NeedLevel

DEMO_METHOD = (
    "demo-gruppsamtal",
    "Gruppsamtal för avhoppare (fiktiv demometod)",
    "Påhittad metod i demodata: samtal i grupp om livet efter den kriminella miljön.",
    "Vuxna avhoppare (fiktivt exempel)",
)
#: The method an intervention type names in the demo (codes of the shipped register).
TYPE_METHODS = {
    "counselling": ("mi", DEMO_METHOD[0]),
    "occupation": ("ips",),
    "addiction_treatment": ("relapse-prevention", "mi"),
    "contact_person": ("mentor",),
    "drug_testing": ("relapse-prevention",),
}
#: Levels at intake: weights for none, low, moderate, high, acute, per domain.
_INTAKE = {
    NeedDomain.HOUSING: (10, 15, 25, 35, 15),
    NeedDomain.FINANCES: (5, 15, 30, 40, 10),
    NeedDomain.OCCUPATION: (10, 20, 30, 35, 5),
    NeedDomain.EDUCATION: (25, 25, 30, 20, 0),
    NeedDomain.SUBSTANCE_USE: (35, 20, 20, 20, 5),
    NeedDomain.MENTAL_HEALTH: (25, 20, 25, 25, 5),
    NeedDomain.PHYSICAL_HEALTH: (50, 30, 15, 5, 0),
    NeedDomain.FAMILY: (20, 25, 30, 20, 5),
    NeedDomain.CRIMINALITY: (0, 10, 25, 45, 20),
    NeedDomain.SAFETY: (0, 10, 25, 40, 25),
}
NOTES = {
    NeedDomain.HOUSING: ("Bor tillfälligt hos en bekant (fiktivt).", "Skyddat boende ordnat."),
    NeedDomain.FINANCES: ("Skulder hos Kronofogden (fiktivt).", "Budget- och skuldrådgivning."),
    NeedDomain.OCCUPATION: ("Saknar sysselsättning.", "Praktikplats diskuteras."),
    NeedDomain.SUBSTANCE_USE: ("Uppger cannabisbruk.", "Drogfri enligt prover."),
    NeedDomain.MENTAL_HEALTH: ("Sömnproblem och oro.", "Väntar på bedömning i psykiatrin."),
    NeedDomain.CRIMINALITY: ("Kontakter kvar i nätverket.", "Har brutit med nätverket."),
    NeedDomain.SAFETY: ("Hot från tidigare gruppering.", "Hotbilden bedöms ha minskat."),
}
CARE_UNITS = {
    "psychiatry": ("Psykiatrisk mottagning Norr (fiktiv)", "Allmänpsykiatrin Söder (fiktiv)"),
    "addiction_care": ("Beroendemottagningen (fiktiv)", "Mini-Maria Demostad (fiktiv)"),
}
ANSWERS = (
    "Antagen, första besök bokat.",
    "Bedömningssamtal erbjudet.",
    "Remissen avvisad: hänvisad till vårdcentral.",
)
SIP_PARTICIPANTS = (
    "Personen själv",
    "Handläggare, avhopparverksamheten (demo)",
    "Kontaktperson, psykiatrin (fiktiv)",
    "Behandlare, beroendevården (fiktiv)",
    "Arbetsförmedlingen, handläggare (fiktiv)",
)
SIP_ACTIONS = (
    ("Boka läkarbesök för bedömning av sömn och oro.", "Regionen, psykiatrin (fiktiv)"),
    ("Ansöka om skuldsanering tillsammans med budgetrådgivare.", "Kommunen, socialtjänsten"),
    ("Ordna sysselsättning tre dagar i veckan.", "Arbetsförmedlingen (fiktiv)"),
    ("Regelbundna samtal om återfallsprevention.", "Beroendevården (fiktiv)"),
    ("Följa upp hotbilden med polisen.", "Kommunen, avhopparverksamheten"),
)
SUBJECTS = {
    "protected_housing": "Bistånd i form av skyddat boende",
    "emergency_housing": "Bistånd i form av akut boende",
    "counselling": "Bistånd i form av stödsamtal",
    "addiction_treatment": "Bistånd i form av behandling mot missbruk",
    "psychiatry": "Bistånd i form av samordning med psykiatrin",
    "financial_aid": "Ekonomiskt bistånd till livsföring",
    "occupation": "Bistånd i form av sysselsättning",
    "debt_restructuring": "Bistånd i form av stöd vid skuldsanering",
    "tattoo_removal": "Bistånd till borttagning av tatuering",
    "trustee": "Bistånd i form av god man",
    "contact_person": "Bistånd i form av kontaktperson",
    "relocation_support": "Bistånd till flytt till annan ort",
    "drug_testing": "Bistånd i form av drogtester",
    "other": "Bistånd i form av annan insats",
}
REFUSED = (
    ("Bistånd till körkortsutbildning", "Behovet bedöms kunna tillgodoses på annat sätt."),
    ("Bistånd till hyresskuld", "Skulden uppkom före kontakten och behovet är tillgodosett."),
)
NEW_LAW = dt.date(2025, 7, 1)
#: Reasons for ending by outcome (a handed-over case has moved).
END_REASONS = {
    "completed": ("plan_completed", "plan_completed", "no_longer_needed"),
    "discontinued_by_person": ("person_ended",),
    "conditions_broken": ("conditions_broken", "returned_to_crime"),
    "not_applicable": ("other",),
}
#: Follow-up results that agree with the demo follow-up's text (housing and occupation).
RESULTS = (
    ("stable", "own_tenancy", "employed", "none"),
    ("stable", "sublet", "studying", "none"),
    ("partly_stable", "with_family", "labour_market_programme", "suspected"),
    ("stable", "own_tenancy", "labour_market_programme", "none"),
)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day is not None else None


class _Plans:
    def __init__(self, store: StoreLike, seed: int, today: dt.date) -> None:
        self.store, self.today = store, today
        self.rng = random.Random(seed * 7919 + 16)
        self.provisions = self._provisions()
        self.methods = self._methods()

    def _provisions(self) -> dict[str, tuple[int, str]]:
        out = {}
        for pid, code, law, ref, title in self.store.conn.execute(
            "SELECT id, code, law, reference, title FROM provisions WHERE active = 1"
        ):
            out[code] = (int(pid), f"{law}{' ' + ref if ref else ''} – {title}")
        return out

    def _methods(self) -> dict[str, int]:
        conn = self.store.conn
        if (
            conn.execute("SELECT 1 FROM methods WHERE code = ?", (DEMO_METHOD[0],)).fetchone()
            is None
        ):
            now = f"{self.today.isoformat()}T08:00:00Z"
            conn.execute(
                "INSERT INTO methods (code, name, name_key, description, target_group, "
                "evidence_level, evidence_source, origin, created_by, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, 'not_assessed', NULL, 'local', 'Demo', ?, ?)",
                (
                    *DEMO_METHOD[:2],
                    " ".join(DEMO_METHOD[1].split()).casefold(),
                    *DEMO_METHOD[2:],
                    now,
                    now,
                ),
            )
        return {str(c): int(i) for i, c in conn.execute("SELECT id, code FROM methods")}

    def _provision(self, day: dt.date) -> tuple[int, str] | None:
        """The provision on bistånd in force on ``day`` (the shipped register's codes)."""
        return self.provisions.get("sol-2025-bistand" if day >= NEW_LAW else "sol-2001-4-1")

    # ------------------------------------------------------------------ one case
    def case(self, row: Any) -> None:
        case_id, status, outcome, opened_s, closed_s, worker = row
        opened = dt.date.fromisoformat(opened_s)
        closed = dt.date.fromisoformat(closed_s) if closed_s else None
        end = min(closed or self.today, self.today)
        levels = self._needs(case_id, opened, closed, end, worker)
        self._decisions(case_id, opened, end, worker)
        if levels:
            self._care(case_id, opened, closed, end, worker, levels)
        if closed is not None:
            self._ending(case_id, status, outcome, closed, worker, levels)

    def _assess(
        self,
        case_id: int,
        day: dt.date,
        occasion: AssessmentOccasion,
        scores: dict[NeedDomain, int],
        worker: str,
        with_notes: bool,
    ) -> None:
        review = None if occasion is AssessmentOccasion.CLOSING else day + dt.timedelta(days=182)
        stamp = f"{day.isoformat()}T10:00:00Z"
        cur = self.store.conn.execute(
            "INSERT INTO needs_assessments (case_id, assessed_on, occasion, assessed_by, "
            "next_review_on, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (case_id, day.isoformat(), occasion.value, worker, _iso(review), None, worker, stamp),
        )
        aid = int(cur.lastrowid or 0)
        levels = list(NeedLevel)
        rows = []
        for domain in NeedDomain:
            score = scores[domain]
            notes = NOTES.get(domain)
            note = None
            if with_notes and notes and score >= 2:
                note = notes[0] if occasion is AssessmentOccasion.INTAKE else notes[1]
            rows.append((aid, domain.value, levels[score].value, note))
        self.store.conn.executemany(
            "INSERT INTO need_ratings (assessment_id, domain, level, note) VALUES (?, ?, ?, ?)",
            rows,
        )

    def _needs(
        self, case_id: int, opened: dt.date, closed: dt.date | None, end: dt.date, worker: str
    ) -> dict[NeedDomain, int]:
        r = self.rng
        first = opened + dt.timedelta(days=r.randint(2, 14))
        if first > end:
            return {}
        scores = {d: r.choices(range(5), w)[0] for d, w in _INTAKE.items()}
        self._assess(case_id, first, AssessmentOccasion.INTAKE, scores, worker, True)
        latest = dict(scores)
        second = first + dt.timedelta(days=r.randint(90, 200))
        if second <= end and (closed is None or second < closed):
            latest = {
                d: max(0, min(4, s - r.choice((0, 1, 1, 2)) + (1 if r.random() < 0.08 else 0)))
                for d, s in scores.items()
            }
            self._assess(case_id, second, AssessmentOccasion.REASSESSMENT, latest, worker, True)
        if closed is not None and closed > second and closed <= self.today:
            final = {d: max(0, s - r.choice((0, 0, 1))) for d, s in latest.items()}
            self._assess(case_id, closed, AssessmentOccasion.CLOSING, final, worker, False)
        return scores

    def _decision(
        self,
        case_id: int,
        day: dt.date,
        end: dt.date,
        worker: str,
        kind: str | None,
        outcome: str,
        subject: str,
        reasons: str | None,
    ) -> int | None:
        found = self._provision(day)
        if found is None:
            return None
        notified = day + dt.timedelta(days=self.rng.randint(1, 5))
        cur = self.store.conn.execute(
            "INSERT INTO decisions (case_id, provision_id, provision_text, outcome, subject, "
            "intervention_type, reasons, decided_by, delegation, decided_on, notified_on, "
            "appeal_info, signed_by, signed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
            (
                case_id,
                found[0],
                found[1],
                outcome,
                subject,
                kind,
                reasons,
                worker,
                "Delegationsordningen punkt 3.2 (demo)",
                day.isoformat(),
                _iso(notified if notified <= end else None),
                worker,
                f"{day.isoformat()}T11:00:00Z",
            ),
        )
        return int(cur.lastrowid or 0)

    def _decisions(self, case_id: int, opened: dt.date, end: dt.date, worker: str) -> None:
        r = self.rng
        conn = self.store.conn
        items = conn.execute(
            "SELECT id, type, started_on FROM interventions WHERE case_id = ? "
            "ORDER BY started_on, id",
            (case_id,),
        ).fetchall()
        for iid, kind, started in items[:3]:
            start = dt.date.fromisoformat(started)
            day = max(opened, start - dt.timedelta(days=r.randint(0, 10)))
            if day > end:
                continue
            partly = r.random() < 0.15
            decision_id = self._decision(
                case_id,
                day,
                end,
                worker,
                kind,
                "partly_granted" if partly else "granted",
                SUBJECTS.get(kind, SUBJECTS["other"]),
                "Beviljas för sex månader i stället för tolv (fiktivt)." if partly else None,
            )
            codes = TYPE_METHODS.get(kind, ())
            method = self.methods.get(r.choice(codes)) if codes else None
            conn.execute(
                "UPDATE interventions SET method_id = ?, decision_id = ? WHERE id = ?",
                (method, decision_id, iid),
            )
        if r.random() < 0.3:
            day = opened + dt.timedelta(days=r.randint(15, 120))
            if day <= end:
                subject, reasons = r.choice(REFUSED)
                decision_id = self._decision(
                    case_id, day, end, worker, None, "refused", subject, reasons
                )
                if decision_id and r.random() < 0.5:
                    self._appeal(decision_id, day, end, worker)

    def _appeal(self, decision_id: int, decided: dt.date, end: dt.date, worker: str) -> None:
        r = self.rng
        lodged = decided + dt.timedelta(days=r.randint(7, 21))
        if lodged > end:
            return
        ruled = lodged + dt.timedelta(days=r.randint(40, 120))
        done = ruled <= end
        self.store.conn.execute(
            "INSERT INTO decision_appeals (decision_id, lodged_on, court, outcome, outcome_on, "
            "note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                decision_id,
                lodged.isoformat(),
                "Förvaltningsrätten i Demostad (fiktiv)",
                r.choice(("rejected", "rejected", "changed")) if done else None,
                _iso(ruled) if done else None,
                "Överklagandet kom in i rätt tid." if r.random() < 0.5 else None,
                worker,
                f"{lodged.isoformat()}T09:00:00Z",
            ),
        )

    def _care(
        self,
        case_id: int,
        opened: dt.date,
        closed: dt.date | None,
        end: dt.date,
        worker: str,
        scores: dict[NeedDomain, int],
    ) -> None:
        r = self.rng
        kinds = [
            kind
            for kind, domain in (
                ("psychiatry", NeedDomain.MENTAL_HEALTH),
                ("addiction_care", NeedDomain.SUBSTANCE_USE),
            )
            if scores[domain] >= 2 and r.random() < 0.7
        ]
        first_start = None
        for kind in kinds:
            start = opened + dt.timedelta(days=r.randint(10, 60))
            if start > end:
                continue
            first_start = first_start or start
            answered = start + dt.timedelta(days=r.randint(7, 30))
            has_answer = answered <= end and r.random() < 0.8
            stamp = f"{start.isoformat()}T09:00:00Z"
            self.store.conn.execute(
                "INSERT INTO care_contacts (case_id, kind, region, unit, contact_person, "
                "started_on, ended_on, referral_sent_on, referral_answered_on, referral_answer, "
                "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    kind,
                    "Region Demoland (fiktiv)",
                    r.choice(CARE_UNITS[kind]),
                    r.choice(("Sjuksköterska Eva (fiktiv)", "Kurator Jonas (fiktiv)", None)),
                    start.isoformat(),
                    _iso(closed) if closed and closed >= start else None,
                    start.isoformat(),
                    _iso(answered) if has_answer else None,
                    r.choice(ANSWERS) if has_answer else None,
                    None,
                    stamp,
                    stamp,
                ),
            )
        if first_start is not None and r.random() < 0.6:
            self._sip(case_id, first_start, closed, end, worker)

    def _sip(
        self, case_id: int, after: dt.date, closed: dt.date | None, end: dt.date, worker: str
    ) -> None:
        r = self.rng
        held = after + dt.timedelta(days=r.randint(10, 40))
        if held > end:
            return
        consent = held - dt.timedelta(days=r.randint(0, 5))
        follow = held + dt.timedelta(days=90)
        followed = None
        if follow <= end and r.random() < 0.5:
            followed, follow = follow, follow + dt.timedelta(days=90)
        ended = closed if closed is not None and closed >= held else None
        people = [SIP_PARTICIPANTS[0], SIP_PARTICIPANTS[1], *r.sample(SIP_PARTICIPANTS[2:], 2)]
        stamp = f"{held.isoformat()}T13:00:00Z"
        cur = self.store.conn.execute(
            "INSERT INTO sips (case_id, held_on, consent_on, lead, lead_name, participants, "
            "follow_up_on, followed_up_on, ended_on, notes, created_by, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                held.isoformat(),
                consent.isoformat(),
                r.choice(("municipality", "municipality", "region")),
                worker,
                json.dumps(people, ensure_ascii=False),
                None if ended else follow.isoformat(),
                _iso(followed),
                _iso(ended),
                "Personen deltog och godkände planen (fiktivt).",
                worker,
                stamp,
                stamp,
            ),
        )
        sip_id = int(cur.lastrowid or 0)
        for action, who in r.sample(SIP_ACTIONS, r.randint(2, 3)):
            due = held + dt.timedelta(days=r.randint(14, 60))
            done = due if due <= end and r.random() < 0.6 else None
            self.store.conn.execute(
                "INSERT INTO sip_actions (sip_id, action, responsible, due_on, done_on, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (sip_id, action, who, due.isoformat(), _iso(done), stamp),
            )

    def _ending(
        self,
        case_id: int,
        status: str,
        outcome: str | None,
        closed: dt.date,
        worker: str,
        levels: dict[NeedDomain, int],
    ) -> None:
        r = self.rng
        conn = self.store.conn
        reasons = (
            ("moved",) if status == "handed_over" else END_REASONS.get(outcome or "", ("other",))
        )
        conn.execute(
            "INSERT INTO case_endings (case_id, reason, note, recorded_by, recorded_at) "
            "VALUES (?, ?, NULL, ?, ?) ON CONFLICT (case_id) DO NOTHING",
            (case_id, r.choice(reasons), worker, f"{closed.isoformat()}T15:00:00Z"),
        )
        evaluated = [
            int(i)
            for (i,) in conn.execute(
                "SELECT id FROM interventions WHERE case_id = ? AND method_id IS NOT NULL "
                "ORDER BY id LIMIT 2",
                (case_id,),
            )
        ]
        high = [d.value for d, score in levels.items() if score >= 3]
        for follow_up_id, done_on in conn.execute(
            "SELECT f.id, f.done_on FROM follow_ups f LEFT JOIN follow_up_results x "
            "ON x.follow_up_id = f.id WHERE f.case_id = ? AND x.follow_up_id IS NULL",
            (case_id,),
        ).fetchall():
            conn.execute(
                "INSERT INTO follow_up_results (follow_up_id, status, housing, occupation, "
                "relapse, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (follow_up_id, *r.choice(RESULTS), f"{done_on}T10:00:00Z"),
            )
            conn.executemany(
                "INSERT INTO follow_up_interventions (follow_up_id, intervention_id) VALUES (?, ?)",
                [(follow_up_id, i) for i in evaluated],
            )
            conn.executemany(
                "INSERT INTO follow_up_needs (follow_up_id, domain) VALUES (?, ?)",
                [(follow_up_id, d) for d in high],
            )


def add_demo_plans(store: StoreLike, first_case: int, seed: int, today: dt.date) -> None:
    """Needs, care, SIP, decisions and methods for the cases with id >= ``first_case``."""
    plans = _Plans(store, seed, today)
    for row in store.conn.execute(
        "SELECT id, status, outcome, opened_on, closed_on, caseworker FROM cases "
        "WHERE id >= ? ORDER BY id",
        (int(first_case),),
    ).fetchall():
        plans.case(row)
