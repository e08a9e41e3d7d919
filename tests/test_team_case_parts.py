"""The rest of a shared case kept in step (schema step 12, docs/sync.md §2): placements'
protected addresses, fictitious identities, agreements and conditions, network links,
reminders, partners, interventions' providers and methods, needs assessments with their
ratings, care contacts, SIPs and their actions, decisions with corrections and appeals,
follow-up links; three real stores exchanging real change bundles through a folder.

A share without the protected details never carries a protected address or fictitious
identity: checked on the decrypted content of the change bundle, with a random marker.
"""

from __future__ import annotations

import dataclasses
import json
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.commands.team import _conflict_row
from storage.casefile import (
    assessments,
    cases,
    consents,
    followups,
    interventions,
    persons,
    placements,
)
from storage.caseplan import care, decisions, needs, sip
from storage.caseplan.followup_links import set_follow_up_links
from storage.casework import followup_results
from storage.records.knowledge import NeedDomain
from storage.registers import groups, methods, partners, providers, provisions
from storage.statistics import grants
from storage.team.canonical import canonical_bytes, canonical_case
from storage.team.conflicts import case_conflicts, resolve
from storage.team.errors import OpsInvalidError
from storage.team.merge import apply_ops
from storage.vault.store import Store
from sync.bundle.manifest import TEAM_CHANGES_MEMBER
from sync.bundle.open import open_bundle
from sync.handover import records as handover_records
from sync.team import members
from sync.team.bundles import write_changes
from sync.team.folder import sync_folder
from tests.case_fixtures import days, store_template
from tests.team_support import Team, case_id_of, log_json, make_team, parse_log, team_case

__all__ = ["store_template"]
ALL_LOW = {d.value: "low" for d in NeedDomain}
PARTS = (
    "placement_addresses",
    "fictitious_identities",
    "agreements",
    "conditions",
    "condition_breaches",
    "network_links",
    "reminders",
    "case_partners",
    "needs_assessments",
    "need_ratings",
    "care_contacts",
    "sips",
    "sip_actions",
    "decisions",
    "decision_appeals",
    "follow_up_needs",
    "follow_up_interventions",
    "follow_up_results",
    "grant_confirmations",
    "handover_bases",
)


def marker() -> str:
    return secrets.token_hex(16)


@pytest.fixture(scope="module")
def team(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Team]:
    t = make_team(store_template, tmp_path_factory.mktemp("team"))
    yield t
    t.close()


def _rounds(team: Team, folder: Path, n: int = 3) -> None:
    for _ in range(n):
        for s in team.stores:
            report = sync_folder(s, folder)
            assert report.refused == []


def _count(store: Store, table: str, case_id: int) -> int:
    """Rows of one part of a case file (through the record it belongs to)."""
    by = {
        "placement_addresses": "placement_id IN (SELECT id FROM placements WHERE case_id = ?)",
        "fictitious_identities": "person_id IN (SELECT id FROM persons WHERE case_id = ?)",
        "conditions": "agreement_id IN (SELECT id FROM agreements WHERE case_id = ?)",
        "condition_breaches": "condition_id IN (SELECT k.id FROM conditions k JOIN agreements "
        "a ON a.id = k.agreement_id WHERE a.case_id = ?)",
        "need_ratings": "assessment_id IN (SELECT id FROM needs_assessments WHERE case_id = ?)",
        "sip_actions": "sip_id IN (SELECT id FROM sips WHERE case_id = ?)",
        "decision_appeals": "decision_id IN (SELECT id FROM decisions WHERE case_id = ?)",
        "follow_up_needs": "follow_up_id IN (SELECT id FROM follow_ups WHERE case_id = ?)",
        "follow_up_interventions": "follow_up_id IN (SELECT id FROM follow_ups WHERE case_id = ?)",
        "follow_up_results": "follow_up_id IN (SELECT id FROM follow_ups WHERE case_id = ?)",
    }
    where = by.get(table, "case_id = ?")
    return int(
        store.conn.execute(f"SELECT count(*) FROM {table} WHERE {where}", (case_id,)).fetchone()[0]  # noqa: S608
    )


