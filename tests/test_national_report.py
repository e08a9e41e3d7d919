"""The national report end to end with real stores, keys and bundles: two units send their
reports for 2025 to a coordinator, which verifies, keeps and merges them — and refuses
unsigned, unverified, replayed, malformed and unsafe reports without changing anything
(docs/national-report.md)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import cases, interventions, persons
from storage.errors import UtvagError
from storage.learning import coordinator
from storage.learning.errors import (
    DuplicateReportError,
    MalformedReportError,
    NoReportsError,
    PeriodsDifferError,
    UnsafeReportError,
)
from storage.learning.national import report_bytes, report_json
from storage.learning.report_format import parse_report
from storage.registers import methods
from storage.statistics.errors import StatsChangedError
from storage.vault.store import Store
from sync.age.errors import AgeHeaderError
from sync.bundle.errors import ReplayedBundleError
from sync.bundle.manifest import NATIONAL_REPORT, NATIONAL_REPORT_MEMBER
from sync.bundle.seal import seal_bundle
from sync.knowledge.methods_file import export_methods_file, import_methods_file
from sync.report.errors import NotANationalReportError, ReportSenderMismatchError
from sync.report.national import (
    export_national_report,
    make_report,
    receive_national_report,
)
from sync.trust import contacts, identity
from sync.trust.errors import UnverifiedSenderError
from tests.case_fixtures import copy_store, snapshot, store_template
from tests.test_store_support import ROOT

__all__ = ["store_template"]

D = dt.date
YEAR = ("2025-01-01", "2025-12-31")


@dataclass
class Units:
    lin: Store  # Linköping, sends
    nor: Store  # Norrköping, sends
    odd: Store  # Motala: the coordinator has its card but has not verified it
    hub: Store  # the coordinator
    hub_at: dict[str, int]  # the coordinator's contact id at each unit
    out: Path

    def close(self) -> None:
        for s in (self.lin, self.nor, self.odd, self.hub):
            s.close()


def _cases(store: Store, muni: str, men: int, women: int) -> None:
    for i in range(men + women):
        case_id = cases.create_case(
            store, case_type="defector", home_municipality=muni, opened_on=D(2025, 3, 3)
        )
        gender = "male" if i < men else "female"
        persons.add_person(
            store, case_id, name=f"Fiktiv Rapportperson {i}", birth_year=1995, gender=gender
        )


@pytest.fixture(scope="module")
def units(store_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Units]:
    root = tmp_path_factory.mktemp("national")
    made = {}
    for name, who in (
        ("lin", ("Linköping", "Avhopparverksamheten", "Lina Lind")),
        ("nor", ("Norrköping", "Exit Norrköping", "Nils Norr")),
        ("odd", ("Motala", "Exit Motala", "Mona Mott")),
        ("hub", ("Stockholm", "Nationell samordning (fiktiv)", "Sam Samordnare")),
    ):
        made[name] = copy_store(store_template, root / name, actor=who[2])
        identity.ensure_identity(made[name], *who)
    hub = made["hub"]
    hub_at = {}
    for name in ("lin", "nor", "odd"):
        unit = made[name]
        hub_at[name] = contacts.import_card(unit, identity.export_card(hub))
        contacts.verify_contact(unit, hub_at[name], identity.get_identity(hub).fingerprint)
        theirs = contacts.import_card(hub, identity.export_card(unit))
        if name != "odd":
            contacts.verify_contact(hub, theirs, identity.get_identity(unit).fingerprint)
    _cases(made["lin"], "Linköping", 9, 6)
    _cases(made["nor"], "Norrköping", 7, 5)
    _cases(made["odd"], "Motala", 6, 6)
    out = root / "out"
    out.mkdir()
    u = Units(made["lin"], made["nor"], made["odd"], hub, hub_at, out)
    yield u
    u.close()


def _send(u: Units, name: str, file: str) -> Path:
    store = getattr(u, name)
    report = make_report(store, *YEAR)
    export_national_report(store, report, coordinator=u.hub_at[name], out=u.out / file)
    return u.out / file


def test_a_report_travels_and_merges(units: Units) -> None:
    u = units
    report = make_report(u.lin, *YEAR)
    doc = report_json(report)
    assert doc["format"] == "utvag-national-report" and doc["version"] == 2
    assert doc["source"] == {"municipality": "Linköping", "unit": "Avhopparverksamheten"}
    assert {t["key"] for t in doc["tables"]} >= {"new.gender", "new.needs", "closed.end_reason"}
    assert "Fiktiv" not in report_bytes(report).decode()
    export_national_report(u.lin, report, coordinator=u.hub_at["lin"], out=u.out / "lin.utvag")
    releases = u.lin.conn.execute("SELECT kind, format FROM stats_releases").fetchall()
    assert sorted(releases) == [("grant", "national-bundle"), ("stats", "national-bundle")]
    entry = next(e for e in u.lin.audit.entries() if e.action == "national.export")
    assert entry.details["report_id"] == report.report_id
    assert entry.details["destination"] == f"contact:{u.hub_at['lin']}"

    first = receive_national_report(u.hub, u.out / "lin.utvag")
    receive_national_report(u.hub, _send(u, "nor", "nor.utvag"))
    got = coordinator.received(u.hub)
    assert {r.municipality for r in got} == {"Linköping", "Norrköping"} and first in {
        r.id for r in got
    }
    merged = coordinator.merge(u.hub, D(2025, 1, 1), D(2025, 12, 31))
    gender = merged.table("new.gender")
    assert gender.columns == ("Linköping", "Norrköping", "Summa")
    rows = [c for c, _ in gender.rows]
    assert gender.cells[rows.index("male")] == (9, 7, 16)
    assert gender.cells[rows.index("female")] == (6, 5, 11)
    assert gender.cells[-1] == (15, 12, 27)
    assert not merged.missing
    text = coordinator.national_csv(merged)
    assert "new.gender,Nya ärenden efter kön,cases,male,man,Summa,16,0" in text
    with u.hub.transaction():
        release = coordinator.record_release(u.hub, merged, fmt="csv", sha256="0" * 64)
    assert release >= 1
    actions = [e.action for e in u.hub.audit.entries()]
    assert actions.count("national.receive") == 2 and "national.release" in actions
    with pytest.raises(NoReportsError):
        coordinator.merge(u.hub, D(2024, 1, 1), D(2024, 12, 31))


def _refused(u: Units, path: Path, error: type[Exception]) -> None:
    before = snapshot(u.hub)
    with pytest.raises(error):
        receive_national_report(u.hub, path)
    assert snapshot(u.hub) == before


def test_refusals_change_nothing(units: Units) -> None:
    u = units
    sent = _send(u, "lin", "again.utvag")
    receive_national_report(u.hub, sent)
    _refused(u, sent, ReplayedBundleError)  # the same file again
    _refused(u, _send(u, "odd", "odd.utvag"), UnverifiedSenderError)

    unsigned = u.out / "unsigned.utvag"  # the document alone: neither signed nor encrypted
    unsigned.write_bytes(report_bytes(make_report(u.nor, *YEAR)))
    _refused(u, unsigned, AgeHeaderError)
    junk = u.out / "junk.utvag"
    junk.write_bytes(b"age-encryption.org/v1\n" + secrets.token_bytes(64))
    _refused(u, junk, UtvagError)
    tampered = u.out / "tampered.utvag"
    data = bytearray(_send(u, "nor", "t.utvag").read_bytes())
    data[-40] ^= 0x55
    tampered.write_bytes(bytes(data))
    _refused(u, tampered, UtvagError)  # the age stream no longer authenticates

    def sealed(name: str, body: bytes) -> Path:
        out = u.out / name
        seal_bundle(
            u.nor,
            kind=NATIONAL_REPORT,
            recipients=[u.hub_at["nor"]],
            members=[(NATIONAL_REPORT_MEMBER, body, len(body))],
            out=out,
            expires=dt.timedelta(days=3),
        )
        return out

    good = json.loads(report_bytes(make_report(u.nor, *YEAR)))
    _refused(u, sealed("m1.utvag", b'{"format": "utvag-national-report"}'), MalformedReportError)
    small = json.loads(json.dumps(good))
    small["tables"][0]["cells"][0][0] = 3
    _refused(u, sealed("m2.utvag", json.dumps(small).encode()), UnsafeReportError)
    floaty = json.dumps(good).replace('"threshold": 5', '"threshold": 5.0').encode()
    _refused(u, sealed("m3.utvag", floaty), MalformedReportError)
    twice = json.loads(json.dumps(good))
    twice["report_id"] = json.loads(sent_report_id(u))
    _refused(u, sealed("m4.utvag", json.dumps(twice).encode()), DuplicateReportError)
    other = json.loads(json.dumps(good))
    other["source"]["municipality"] = "Linköping"
    _refused(u, sealed("m5.utvag", json.dumps(other).encode()), ReportSenderMismatchError)


def sent_report_id(u: Units) -> str:
    row = u.hub.conn.execute("SELECT report_id FROM national_reports LIMIT 1").fetchone()
    return json.dumps(row[0])


def test_a_handover_is_not_a_report(units: Units) -> None:
    u = units
    out = u.out / "receipt-like.utvag"
    body = b"{}"
    seal_bundle(
        u.lin,
        kind="receipt",
        recipients=[u.hub_at["lin"]],
        members=[("receipt.json", body, len(body))],
        out=out,
        expires=dt.timedelta(days=3),
    )
    _refused(u, out, NotANationalReportError)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(extra=1), "document"),
        (lambda d: d.update(version=3), "format"),
        (lambda d: d.pop("methods"), "document"),  # version 2 declares its methods
        (lambda d: d["methods"].pop(0), "methods"),  # a method row not declared
        (lambda d: d["methods"][0].update(code="Not A Code"), "method code"),
        (lambda d: d["methods"][0].update(evidence_level="proven"), "evidence level"),
        (lambda d: d["methods"].append(dict(d["methods"][0])), "methods"),  # twice
        (lambda d: d.update(report_id="not-a-uuid"), "report_id"),
        (lambda d: d.update(threshold=3), "threshold"),
        (lambda d: d["period"].update({"from": "2026-01-01"}), "period"),
        (lambda d: d["tables"][0].update(unit="people"), "table key"),
        (lambda d: d["tables"][0]["cells"][0].append(0), "cells"),
        (lambda d: d["tables"][0]["cells"][0].__setitem__(0, -5), "cell value"),
        (lambda d: d["tables"][0]["cells"][0].__setitem__(0, True), "cell value"),
        (lambda d: d["tables"][0].update(title="a\u202etitle"), "title"),
    ],
)
def test_strict_reading(units: Units, change: Any, reason: str) -> None:
    doc = report_json(make_report(units.nor, *YEAR))
    change(doc)
    with pytest.raises(MalformedReportError) as caught:
        parse_report(json.dumps(doc).encode())
    assert caught.value.params["reason"] == reason
    with pytest.raises(MalformedReportError):
        parse_report(b'{"a": 1, "a": 2}')


def test_numbers_changed_since_shown_is_refused(units: Units) -> None:
    u = units
    report = make_report(u.odd, *YEAR)
    _cases(u.odd, "Motala", 1, 0)  # a case registered late, after the report was computed
    releases = u.odd.conn.execute("SELECT count(*) FROM stats_releases").fetchone()
    audit = len(u.odd.audit.entries())
    out = u.out / "changed.utvag"
    with pytest.raises(StatsChangedError):
        export_national_report(u.odd, report, coordinator=u.hub_at["odd"], out=out)
    assert not out.exists()
    assert u.odd.conn.execute("SELECT count(*) FROM stats_releases").fetchone() == releases
    assert len(u.odd.audit.entries()) == audit


# ---------------------------------------------------------------- methods and periods
# (these run last: they add cases and send further reports)


def _with_method(store: Store, muni: str, method_id: int, n: int) -> None:
    for i in range(n):
        case_id = cases.create_case(
            store, case_type="defector", home_municipality=muni, opened_on=D(2025, 4, 7)
        )
        persons.add_person(
            store, case_id, name=f"Fiktiv Metodperson {i}", birth_year=1990, gender="male"
        )
        interventions.add_intervention(
            store, case_id, type="counselling", started_on=D(2025, 4, 14), method_id=method_id
        )


def test_methods_merge_by_code_and_unknown_codes_stay_apart(units: Units) -> None:
    """Both units add "the same" method on their own (two codes) and use the shipped IPS;
    the coordinator has imported Linköping's register only. IPS is one row, named as the
    coordinator names it; Linköping's method is merged by its code; Norrköping's, whose code
    the coordinator does not know, stays a row of its own under Norrköping's name — never
    added to Linköping's although the names are the same."""
    u = units
    name = "Fiktivt mentorskap"
    ips = methods.method_by_code(u.lin, "ips")
    assert ips is not None
    lin_method = methods.add_method(u.lin, name=name)
    nor_method = methods.add_method(u.nor, name=name)
    lin_code, nor_code = (
        methods.method(u.lin, lin_method).code,
        methods.method(u.nor, nor_method).code,
    )
    assert lin_code != nor_code  # each installation's own code
    _with_method(u.lin, "Linköping", lin_method, 6)
    _with_method(u.nor, "Norrköping", nor_method, 7)
    _with_method(u.lin, "Linköping", ips.id, 5)
    _with_method(u.nor, "Norrköping", ips.id, 5)
    import_methods_file(u.hub, export_methods_file(u.lin))
    methods.update_method(
        u.hub, methods.method_by_code(u.hub, "ips").id, name="IPS (samordnarens namn)"
    )  # type: ignore[union-attr]
    report = make_report(u.nor, *YEAR)
    assert (nor_code, name, "not_assessed") in report.methods
    assert {"code": nor_code, "name": name, "evidence_level": "not_assessed"} in report_json(
        report
    )["methods"]
    receive_national_report(u.hub, _send(u, "lin", "lin-methods.utvag"))
    receive_national_report(u.hub, _send(u, "nor", "nor-methods.utvag"))
    merged = coordinator.merge(u.hub, D(2025, 1, 1), D(2025, 12, 31))
    table = merged.table("interventions.method")
    assert table.columns == ("Linköping", "Norrköping", "Summa")
    rows = {
        code: (label, cells) for (code, label), cells in zip(table.rows, table.cells, strict=True)
    }
    assert rows["ips"] == ("IPS (samordnarens namn)", (5, 5, 10))
    assert rows[lin_code] == (name, (6, None, None))  # Norrköping has no such method
    apart = f"{nor_code}@Norrköping/Exit Norrköping"
    assert rows[apart] == (
        f"{name} (Norrköping; metoden finns inte i samordnarens register)",
        (None, 7, None),
    )
    assert nor_code not in rows
    assert table.rows[-1][0] == "total"
    for key in ("followup.six_months", "followup.twelve_months"):
        codes = [c for c, _ in merged.table(key).rows]
        assert apart in codes and nor_code not in codes and lin_code in codes


