"""The other records: valid input round-trips; invalid input for every field is refused with
the field named and nothing stored."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from storage.casefile import (
    assessments,
    cases,
    consents,
    documents,
    followups,
    interventions,
)
from storage.errors import (
    NotFoundError,
    ValidationError,
)
from storage.records import (
    Environment,
    GroupRelation,
    ThreatLevel,
)
from storage.registers import (
    groups,
    providers,
)
from storage.vault.store import Store
from tests.case_fixtures import days, new_case, shared_store, snapshot, store, store_template

__all__ = ["shared_store", "store", "store_template"]


def _zip(names: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in names.items():
            z.writestr(name, data)
    return buf.getvalue()


ODT = _zip({"mimetype": documents.ODT.encode(), "content.xml": b"<x/>"})
DOCX = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})


def test_roundtrip(store: Store) -> None:
    case_id = new_case(store)
    g1 = groups.add_group(store, name="Järnvargarna", environment="kriminellt nätverk")
    g2 = groups.add_group(store, name="Östra ligan", environment="criminal_network", area="N")
    g3 = groups.add_group(store, name="Linjen", environment="criminal_network")
    groups.set_group_relation(store, g2, g1, "rival")
    groups.set_group_relation(store, g1, g3, "allied", noted_on="2025-01-01")
    groups.set_group_relation(store, g2, g1, "rivaliserande")  # same pair: updated
    assert groups.related_groups(store, g1, "rival") == [g2]
    assert groups.related_groups(store, g1, GroupRelation.ALLIED) == [g3]
    assert [g.name for g in groups.groups(store)] == ["Järnvargarna", "Linjen", "Östra ligan"]
    link = assessments.add_network_link(
        store, case_id, environment="criminal_network", group_id=g1, role="springpojke"
    )
    assessments.end_network_link(store, link, days(-1))
    [nl] = assessments.network_links(store, case_id)
    assert (nl.group_id, nl.role, nl.left_on, nl.environment) == (
        g1,
        "springpojke",
        days(-1),
        Environment.CRIMINAL_NETWORK,
    )
    t = assessments.add_threat_assessment(
        store,
        case_id,
        source_unit="Polisregion Öst",
        assessed_on=days(-3),
        level="mycket hög",
        summary="Hot",
        measures="Skyddat boende",
    )
    assert assessments.threat_assessments(store, case_id)[0].level is ThreatLevel.VERY_HIGH
    assert t > 0
    consents.add_agreement(
        store, case_id, signed_on=days(-10), conditions=["A", "B", "A"], summary="Överenskommelse"
    )
    [agreement] = consents.agreements(store, case_id)
    assert [c.text for c in agreement.conditions] == ["A", "B"]
    extra = consents.add_condition(store, agreement.id, "C")
    consents.record_breach(store, extra, occurred_on=days(-1), description="Positivt test")
    assert consents.agreements(store, case_id)[0].conditions[2].breaches[0].description
    provider = providers.add_provider(store, name="Stiftelsen Nystart", kind="idéburen")
    insats = interventions.add_intervention(
        store,
        case_id,
        type="psykiatri",
        started_on=days(-30),
        provider_id=provider,
        cost_sek=12000,
        funding="statsbidrag",
    )
    [i] = interventions.interventions(store, case_id)
    assert (i.id, i.cost_sek, i.funding.value if i.funding else None) == (
        insats,
        12000,
        "state_grant",
    )
    assert [p.name for p in providers.providers(store)] == ["Stiftelsen Nystart"]
    fu = followups.add_follow_up(store, case_id, kind="other", done_on=days(-1), summary="Ok")
    assert followups.follow_ups(store, case_id)[0].id == fu
    assert {e.action for e in store.audit.entries()} >= {
        "group.add",
        "group.relation",
        "network.add",
        "network.end",
        "threat.add",
        "agreement.add",
        "condition.add",
        "condition.breach",
        "provider.add",
        "intervention.add",
        "follow_up.add",
    }


@pytest.mark.parametrize(
    ("content", "media_type"),
    [
        (b"%PDF-1.4\n%%EOF\n", documents.PDF),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, documents.PNG),
        (b"\xff\xd8\xff\xe0" + b"\0" * 20, documents.JPEG),
        ("Genomförandeplan\n\tpunkt 1\r\n".encode(), documents.TEXT),
        (b"\xef\xbb\xbfmed BOM", documents.TEXT),
        (ODT, documents.ODT),
        (DOCX, documents.DOCX),
    ],
)
def test_documents_allowed(shared_store: Store, content: bytes, media_type: str) -> None:
    case_id = new_case(shared_store)
    doc = documents.add_document(
        shared_store, case_id, title="Plan", filename="x.bin", content=content
    )
    [d] = documents.documents(shared_store, case_id)
    assert (d.id, d.media_type, d.size) == (doc, media_type, len(content))
    assert documents.document_content(shared_store, doc) == content
    assert shared_store.audit.entries()[-1].action == "document.open"


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "document_empty"),
        (b"MZ\x90\x00 executable", "document_type"),
        (b"\x00\x01\x02binary", "document_type"),
        (_zip({"evil.exe": b"MZ"}), "document_type"),
        (b"GIF89a....", "document_type"),
        (b"<svg onload=alert(1)>", "document_type"),
        (b"{\\rtf1 x}", "document_type"),
        (b"bell \x07 in text", "document_type"),
        (b"\xff\xfe not utf-8 \xff", "document_type"),
        ("x" * 2048, "wrong_type"),
    ],
)
def test_documents_refused(shared_store: Store, content: Any, code: str) -> None:
    case_id = new_case(shared_store)
    before = snapshot(shared_store)
    with pytest.raises(ValidationError) as exc:
        documents.add_document(shared_store, case_id, title="T", filename="f", content=content)
    assert exc.value.code == code and exc.value.params["field"] == "content"
    assert snapshot(shared_store) == before


def test_document_size_limit(shared_store: Store) -> None:
    case_id = new_case(shared_store)
    with pytest.raises(ValidationError) as exc:
        documents.add_document(
            shared_store, case_id, title="T", filename="f", content=b"a" * 2048, max_bytes=1024
        )
    assert exc.value.code == "document_too_large" and "at most 0.0009765625 MiB" not in str(
        exc.value
    )
    assert documents.DEFAULT_MAX_BYTES == 25 * 1024 * 1024


def test_register_rules(store: Store) -> None:
    g = groups.add_group(store, name="Gruppen", environment="criminal_network")
    before = snapshot(store)
    with pytest.raises(ValidationError) as exc:
        groups.add_group(store, name="gruppen", environment="criminal_network")
    assert exc.value.code == "duplicate_name"
    with pytest.raises(ValidationError) as exc:
        groups.set_group_relation(store, g, g, "same")
    assert exc.value.code == "group_self_relation"
    with pytest.raises(NotFoundError):
        groups.set_group_relation(store, g, 999, "rival")
    case_id = new_case(store)
    snap = snapshot(store)
    with pytest.raises(ValidationError) as exc:  # the link's environment must fit the group
        assessments.add_network_link(store, case_id, environment="honour_context", group_id=g)
    assert exc.value.params["field"] == "environment" and snapshot(store) == snap
    assert before["groups"] == 1


def test_closed_cases_refuse_new_parts_but_not_follow_ups(store: Store) -> None:
    case_id = new_case(store)
    cases.set_status(store, case_id, "closed", outcome="completed")
    with pytest.raises(ValidationError) as exc:
        consents.add_consent(store, case_id, agencies=["P"], municipalities=[], signed_on=days(0))
    assert exc.value.code == "case_closed"
    followups.add_follow_up(store, case_id, kind="six_months", done_on=days(0), summary="Ok")
    documents.add_document(store, case_id, title="Brev", filename="b.txt", content=b"Hej")


def test_done_twice(store: Store) -> None:
    case_id = new_case(store)
    consent = consents.add_consent(
        store, case_id, agencies=["P"], municipalities=["U"], signed_on=days(-5)
    )
    consents.revoke_consent(store, consent, revoked_on=days(-1))
    with pytest.raises(ValidationError):
        consents.revoke_consent(store, consent, revoked_on=days(0))
    insats = interventions.add_intervention(store, case_id, type="other", started_on=days(-5))
    control = interventions.plan_provider_control(store, insats, days(1))
    interventions.record_provider_control(store, control, days(0))
    with pytest.raises(ValidationError):
        interventions.record_provider_control(store, control, days(0))
    reminder = followups.add_reminder(store, case_id, due_on=days(1), text="x")
    followups.complete_reminder(store, reminder)
    with pytest.raises(ValidationError):
        followups.complete_reminder(store, reminder)
