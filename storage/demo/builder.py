"""The demo builder: rows of fictional case files collected in memory and written in bulk.

:class:`Builder` keeps the next id of each table, a pool of sentences and the fictional group
and provider registers; :mod:`storage.demo.cases` adds one case's rows through it and
:mod:`storage.demo.build` flushes them in one transaction.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from storage.casefile.people import number_hash
from storage.casefile.repo import StoreLike
from storage.demo import text as T
from storage.records.personnummer import make_identity_number

COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": tuple(
        "id case_number case_type status outcome home_municipality stay_municipality "
        "caseworker referral_source opened_on closed_on gallring_exempt "
        "gallring_exempt_reason demo created_at updated_at".split()
    ),
    "persons": tuple(
        "id case_id role name id_number id_kind birth_year gender language "
        "protection_level relation accompanying_child created_at updated_at id_hash".split()
    ),
    "fictitious_identities": tuple("person_id name id_number valid_from created_at".split()),
    "consents": tuple(
        "case_id person_id agencies municipalities signed_on expires_on created_at".split()
    ),
    "agreements": tuple("id case_id signed_on valid_until summary created_at".split()),
    "conditions": tuple("id agreement_id text created_at".split()),
    "condition_breaches": tuple(
        "condition_id occurred_on description consequence created_at".split()
    ),
    "threat_assessments": tuple(
        "case_id source_unit assessed_on level summary measures next_review_on created_at".split()
    ),
    "network_links": tuple(
        "case_id person_id environment group_id role left_on created_at".split()
    ),
    "interventions": tuple(
        "id case_id type provider_id started_on ended_on cost_sek funding "
        "control_interval_days notes created_at".split()
    ),
    "provider_controls": tuple(
        "intervention_id planned_on done_on done_by notes created_at".split()
    ),
    "placements": tuple("id case_id municipality moved_in_on moved_out_on created_at".split()),
    "placement_addresses": tuple("placement_id street postal_code city created_at".split()),
    "journal_entries": tuple(
        "id case_id original_id corrects_id version author written_at text "
        "correction_reason erroneous_by erroneous_at erroneous_reason entry_type "
        "event_date".split()
    ),
    "documents": tuple(
        "id case_id title filename media_type size sha256 added_by added_at".split()
    ),
    "document_contents": tuple("document_id content".split()),
    "follow_ups": tuple("case_id kind done_on summary created_by created_at".split()),
    "reminders": tuple("case_id due_on text created_by created_at".split()),
}


SENTENCE_POOL = 3000


def _stamp(day: dt.date, rng: random.Random) -> str:
    return f"{day.isoformat()}T{rng.randint(7, 16):02d}:{rng.randint(0, 59):02d}:00Z"


class Builder:
    def __init__(self, store: StoreLike, seed: int, today: dt.date) -> None:
        self.store, self.rng, self.today = store, random.Random(seed), today
        self.rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in COLUMNS}
        self.next: dict[str, int] = {}
        for table in (
            "cases",
            "persons",
            "agreements",
            "conditions",
            "interventions",
            "placements",
            "journal_entries",
            "documents",
        ):
            row = store.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()  # noqa: S608
            self.next[table] = int(row[0]) + 1
        self.seq: dict[int, int] = {}
        self.sentences = [self._sentence() for _ in range(SENTENCE_POOL)]
        self.groups = self._register_groups()
        self.providers = self._register_providers()

    def new_id(self, table: str) -> int:
        value = self.next[table]
        self.next[table] = value + 1
        return value

    def add(self, table: str, *values: Any) -> None:
        self.rows[table].append(values)

    def _register_groups(self) -> list[tuple[int, str]]:
        from storage.registers.groups import (
            add_group,
            group_id_by_name,
            set_group_relation,
        )

        ids = {}
        for name, env, area in T.GROUPS:
            gid = group_id_by_name(self.store, name)
            ids[name] = (
                gid
                if gid is not None
                else add_group(
                    self.store, name=name, environment=env, area=area, notes="Fiktiv demogrupp."
                )
            )
        for a, b, rel in T.GROUP_RELATIONS:
            set_group_relation(self.store, ids[a], ids[b], rel)
        envs = {name: env for name, env, _ in T.GROUPS}
        return [(gid, envs[name]) for name, gid in ids.items()]

    def _register_providers(self) -> list[tuple[int, str]]:
        from storage.registers.providers import (
            add_provider,
            provider_id_by_name,
        )

        out = []
        for name, kind in T.PROVIDERS:
            pid = provider_id_by_name(self.store, name)
            out.append(
                (
                    pid
                    if pid is not None
                    else add_provider(self.store, name=name, kind=kind, municipality="Linköping"),
                    kind,
                )
            )
        return out

    def case_number(self, year: int) -> str:
        if year not in self.seq:
            row = self.store.conn.execute(
                "SELECT max(CAST(substr(case_number, 9) AS INTEGER)) FROM cases "
                "WHERE case_number LIKE ?",
                (f"UV-{year}-%",),
            ).fetchone()
            self.seq[year] = int(row[0] or 0)
        self.seq[year] += 1
        return f"UV-{year}-{self.seq[year]:04d}"

    def day(self, start: dt.date, end: dt.date) -> dt.date:
        span = max(0, (end - start).days)
        return start + dt.timedelta(days=self.rng.randint(0, span))

    def person(
        self, case_id: int, role: str, born: dt.date, level: str, relation: str | None, now: str
    ) -> int:
        r = self.rng
        gender = r.choice(("female", "male"))
        first = r.choice(T.FIRST_FEMALE if gender == "female" else T.FIRST_MALE)
        name = f"{first} {r.choice(T.SURNAMES)}"
        serial = 980 + r.randrange(0, 20, 2) + (1 if gender == "male" else 0)
        number = make_identity_number(born, serial) if r.random() < 0.9 else None
        pid = self.new_id("persons")
        child = int(relation == "barn" and r.random() < 0.7)
        self.add(
            "persons",
            pid,
            case_id,
            role,
            name,
            number,
            "personnummer" if number else None,
            born.year,
            gender,
            r.choice(T.LANGUAGES),
            level,
            relation,
            child,
            now,
            now,
            None if number is None else number_hash(self.store, number),
        )
        if level == "fictitious_identity":
            alias = f"{r.choice(T.FIRST_FEMALE + T.FIRST_MALE)} {r.choice(T.SURNAMES)}"
            alias_born = born + dt.timedelta(days=r.randint(-400, 400))
            self.add(
                "fictitious_identities",
                pid,
                alias,
                make_identity_number(alias_born, 980 + r.randrange(0, 20)),
                None,
                now,
            )
        return pid

    def _sentence(self) -> str:
        r = self.rng
        who = r.choice(T.ROLES_IN_TEXT)
        return r.choice(T.JOURNAL_SENTENCES).format(
            name_role=who,
            Name_role=who[:1].upper() + who[1:],
            muni=r.choice(T.MUNICIPALITIES),
            topic=r.choice(T.TOPICS),
            agency=r.choice(T.AGENCIES),
            agency2=r.choice(T.AGENCIES),
            insats=r.choice(T.INSATS_IN_TEXT),
            provider=r.choice(T.PROVIDERS)[0],
            month=r.choice(T.MONTHS),
            region=r.choice(T.REGIONS),
        )

    def text(self) -> str:
        """Journal-style text: one to four sentences from a pool drawn once per run."""
        pool, rand = self.sentences, self.rng.random
        return " ".join(pool[int(rand() * len(pool))] for _ in range(1 + int(rand() * 4)))

    def flush(self) -> None:
        for table, cols in COLUMNS.items():
            rows = self.rows[table]
            if rows:
                sql = (
                    f"INSERT INTO {table} ({', '.join(cols)}) "  # noqa: S608 - constants
                    f"VALUES ({', '.join('?' for _ in cols)})"
                )
                self.store.conn.executemany(sql, rows)
            self.rows[table] = []