def test_reports_of_other_periods_are_never_combined(units: Units) -> None:
    """A quarter's report beside the year's: merging the year names it as left out;
    merging the quarter names the year's; a half-year nobody reported is refused with the
    periods that were received, and nothing is merged."""
    u = units
    q1 = u.out / "lin-q1.utvag"
    report = make_report(u.lin, "2025-01-01", "2025-03-31")
    export_national_report(u.lin, report, coordinator=u.hub_at["lin"], out=q1)
    receive_national_report(u.hub, q1)
    year = coordinator.merge(u.hub, D(2025, 1, 1), D(2025, 12, 31))
    assert [(r.start, r.end) for r in year.left_out] == [(D(2025, 1, 1), D(2025, 3, 31))]
    assert all((r.start, r.end) == (D(2025, 1, 1), D(2025, 12, 31)) for r in year.sources)
    quarter = coordinator.merge(u.hub, D(2025, 1, 1), D(2025, 3, 31))
    assert [r.municipality for r in quarter.sources] == ["Linköping"]
    assert {(r.start, r.end) for r in quarter.left_out} == {(D(2025, 1, 1), D(2025, 12, 31))}
    before = snapshot(u.hub)
    with pytest.raises(PeriodsDifferError) as caught:
        coordinator.merge(u.hub, D(2025, 1, 1), D(2025, 6, 30))
    assert caught.value.code == "national_periods_differ"
    assert caught.value.params["periods"] == "2025-01-01 – 2025-03-31, 2025-01-01 – 2025-12-31"
    assert snapshot(u.hub) == before
    with pytest.raises(NoReportsError):  # nothing overlaps 2024 at all
        coordinator.merge(u.hub, D(2024, 1, 1), D(2024, 12, 31))


