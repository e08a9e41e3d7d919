"""Extracts in the core: sections and period, the sekretessprövning of protected and
third-party items (included through the audited reveal, masked, withheld with a ground and
shown as withheld), the editable grounds, the registerutdrag, and the audit entry."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from pathlib import Path

import pytest

from storage.casefile import assessments, cases, journal, persons, placements
from storage.errors import UtvagError
from storage.extract import grounds
from storage.extract.build import build_extract, resolve_choices, review_items
from storage.extract.model import Choice, Decision, Extract, ExtractRequest, Status
from storage.extract.output import record_print, save_extract
from storage.extract.register import person_cases, register_request
from storage.registers import partners
from storage.vault.store import Store
from tests.case_fixtures import audit_actions, new_case, snapshot, store, store_template

__all__ = ["store", "store_template"]

PNR = "19850202-9807"


def marker() -> str:
    return "Q" + secrets.token_hex(16)


def _case(store: Store) -> tuple[int, dict[str, str]]:
    m = {k: marker() for k in ("name", "relative", "street", "journal", "secret", "reporter")}
    case_id = cases.create_case(
        store,
        case_type="defector",
        home_municipality="Linköping",
        referral_source=f"Granne {m['reporter']}",
        opened_on=dt.date(2025, 1, 10),
    )
    persons.add_person(store, case_id, name=f"Anna {m['name']}", personnummer=PNR)
    persons.add_relative(store, case_id, name=f"Bo {m['relative']}", relation="bror")
    pl = placements.add_placement(
        store, case_id, municipality="Demostad", moved_in_on=dt.date(2025, 2, 1)
    )
    placements.set_placement_address(
        store, pl, street=f"{m['street']}gatan 7", postal_code="99912", city="Demostad"
    )
    assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Öst",
        assessed_on=dt.date(2025, 2, 2),
        level="high",
        summary="Hot från nätverket.",
    )
    journal.add_journal_entry(
        store, case_id, f"Samtal om {m['journal']}.", written_at="2025-03-01T10:00:00Z"
    )
    journal.add_journal_entry(
        store, case_id, f"Uppgift om {m['secret']}.", written_at="2025-04-01T10:00:00Z"
    )
    journal.add_journal_entry(store, case_id, "Tidigt möte.", written_at="2025-01-11T10:00:00Z")
    return case_id, m


def _request(case_id: int, **kw: object) -> ExtractRequest:
    fields: dict[str, object] = {
        "case_ids": (case_id,),
        "sections": ("case", "persons", "placements", "threats", "journal"),
        "recipient": "Den enskilde själv",
        "reason": "Begäran om partsinsyn",
    } | kw
    return ExtractRequest(**fields)  # type: ignore[arg-type]


def _text(extract: Extract) -> str:
    return json.dumps(
        [[s.code, [repr(b) for b in s.blocks]] for c in extract.cases for s in c.sections],
        ensure_ascii=False,
    )


def test_defaults_mask_or_withhold_every_protected_and_third_party_item(store: Store) -> None:
    case_id, m = _case(store)
    items = review_items(store, _request(case_id))
    kinds = sorted({i.kind for i in items})
    assert kinds == [
        "journal",
        "placement",
        "referral_source",
        "subject_identity",
        "third_party",
        "threat",
    ]
    assert not any(value in repr(items) for value in m.values())  # labels reveal nothing
    before = audit_actions(store)
    extract = build_extract(store, _request(case_id))
    text = _text(extract)
    for key in ("name", "relative", "street", "reporter"):
        assert m[key] not in text, key
    assert m["journal"] in text and m["secret"] in text  # journal entries included
    assert audit_actions(store) == before  # nothing revealed, nothing logged yet
    [case] = extract.cases
    placement = next(s for s in case.sections if s.code == "placements").blocks[0]
    assert placement.status is Status.WITHHELD and placement.ground == "OSL 21 kap. 3 §"
    assert extract.decisions["placement"] == {"include": 0, "mask": 0, "withhold": 1}
    assert extract.grounds[0] == "OSL 26 kap. 5 §"  # the reporter, in the case section


def test_included_protected_fields_go_through_the_audited_reveal(store: Store) -> None:
    case_id, m = _case(store)
    [subject] = [i for i in review_items(store, _request(case_id)) if i.kind == "subject_identity"]
    osl = grounds.ground_by_label(store, "osl 26 KAP. 1 §")
    secret_key = next(
        i.key
        for i in review_items(store, _request(case_id))
        if i.kind == "journal" and i.label.startswith("2025-04-01")
    )
    request = _request(
        case_id,
        choices={
            subject.key: Choice(Decision.INCLUDE),
            secret_key: Choice(Decision.WITHHOLD, osl.id),
        },
    )
    extract = build_extract(store, request)
    text = _text(extract)
    assert f"Anna {m['name']}" in text and PNR in text
    assert m["secret"] not in text and m["relative"] not in text
    entries = [e for e in store.audit.entries() if e.action == "reveal"]
    assert {e.details["field"] for e in entries} == {"name", "personnummer"}
    assert all(e.details["reason"] == "Utdrag: Begäran om partsinsyn" for e in entries)
    withheld = [
        b
        for b in next(s for s in extract.cases[0].sections if s.code == "journal").blocks
        if b.status is Status.WITHHELD
    ]
    assert len(withheld) == 1 and withheld[0].ground == "OSL 26 kap. 1 §"  # shown as withheld


def test_the_period_limits_dated_records(store: Store) -> None:
    case_id, m = _case(store)
    request = _request(
        case_id, sections=("journal",), start=dt.date(2025, 2, 1), end=dt.date(2025, 3, 31)
    )
    text = _text(build_extract(store, request))
    assert m["journal"] in text and m["secret"] not in text and "Tidigt möte" not in text


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"sections": ()}, "extract_no_section"),
        ({"sections": ("journal", "secrets")}, "extract_section"),
        ({"recipient": " "}, "required"),
        ({"reason": ""}, "required"),
        ({"start": dt.date(2025, 5, 1), "end": dt.date(2025, 1, 1)}, "date_order"),
        ({"choices": {"journal:999999": Choice(Decision.INCLUDE)}}, "extract_item"),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(
    store: Store, change: dict[str, object], code: str
) -> None:
    case_id, _ = _case(store)
    before = snapshot(store)
    with pytest.raises(UtvagError) as exc:
        build_extract(store, _request(case_id, **change))
    assert exc.value.code == code
    assert snapshot(store) == before


def test_a_mask_needs_an_active_ground(store: Store) -> None:
    case_id, _ = _case(store)
    item = next(i for i in review_items(store, _request(case_id)) if i.kind == "journal")
    before = snapshot(store)
    with pytest.raises(UtvagError) as exc:  # a journal entry has no default ground
        build_extract(store, _request(case_id, choices={item.key: Choice(Decision.MASK)}))
    assert exc.value.code == "extract_ground_required" and exc.value.params["field"] == item.key
    retired = grounds.ground_by_label(store, "OSL 26 kap. 5 §")
    grounds.update_ground(store, retired.id, active=False)
    before = snapshot(store)
    with pytest.raises(UtvagError) as exc:
        build_extract(
            store,
            _request(
                case_id,
                choices={
                    f"referral_source:{case_id}": Choice(Decision.INCLUDE),
                    item.key: Choice(Decision.MASK, retired.id),
                },
            ),
        )
    assert exc.value.code == "extract_ground_not_found"
    with pytest.raises(UtvagError) as exc:  # the reporter's default ground is retired now
        build_extract(store, _request(case_id))
    assert exc.value.code == "extract_ground_required"
    assert snapshot(store) == before
    chosen = resolve_choices(
        store,
        _request(
            case_id,
            choices={
                f"referral_source:{case_id}": Choice(Decision.INCLUDE),
                item.key: Choice(Decision.MASK, grounds.grounds(store)[0].id),
            },
        ),
    )
    assert chosen[item.key].decision is Decision.MASK


def test_grounds_are_editable_data(store: Store) -> None:
    labels = [g.label for g in grounds.grounds(store)]
    assert labels == ["OSL 26 kap. 1 §", "OSL 26 kap. 5 §", "OSL 21 kap. 3 §"]
    assert all(g.note for g in grounds.grounds(store, active_only=False))
    new = grounds.add_ground(
        store,
        label="OSL 35 kap. 1 §",
        provision="Offentlighets- och sekretesslagen (2009:400) 35 kap. 1 §",
        description="Förundersökningssekretess (fiktivt exempel i test).",
    )
    assert audit_actions(store)[-1] == "ground.add"
    grounds.update_ground(store, new, description="Ändrad beskrivning.", active=False)
    assert [g.label for g in grounds.grounds(store)] == labels
    entry = store.audit.entries()[-1]
    assert entry.action == "ground.update" and entry.details["fields"] == ["active", "description"]
    before = snapshot(store), grounds.grounds(store, active_only=False)
    with pytest.raises(UtvagError) as exc:
        grounds.add_ground(store, label="osl 26 kap. 1 §", provision="x", description="y")
    assert exc.value.code == "extract_ground_duplicate"
    with pytest.raises(UtvagError):
        grounds.ground_by_label(store, "OSL 35 kap. 1 §")  # retired
    assert (snapshot(store), grounds.grounds(store, active_only=False)) == before


def test_saving_writes_0600_atomically_and_audits_the_choices_without_content(
    store: Store, tmp_path: Path
) -> None:
    case_id, m = _case(store)
    extract = build_extract(store, _request(case_id))
    pdf = b"%PDF-1.4 fictional rendering " + secrets.token_bytes(16)
    out = tmp_path / "out"
    out.mkdir()
    result = save_extract(store, extract, pdf, out / "utdrag.pdf")
    assert (out / "utdrag.pdf").read_bytes() == pdf
    assert (out / "utdrag.pdf").stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.iterdir()] == ["utdrag.pdf"]  # no temp file left
    entry = store.audit.entries()[-1]
    assert entry.action == "extract.save" and entry.subject == extract.case_numbers[0]
    assert entry.details["sha256"] == hashlib.sha256(pdf).hexdigest() == result.sha256
    assert entry.details["recipient"] == "Den enskilde själv"
    assert entry.details["sections"] == ["case", "persons", "threats", "placements", "journal"]
    assert entry.details["decisions"]["third_party"] == {"include": 0, "mask": 1, "withhold": 0}
    assert not any(value in json.dumps(entry.details) for value in m.values())
    record_print(store, extract, pdf)
    assert store.audit.entries()[-1].action == "extract.print"


def test_a_failed_write_leaves_no_audit_entry(store: Store, tmp_path: Path) -> None:
    case_id, _ = _case(store)
    extract = build_extract(store, _request(case_id))
    before = snapshot(store)
    with pytest.raises(UtvagError):
        save_extract(store, extract, b"%PDF-", tmp_path / "no such folder" / "x.pdf")
    assert snapshot(store) == before


def test_registerutdrag_finds_every_case_and_treats_others_as_third_parties(
    store: Store,
) -> None:
    own, m = _case(store)
    other = new_case(store, name=f"Carl {marker()}")
    persons.add_relative(
        store, other, name="Anna som närstående", relation="syster", personnummer=PNR
    )
    new_case(store, name="Ingen koppling")
    found = person_cases(store, "198502029807")
    assert found.case_ids == (own, other)
    assert store.audit.entries()[-1].action == "extract.lookup"
    assert PNR not in json.dumps(store.audit.entries()[-1].details)
    request = register_request(found, recipient="Den enskilde", reason="Registerutdrag, art. 15")
    items = review_items(store, request)
    kinds = {(i.case_id, i.kind) for i in items}
    assert (other, "subject_identity") in kinds and (other, "third_party") in kinds
    assert (own, "subject_identity") in kinds
    extract = build_extract(store, request)
    assert extract.kind == "register" and len(extract.cases) == 2
    with pytest.raises(UtvagError) as exc:
        person_cases(store, "19811228-9874")
    assert exc.value.code == "extract_no_cases"
    with pytest.raises(UtvagError) as exc:
        person_cases(store, "19850202-9808")
    assert exc.value.code == "personnummer_control_digit"
    del m


def test_partners_are_third_parties_and_the_journal_reads_by_event_date(store: Store) -> None:
    """A case's partners get a sekretessprövning of their own (masked by default; the
    review names kind and role, never the person); journal entries are headed by their
    event date and type and fall in the period by the event date."""
    case_id, m = _case(store)
    contact = marker()
    partner_id = partners.add_partner(
        store,
        kind="police",
        name=f"Kim {contact}",
        organisation="Polisregion Öst",
        phone="010-000 00 00",
    )
    partners.link_partner(store, case_id, partner_id, role="kontaktpolis")
    journal.add_journal_entry(
        store,
        case_id,
        f"Hembesök om {m['journal']}-sent.",
        written_at="2025-06-02T09:00:00Z",
        entry_type="home_visit",
        event_date="2025-03-15",
    )
    request = _request(
        case_id,
        sections=("partners", "journal"),
        start=dt.date(2025, 3, 1),
        end=dt.date(2025, 3, 31),
    )
    items = review_items(store, request)
    [item] = [i for i in items if i.kind == "partner"]
    assert item.key == f"partner:{partner_id}" and contact not in item.label
    assert "kontaktpolis" in item.label
    journal_labels = sorted(i.label for i in items if i.kind == "journal")
    assert [label[:10] for label in journal_labels] == ["2025-03-01", "2025-03-15"]

    masked = _text(build_extract(store, request))
    assert contact not in masked and "010-000 00 00" not in masked
    assert f"{m['journal']}-sent" in masked  # written in June, happened in March

    included = build_extract(
        store,
        _request(case_id, sections=("partners",), choices={item.key: Choice(Decision.INCLUDE)}),
    )
    [section] = included.cases[0].sections
    [block] = section.blocks
    assert {line.value for line in block.lines} >= {f"Kim {contact}", "010-000 00 00"}
    assert included.decisions["partner"] == {"include": 1, "mask": 0, "withhold": 0}
