"""Convergence of shared cases: three real stores make random changes and exchange their
operations in random order, duplicated, partly lost and resent (docs/sync.md §3).

After a full exchange every store's canonical JSON of the case is byte for byte the same,
no journal entry or document anyone wrote is missing, and every two edits of one register
made without either seeing the other are a conflict on every store. A batch that cannot be
ordered (its earlier operations missing) is refused and changes nothing.

Short budget in ``make test``; ``UTVAG_RELIABILITY=long`` runs many more examples.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)

from storage.casefile import cases, consents, documents, followups, journal, persons, placements
from storage.caseplan import decisions, needs, sip
from storage.errors import UtvagError
from storage.records.knowledge import NeedDomain
from storage.registers import provisions
from storage.team import shares
from storage.team.canonical import canonical_bytes, canonical_case
from storage.team.errors import OutOfOrderError
from storage.team.merge import apply_ops
from storage.vault.store import Store
from tests.case_fixtures import days, store_template
from tests.reliability.support import budget
from tests.team_support import (
    Team,
    all_ops,
    blobs_of,
    case_id_of,
    log_json,
    make_team,
    parse_log,
    team_case,
)

__all__ = ["store_template"]

STORE = st.integers(0, 2)
EXAMPLES = budget(25, 300)
STEPS = budget(30, 80)
ALL_LOW = {d.value: "low" for d in NeedDomain}
STATUSES = ("preliminary_assessment", "joint_assessment", "investigation", "emergency_protection")


@pytest.fixture(scope="module")
def team(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    t = make_team(store_template, tmp_path_factory.mktemp("team"))
    yield t
    t.close()


def marker() -> str:
    return secrets.token_hex(16)


def _deliver(store: Store, data: bytes, blobs: dict[str, bytes]) -> bool:
    try:
        apply_ops(store, parse_log(data), origin=None, blobs=blobs)
    except OutOfOrderError:
        return False
    return True


CHECKED = {"conflicts": 0, "conditions": 0, "ratings": 0, "decisions": 0, "sip": 0}


def _last_op(store: Store, case_uid: str) -> tuple[str, str]:
    row = store.conn.execute(
        "SELECT record_uid, op_id FROM team_ops WHERE case_uid = ? AND origin IS NULL "
        "ORDER BY seq DESC LIMIT 1",
        (case_uid,),
    ).fetchone()
    return str(row[0]), str(row[1])


def _relatives(store: Store, case_id: int) -> list[int]:
    return [p.id for p in persons.persons(store, case_id) if p.role.value == "relative"]


def test_three_stores_converge(team: Team) -> None:
    stores = team.stores

    class Exchange(RuleBasedStateMachine):
        @initialize()
        def share(self) -> None:
            a = stores[0]
            case_id = team_case(a)
            with a.transaction():
                self.uid = shares.start_sharing(a, case_id)
            for other in stores[1:]:
                with other.transaction():
                    shares.join_case(other, self.uid, "co", None, None, True)
                assert _deliver(other, log_json(a, self.uid), blobs_of(a))
            self.mail: list[tuple[int, bytes, dict[str, bytes]]] = []
            self.journal_texts: set[str] = set()
            self.document_titles: set[str] = set()
            self.conditions: set[str] = set()
            self.rating_notes: set[str] = set()
            self.decision_subjects: set[str] = set()
            self.sip_actions: set[str] = set()
            #: (record, register, op id on one store, op id on the other)
            self.concurrent: list[tuple[str, str, str, str]] = []

        def case(self, i: int) -> int:
            found = case_id_of(stores[i], self.uid)
            assert found is not None
            return found

        @rule(i=STORE, field=st.sampled_from(["stay_municipality", "referral_source"]))
        def edit_case(self, i: int, field: str) -> None:
            cases.update_case(stores[i], self.case(i), **{field: f"Ort {marker()}"})

        @rule(
            field=st.sampled_from(["language", "birth_year"]),
            pair=st.sampled_from([(0, 1), (1, 2), (0, 2)]),
        )
        def concurrent_edit(self, field: str, pair: tuple[int, int]) -> None:
            """Two colleagues change one field of the principal without syncing between."""
            mark = marker()
            made = []
            for n, i in enumerate(pair):
                store = stores[i]
                principal = persons.principal_id(store, self.case(i))
                assert principal is not None
                value: Any = f"språk {mark} {n}" if field == "language" else 1980 + n
                persons.update_person(store, principal, **{field: value})
                made.append(_last_op(store, self.uid))
            self.concurrent.append((made[0][0], field, made[0][1], made[1][1]))

        @rule(i=STORE, status=st.sampled_from(STATUSES))
        def status(self, i: int, status: str) -> None:
            try:
                cases.set_status(stores[i], self.case(i), status)
            except UtvagError:
                pass  # not allowed from the current status: nothing changed

        @rule(i=STORE)
        def add_entry(self, i: int) -> None:
            text = f"Anteckning {marker()}"
            journal.add_journal_entry(stores[i], self.case(i), text)
            self.journal_texts.add(text)

        @rule(i=STORE, pick=st.integers(0, 50))
        def correct_entry(self, i: int, pick: int) -> None:
            threads = [
                t for t in journal.journal(stores[i], self.case(i)) if not t.current.is_erroneous
            ]
            if threads:
                text = f"Rättad {marker()}"
                try:
                    journal.correct_journal_entry(
                        stores[i], threads[pick % len(threads)].current.id, text, "fel datum"
                    )
                except UtvagError:
                    return  # two concurrent versions: the other one is the latest here
                self.journal_texts.add(text)

        @rule(i=STORE, pick=st.integers(0, 50))
        def mark_erroneous(self, i: int, pick: int) -> None:
            threads = [
                t for t in journal.journal(stores[i], self.case(i)) if not t.current.is_erroneous
            ]
            if threads:
                try:
                    journal.mark_journal_erroneous(
                        stores[i], threads[pick % len(threads)].current.id, "fel ärende"
                    )
                except UtvagError:
                    pass

        @rule(i=STORE)
        def add_relative(self, i: int) -> None:
            persons.add_relative(
                stores[i], self.case(i), name=f"Närstående {marker()}", relation="bror"
            )

        @rule(i=STORE, pick=st.integers(0, 50))
        def edit_relative(self, i: int, pick: int) -> None:
            found = _relatives(stores[i], self.case(i))
            if found:
                persons.update_person(
                    stores[i], found[pick % len(found)], relation=f"kusin {marker()}"
                )

        @rule(i=STORE, pick=st.integers(0, 50))
        def remove_relative(self, i: int, pick: int) -> None:
            found = _relatives(stores[i], self.case(i))
            if found:
                persons.remove_relative(stores[i], found[pick % len(found)])

        # -- the rest of a case file (schema step 12) --------------------------------------

        @rule(i=STORE)
        def set_address(self, i: int) -> None:
            """A protected address: a new placement's, or a change of the first one's."""
            store, street = stores[i], f"Skyddad väg {marker()}"
            found = placements.placements(store, self.case(i))
            if not found:
                placements.add_placement(
                    store,
                    self.case(i),
                    municipality="Lund",
                    moved_in_on=days(-30),
                    street=street,
                    city="Lund",
                )
            else:
                placements.set_placement_address(store, found[0].id, street=street, city="Eslöv")

        @rule(i=STORE)
        def add_condition(self, i: int) -> None:
            store, text = stores[i], f"Villkor {marker()}"
            found = consents.agreements(store, self.case(i))
            if not found:
                consents.add_agreement(store, self.case(i), signed_on=days(-20), conditions=[text])
            else:
                consents.add_condition(store, found[0].id, text)
            self.conditions.add(text)

        @rule(i=STORE, level=st.sampled_from(["none", "moderate", "acute"]))
        def rate_needs(self, i: int, level: str) -> None:
            note = f"Bedömning {marker()}"
            needs.add_needs_assessment(
                stores[i],
                self.case(i),
                assessed_on=days(-3),
                occasion="reassessment",
                ratings={**ALL_LOW, "housing": (level, note)},
            )
            self.rating_notes.add(note)

        @rule(i=STORE, pick=st.integers(0, 50))
        def decide(self, i: int, pick: int) -> None:
            """A decision, or a correction (a new version) of one."""
            store, subject = stores[i], f"Beslut {marker()}"
            threads = decisions.decisions(store, self.case(i))
            if not threads or pick % 3 == 0:
                provision = next(
                    p.id for p in provisions.provisions(store) if p.code == "sol-2025-bistand"
                )
                decisions.record_decision(
                    store,
                    self.case(i),
                    provision_id=provision,
                    outcome="granted",
                    subject=subject,
                    delegation="4.2 (fiktiv)",
                    decided_on=days(-2),
                )
            else:
                latest = threads[pick % len(threads)].current.id
                try:
                    decisions.correct_decision(store, latest, "Rättelse", subject=subject)
                except UtvagError:
                    return  # two concurrent versions: the other one is the latest here
            self.decision_subjects.add(subject)

        @rule(i=STORE)
        def add_sip_action(self, i: int) -> None:
            store, action = stores[i], f"Åtgärd {marker()}"
            found = sip.sips(store, self.case(i))
            if not found:
                sip.add_sip(
                    store,
                    self.case(i),
                    held_on=days(-5),
                    consent_on=days(-6),
                    lead="municipality",
                    participants=["Socialtjänsten"],
                )
                found = sip.sips(store, self.case(i))
            sip.add_sip_action(store, found[0].id, action=action, responsible="Socialtjänsten")
            self.sip_actions.add(action)

        @rule(i=STORE, pick=st.integers(0, 50))
        def reminder(self, i: int, pick: int) -> None:
            store = stores[i]
            open_ = [
                int(r[0])
                for r in store.conn.execute(
                    "SELECT id FROM reminders WHERE case_id = ? AND done_on IS NULL ORDER BY id",
                    (self.case(i),),
                )
            ]
            if open_ and pick % 2:
                followups.complete_reminder(store, open_[pick % len(open_)])
            else:
                followups.add_reminder(
                    store, self.case(i), due_on=days(7), text=f"Påminnelse {marker()}"
                )

        @rule(i=STORE)
        def add_document(self, i: int) -> None:
            title = f"Handling {marker()}"
            documents.add_document(
                stores[i],
                self.case(i),
                title=title,
                filename="plan.txt",
                content=f"Plan {marker()}\n".encode(),
            )
            self.document_titles.add(title)

        @rule(i=STORE, j=STORE, start=st.integers(0, 30))
        def send(self, i: int, j: int, start: int) -> None:
            """i writes j a batch: its log from ``start`` (0 = everything it has)."""
            if i != j:
                self.mail.append((j, log_json(stores[i], self.uid, start), blobs_of(stores[i])))

        @rule(pick=st.integers(0, 1000), keep=st.booleans())
        def deliver(self, pick: int, keep: bool) -> None:
            """Deliver a batch in any order; kept in the mailbox it may come again."""
            if not self.mail:
                return
            j, data, blobs = self.mail[pick % len(self.mail)]
            if not keep:
                self.mail.remove((j, data, blobs))
            before = canonical_bytes(stores[j], self.uid)
            if not _deliver(stores[j], data, blobs):
                assert canonical_bytes(stores[j], self.uid) == before

        @rule(pick=st.integers(0, 1000))
        def lose(self, pick: int) -> None:
            if self.mail:
                self.mail.pop(pick % len(self.mail))

        @invariant()
        def logs_only_grow(self) -> None:
            """No store ever forgets an operation it had (refusals change nothing)."""
            if not hasattr(self, "uid"):
                return
            counts = [len(json.loads(log_json(s, self.uid))) for s in stores]
            previous = getattr(self, "counts", [0, 0, 0])
            assert all(n >= p for n, p in zip(counts, previous, strict=True))
            self.counts = counts

        def teardown(self) -> None:
            if not hasattr(self, "uid"):
                return
            for _round in range(2):  # a full exchange: everyone sends everything to everyone
                for i in range(3):
                    for j in range(3):
                        if i != j:
                            assert _deliver(
                                stores[j], log_json(stores[i], self.uid), blobs_of(stores[i])
                            )
            states = [canonical_bytes(s, self.uid) for s in stores]
            assert states[0] == states[1] == states[2]
            state = canonical_case(stores[0], self.uid)
            for s in stores:
                texts = {
                    v.text
                    for t in journal.journal(s, self.case(stores.index(s)))
                    for v in (*t.earlier, t.current)
                }
                assert self.journal_texts <= texts
                case_id = self.case(stores.index(s))
                titles = {d.title for d in documents.documents(s, case_id)}
                assert self.document_titles <= titles
                kept = {k.text for a in consents.agreements(s, case_id) for k in a.conditions}
                assert self.conditions <= kept
                notes = {r.note for a in needs.needs_assessments(s, case_id) for r in a.ratings}
                assert self.rating_notes <= notes
                subjects = {
                    v.subject
                    for t in decisions.decisions(s, case_id)
                    for v in (*t.earlier, t.current)
                }
                assert self.decision_subjects <= subjects
                actions = {x.action for p in sip.sips(s, case_id) for x in p.actions}
                assert self.sip_actions <= actions
            for key, made in (
                ("conditions", self.conditions),
                ("ratings", self.rating_notes),
                ("decisions", self.decision_subjects),
                ("sip", self.sip_actions),
            ):
                CHECKED[key] += bool(made)
            ops = all_ops(stores, self.uid)
            seen = {b for op in ops.values() for bs in op["bases"].values() for b in bs}
            for record, register, first, second in self.concurrent:
                if {first, second} & seen:
                    continue  # a later edit saw one of them: no longer concurrent heads
                conflict = [
                    c
                    for c in state["conflicts"]
                    if c["record"] == record and c["register"] == register
                ]
                assert conflict, (record, register)
                clocks = {v["clock"] for v in conflict[0]["versions"]}
                assert {ops[first]["clock"], ops[second]["clock"]} <= clocks
                CHECKED["conflicts"] += 1

    Exchange.TestCase.settings = settings(
        max_examples=EXAMPLES,
        stateful_step_count=STEPS,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    run_state_machine_as_test(Exchange, settings=Exchange.TestCase.settings)
    assert CHECKED["conflicts"] > 0  # the run did meet concurrent edits left as conflicts
    assert min(CHECKED.values()) > 0, CHECKED  # and changes to the rest of a case file
