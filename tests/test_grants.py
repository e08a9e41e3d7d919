"""Statsbidrag: the police criteria checklist (derived and confirmed), the period summary
with its suppression, export and audit, `utvag stats grant`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storage.casefile import (
    assessments,
    cases,
    consents,
    interventions,
)
from storage.casework.gallring import delete_case_for_good
from storage.records.errors import (
    CaseNotFoundError,
    FieldTypeError,
    InvalidChoiceError,
)
from storage.statistics import grants
from storage.statistics import tables as stats
from storage.statistics.export import (
    report_csv,
    save_export,
)
from storage.statistics.grant_summary import grant_summary
from storage.statistics.grants import Criterion
from storage.vault.store import Store
from tests.case_fixtures import PASS, audit_actions, new_case, store, store_template
from tests.test_stats import run

__all__ = ["store", "store_template"]

D = dt.date
TODAY = dt.date.today()


def _decide(s: Store, case_id: int) -> None:
    for status in ("preliminary_assessment", "investigation", "decided"):
        cases.set_status(s, case_id, status)


def _full(s: Store, case_id: int) -> None:
    """Everything the data can show: threat, consent, conditions, decision."""
    assessments.add_threat_assessment(
        s, case_id, source_unit="Polisen NOA", assessed_on=TODAY, level="high", summary="Hot"
    )
    consents.add_consent(
        s, case_id, agencies=["Polisen"], municipalities=["Linköping"], signed_on=TODAY
    )
    consents.add_agreement(s, case_id, signed_on=TODAY, conditions=["Inga droger"])
    _decide(s, case_id)


def _met(checklist: grants.GrantChecklist) -> dict[str, tuple[bool, str | None]]:
    return {i.criterion.value: (i.met, i.source) for i in checklist.items}


def test_checklist_derived_from_the_case_file(store: Store) -> None:
    case_id = new_case(store)
    empty = grants.grant_checklist(store, case_id)
    assert not empty.all_met and all(not i.met for i in empty.items)
    assert {i.criterion for i in empty.items if i.derived is None} == {
        Criterion.MOTIVATION,
        Criterion.NOT_WITNESS,
    }
    _full(store, case_id)
    got = _met(grants.grant_checklist(store, case_id))
    assert got["threat"] == got["consent"] == got["signed_conditions"] == (True, "data")
    assert got["social_services_decision"] == (True, "data")
    assert got["motivation"] == got["not_witness"] == (False, None)
    item = grants.grant_checklist(store, case_id).items[2]
    assert item.evidence == "giltigt samtycke finns"


def test_consent_must_be_valid_and_decision_survives_closing(store: Store) -> None:
    case_id = new_case(store)
    cid = consents.add_consent(
        store,
        case_id,
        agencies=["Polisen"],
        municipalities=[],
        signed_on=TODAY - dt.timedelta(days=10),
    )
    consents.revoke_consent(store, cid, revoked_on=TODAY)
    _decide(store, case_id)
    cases.set_status(store, case_id, "implementation")
    cases.set_status(store, case_id, "closed", outcome="completed")
    got = _met(grants.grant_checklist(store, case_id))
    assert got["consent"] == (False, None)
    # closed now, but the audit log shows it was decided
    assert got["social_services_decision"] == (True, "data")


def test_confirmations_with_who_and_when(store: Store) -> None:
    case_id = new_case(store)
    _full(store, case_id)
    grants.confirm_criterion(store, case_id, "motivation", note="Samtal 3/5")
    grants.confirm_criterion(store, case_id, "inte vittne i pågående mål")  # Swedish label
    checklist = grants.grant_checklist(store, case_id)
    assert checklist.all_met
    conf = checklist.items[0].confirmation
    assert conf is not None and conf.confirmed_by == store.actor and conf.note == "Samtal 3/5"
    # a manual "not met" wins over the data
    grants.confirm_criterion(store, case_id, "threat", met=False, note="Hotbild upphört")
    assert _met(grants.grant_checklist(store, case_id))["threat"] == (False, "manual")
    assert len(grants.confirmations(store, case_id)) == 3
    assert audit_actions(store).count("grant.confirm") == 3
    entry = store.audit.entries(action="grant.confirm")[-1]
    assert entry.details == {"case_id": case_id, "criterion": "threat", "met": False}


def test_confirmation_refusals_change_nothing(store: Store) -> None:
    case_id = new_case(store)
    head = store.audit.head()
    with pytest.raises(InvalidChoiceError):
        grants.confirm_criterion(store, case_id, "luck")
    with pytest.raises(FieldTypeError):
        grants.confirm_criterion(store, case_id, "motivation", met="yes")  # type: ignore[arg-type]
    with pytest.raises(CaseNotFoundError):
        grants.confirm_criterion(store, 999, "motivation")
    assert store.audit.head() == head and grants.confirmations(store, case_id) == []


def test_confirmations_are_append_only_and_weeded_with_the_case(store: Store) -> None:
    case_id = new_case(store)
    grants.confirm_criterion(store, case_id, "motivation")
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("UPDATE grant_confirmations SET met = 0")
    with store.transaction():
        delete_case_for_good(store, case_id)
    assert store.conn.execute("SELECT count(*) FROM grant_confirmations").fetchone()[0] == 0


@pytest.fixture
def programme(store: Store) -> Store:
    """10 cases: 7 meet every criterion, 3 lack motivation. Statsbidrag: counselling for 6,
    psychiatry for 5, tattoo removal for 1."""
    for i in range(10):
        case_id = new_case(store, name=f"Namn {i}", opened_on=D(2025, 1, 10))
        _full(store, case_id)
        grants.confirm_criterion(store, case_id, "not_witness")
        if i < 7:
            grants.confirm_criterion(store, case_id, "motivation")
        if i < 6:
            interventions.add_intervention(
                store,
                case_id,
                type="counselling",
                started_on=D(2025, 2, 1),
                cost_sek=10_000,
                funding="state_grant",
            )
        if i < 5:
            interventions.add_intervention(
                store,
                case_id,
                type="psychiatry",
                started_on=D(2025, 2, 1),
                cost_sek=2_000,
                funding="state_grant",
            )
        if i == 6:
            interventions.add_intervention(
                store,
                case_id,
                type="tattoo_removal",
                started_on=D(2025, 2, 1),
                cost_sek=5_000,
                funding="state_grant",
            )
    return store


def test_summary_and_suppression(programme: Store) -> None:
    summary = grant_summary(programme, "2025-01-01", TODAY)
    assert len(summary.cases) == 10 and sum(r.all_met for r in summary.cases) == 7
    crit = summary.tables[0]
    rows = {code: row for (code, _), row in zip(crit.rows, crit.cells, strict=True)}
    assert rows["threat"] == (10, 0, 10)
    # 7 meet / 3 do not: the 3 is small, so both are hidden; the total stays
    assert rows["motivation"] == (None, None, 10) and rows["all"] == (None, None, 10)
    costs = summary.tables[1]
    by = {code: row for (code, _), row in zip(costs.rows, costs.cells, strict=True)}
    assert by["counselling"] == (6, 60_000)
    assert by["tattoo_removal"] == (None, None)  # one intervention
    # hidden too, else total − the rest would give it; kronor hide behind kronor, not zeros
    assert by["psychiatry"] == (None, None) and by["trustee"] == (0, 0)
    assert by["total"] == (12, 75_000)
    text = report_csv(summary)
    assert "Namn" not in text and "UV-" not in text


def test_summary_and_statistics_agree(programme: Store) -> None:
    """The summary is decided as if the statistics of the same period were released beside
    it, and their kronor are the same cells: what one hides, the other does not show."""
    summary = grant_summary(programme, "2025-01-01", TODAY)
    report = stats.compute_stats(programme, "2025-01-01", TODAY)
    money = [row[-1] for row in report.table("grant_money.type").cells]
    assert [row[1] for row in summary.tables[1].cells] == money


def test_small_programme_hides_everything(store: Store) -> None:
    for i in range(3):
        _full(store, new_case(store, name=f"N {i}", opened_on=D(2025, 1, 10)))
    crit = grant_summary(store, "2025-01-01", TODAY).tables[0]
    assert all(v is None for row in crit.cells for v in row)


def test_grant_export_audited(programme: Store, tmp_path: Path) -> None:
    summary = grant_summary(programme, "2025-01-01", TODAY)
    result = save_export(
        programme, summary, tmp_path / "g.csv", report_csv(summary).encode(), "csv"
    )
    entry = programme.audit.entries(action="grant.export")[-1]
    assert entry.details["sha256"] == result.sha256


def test_cli_grant(capsys: pytest.CaptureFixture[str], programme: Store, tmp_path: Path) -> None:
    path = programme.path
    programme.close()
    secret = tmp_path / "p.txt"
    secret.write_text(PASS + "\n")
    cli = ["--store", str(path), "--passphrase-file", str(secret)]
    period = ["--from", "2025-01-01", "--to", TODAY.isoformat()]
    code, out, err = run(capsys, "stats", "grant", *period, "--json", "--cases", *cli)
    assert code == 0, err
    data = json.loads(out)
    assert len(data["cases"]) == 10 and data["export"] is None
    code, out, err = run(capsys, "stats", "grant", *period, "--out", str(tmp_path / "g.pdf"), *cli)
    assert code == 0, err and (tmp_path / "g.pdf").read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "stats", "grant", "--from", "2025-13-01", "--to", "2025-01-01", *cli)
    assert code == 2