def _build(store: Store, case_id: int, secret: str) -> dict[str, int]:
    """Every part of a case file, the protected ones carrying ``secret``."""
    principal = persons.principal_id(store, case_id)
    assert principal is not None
    persons.set_fictitious_identity(store, principal, name=f"Nils Nilsson {secret}")
    placement = placements.add_placement(
        store,
        case_id,
        municipality="Lund",
        moved_in_on=days(-60),
        street=f"Skyddad väg {secret}",
        city="Lund",
    )
    agreement = consents.add_agreement(
        store, case_id, signed_on=days(-50), conditions=["Inga kontakter med gruppen (fiktivt)"]
    )
    condition = consents.add_condition(store, agreement, "Drogfrihet (fiktivt)")
    consents.record_breach(
        store, condition, occurred_on=days(-10), description="Missat prov (fiktivt)"
    )
    group = assessments_group(store)
    assessments.add_network_link(
        store, case_id, environment="criminal_network", group_id=group, role="Kurir (fiktivt)"
    )
    followups.add_reminder(store, case_id, due_on=days(5), text="Ring skolan (fiktivt)")
    partner = partners.add_partner(store, kind="police", name="Polis Ek (fiktiv)")
    partners.link_partner(store, case_id, partner, role="Kontaktperson")
    needs.add_needs_assessment(
        store,
        case_id,
        assessed_on=days(-40),
        occasion="intake",
        ratings={**ALL_LOW, "mental_health": ("high", "Fiktiv oro.")},
    )
    care.add_care_contact(
        store,
        case_id,
        kind="psychiatry",
        region="Region Skåne (fiktiv)",
        unit="Öppenvård",
        started_on=days(-35),
    )
    sip_id = sip.add_sip(
        store,
        case_id,
        held_on=days(-30),
        consent_on=days(-31),
        lead="region",
        participants=["Socialtjänsten", "Psykiatrin"],
        follow_up_on=days(30),
    )
    sip.add_sip_action(store, sip_id, action="Kontakt med psykiatrin", responsible="Regionen")
    provision = next(p.id for p in provisions.provisions(store) if p.code == "sol-2025-bistand")
    first = decisions.record_decision(
        store,
        case_id,
        provision_id=provision,
        outcome="granted",
        subject="Stöd till arbete",
        delegation="4.2 (fiktiv)",
        decided_on=days(-20),
    )
    decision = decisions.correct_decision(store, first, "Stavfel", subject="Stöd till arbete.")
    decisions.add_appeal(store, decision, lodged_on=days(-15), court="Förvaltningsrätten")
    ips = methods.method_by_code(store, "ips")
    assert ips is not None
    provider = providers.add_provider(store, name=f"Boende {marker()}", kind="non_profit")
    iid = interventions.add_intervention(
        store,
        case_id,
        type="occupation",
        started_on=days(-19),
        decision_id=decision,
        method_id=ips.id,
        provider_id=provider,
    )
    fid = followup_results.record_follow_up(
        store,
        case_id,
        kind="other",
        done_on=days(-2),
        status="partly_stable",
        housing="protected_housing",
        occupation="labour_market_programme",
        relapse="none",
    )
    set_follow_up_links(store, fid, domains=["occupation"], intervention_ids=[iid])
    grants.confirm_criterion(store, case_id, "motivation", note="Stark vilja (fiktivt)")
    handover_records.record_legal_basis(
        store, case_id, kind="transfer", municipality="Luleå", decided_on=days(-3)
    )
    return {"placement": placement, "sip": sip_id, "agreement": agreement}


def assessments_group(store: Store) -> int:
    return groups.add_group(store, name=f"Gruppen {marker()}", environment="criminal_network")