def test_a_version_1_report_still_reads_and_merges_by_code() -> None:
    """The saved report of format version 1 (tests/fixtures/national-report-v1.json, no
    ``methods``): its method rows' codes are its methods; merged beside a version 2 report
    of another unit, the shared code IPS adds up and the code the coordinator does not know
    stays one row per sender."""
    data = (ROOT / "tests" / "fixtures" / "national-report-v1.json").read_bytes()
    old = parse_report(data)
    assert old.version == 1 and old.municipality == "Linköping"
    assert dict(old.methods)["ips"] == "Individanpassat stöd till arbete (IPS)"
    assert dict(old.methods)["fiktivt-samtalsstod"] == "Fiktivt samtalsstöd"
    doc = json.loads(data)
    doc["version"] = 2
    doc["report_id"] = "00000000-0000-4000-8000-000000000002"
    doc["source"] = {"municipality": "Norrköping", "unit": "Exit Norrköping"}
    for t in doc["tables"] + doc["grant"]:
        t["columns"] = ["Norrköping" if c == "Linköping" else c for c in t["columns"]]
    doc["methods"] = [
        {"code": code, "name": label, "evidence_level": "not_assessed"}
        for code, label in old.methods
    ]
    new = parse_report(json.dumps(doc).encode())
    assert new.version == 2 and new.methods == old.methods
    tables, missing = coordinator.merge_reports([old, new], {"ips": "IPS"})
    assert missing == []
    table = next(t for t in tables if t.key == "interventions.method")
    rows = {
        code: (label, cells) for (code, label), cells in zip(table.rows, table.cells, strict=True)
    }
    assert rows["ips"] == ("IPS", (9, 9, 18))
    note = "metoden finns inte i samordnarens register"
    assert rows["fiktivt-samtalsstod@Linköping/Exit (fiktiv)"] == (
        f"Fiktivt samtalsstöd (Linköping; {note})",
        (5, None, None),
    )
    assert rows["fiktivt-samtalsstod@Norrköping/Exit Norrköping"] == (
        f"Fiktivt samtalsstöd (Norrköping; {note})",
        (None, 5, None),
    )
    assert "fiktivt-samtalsstod" not in rows and table.rows[-1] == ("total", "Summa")
    assert table.cells[-1] == (14, 14, 28)