def test_every_part_of_a_case_travels(team: Team, tmp_path: Path) -> None:
    folder = tmp_path / "delad"
    folder.mkdir()
    a, b, c = team.stores
    case_id = team_case(a)
    secret = marker()
    made = _build(a, case_id, secret)
    members.share_case(
        a, case_id, team.ids[0][1], "co", include_protected=True, reason="Samråd (fiktivt)"
    )
    uid = members.share_case(a, case_id, team.ids[0][2], "stand_in", valid_until=days(30))

    # C's share has no protected details: its bundle never holds the address or identity
    written = write_changes(a, team.ids[0][2], tmp_path)
    assert written is not None
    opened = open_bundle(c, written.path)
    try:
        content = b"".join(opened.read_member_bytes(m.name) for m in opened.members)
        assert TEAM_CHANGES_MEMBER in {m.name for m in opened.members}
    finally:
        opened.discard()
    assert secret.encode() not in content
    assert b"Skyddad" not in content and b"Nils Nilsson" not in content
    written.path.unlink()

    _rounds(team, folder)
    b_case, c_case = case_id_of(b, uid), case_id_of(c, uid)
    assert b_case is not None and c_case is not None
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)
    assert canonical_case(a, uid)["conflicts"] == []
    for table in PARTS:
        assert _count(a, table, case_id) > 0, table
        assert _count(b, table, b_case) == _count(a, table, case_id), table
    # C holds the parts, but never the protected values
    for table in ("sip_actions", "conditions", "need_ratings", "decisions"):
        assert _count(c, table, c_case) == _count(a, table, case_id), table
    for (street,) in c.conn.execute("SELECT street FROM placement_addresses"):
        assert secret not in street
    for (name,) in c.conn.execute("SELECT name FROM fictitious_identities"):
        assert secret not in name

    # B (with the protected details) changes a SIP and the protected address; A a condition
    b_sip = next(s.id for s in sip.sips(b, b_case))
    action = f"Boka tid hos arbetsförmedlingen {marker()}"
    sip.add_sip_action(b, b_sip, action=action, responsible="Socialtjänsten")
    b_placement = next(p.id for p in placements.placements(b, b_case))
    new_street = f"Ny skyddad väg {marker()}"
    placements.set_placement_address(b, b_placement, street=new_street, city="Eslöv")
    condition = f"Ny villkorstext {marker()}"
    consents.add_condition(a, made["agreement"], condition)
    cases.update_case(c, c_case, referral_source=f"Polisen {marker()}")
    _rounds(team, folder)
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)
    actions = {x.action for s in sip.sips(a, case_id) for x in s.actions}
    assert action in actions
    street = a.conn.execute(
        "SELECT street FROM placement_addresses WHERE placement_id = ?", (made["placement"],)
    ).fetchone()[0]
    assert street == new_street
    texts = {k.text for ag in consents.agreements(b, b_case) for k in ag.conditions}
    assert condition in texts
    assert new_street not in {
        r[0] for r in c.conn.execute("SELECT street FROM placement_addresses")
    }

    # A and B move the person at once: a conflict, whose values the list never shows
    streets = [f"Väg A {marker()}", f"Väg B {marker()}"]
    placements.set_placement_address(a, made["placement"], street=streets[0], city="Lund")
    placements.set_placement_address(b, b_placement, street=streets[1], city="Lund")
    _rounds(team, folder)
    assert canonical_bytes(a, uid) == canonical_bytes(b, uid)
    [conflict] = case_conflicts(a, case_id)
    assert conflict.register == "address_street" and conflict.protected
    assert {v.values["address_street"] for v in conflict.versions} == set(streets)
    shown = json.dumps(_conflict_row(conflict, {}), ensure_ascii=False)
    assert all(s.split()[-1] not in shown for s in streets) and "••" in shown
    resolve(a, conflict, conflict.versions[0].op_id)
    _rounds(team, folder)
    assert case_conflicts(b, b_case) == []

    # a colleague's value that breaks a rule of the tables: refused, nothing applied
    [good] = [o for o in parse_log(log_json(a, uid)) if o.table == "needs_assessments"]
    bad = dataclasses.replace(
        good,
        id=secrets.token_hex(16),
        set={"ratings": {"ratings": '[["no_such_domain","low",null]]'}},
        bases={"ratings": [good.id]},
    )
    before = (canonical_bytes(b, uid), b.conn.execute("SELECT count(*) FROM team_ops").fetchone())
    with pytest.raises(OpsInvalidError):
        apply_ops(b, [bad], origin=None)
    after = (canonical_bytes(b, uid), b.conn.execute("SELECT count(*) FROM team_ops").fetchone())
    assert after == before
    # nor may an operation move a record into another case (here: a condition to an
    # agreement of a case B never shared)
    other = team_case(b)
    other_agreement = consents.add_agreement(b, other, signed_on=days(-1), conditions=["Egen"])
    target = b.conn.execute("SELECT uid FROM agreements WHERE id = ?", (other_agreement,))
    [cond] = [o for o in parse_log(log_json(a, uid)) if o.table == "conditions"][:1]
    moved = dataclasses.replace(
        cond,
        id=secrets.token_hex(16),
        set={"agreement_id": {"agreement_id": target.fetchone()[0]}},
        bases={"agreement_id": [cond.id]},
    )
    with pytest.raises(OpsInvalidError):
        apply_ops(b, [moved], origin=None)
    assert canonical_bytes(b, uid) == before[0]

    # the stand-in's share ends: C removes every part of the case, as gallring does
    members.end_share(a, case_id, team.ids[0][2])
    _rounds(team, folder)
    assert case_id_of(c, uid) is None
    for table in (*PARTS, "cases", "persons", "placements", "interventions", "follow_ups"):
        assert c.conn.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table  # noqa: S608
    assert c.conn.execute("SELECT count(*) FROM team_ops").fetchone() == (0,)
