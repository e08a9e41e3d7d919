"""Handover export: refusals (store unchanged), legal bases, data minimisation, conflicts,
progress and cancelling. The receiving side is used only to look inside the bundles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.casefile.summaries import case_summary
from storage.errors import UtvagError
from storage.records.errors import CaseNotFoundError
from sync.handover.errors import (
    HandoverCancelledError,
    HandoverExpiryError,
    HandoverPendingError,
    HandoverReasonRequiredError,
    HandoverStatusError,
    LegalBasisMissingError,
    NetworkConflictError,
    NoLegalBasisError,
    UnknownSectionError,
)
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
    preview_export,
)
from sync.handover.importing import preview_import
from sync.handover.records import (
    handovers,
    pending_handover,
    record_legal_basis,
)
from sync.trust.errors import ContactNotVerifiedError
from tests.test_handover_support import (
    BIG,
    IRON,
    World,
    actions,
    days,
    placed_case,
    rich_case,
    snapshot,
    store_template,
    world,
)

__all__ = ["store_template", "world"]
PROTECTED = ("Jonas", "19850202", "Lönnvägen", "Fiktivsson", "Lilly")


def _refused(w: World, request: ExportRequest, error: type[UtvagError], out: Path) -> str:
    before = snapshot(w.a, w.dir)
    with pytest.raises(error) as info:
        preview_export(w.a, request)
    with pytest.raises(error):
        export_handover(w.a, request, out, acknowledge_conflicts=True)
    assert snapshot(w.a, w.dir) == before and not out.exists()
    return str(info.value)


def test_refusals_leave_the_store_unchanged(world: World) -> None:
    w, out = world, world.dir / "refused.utvag"
    case = rich_case(w.a, consent_for=("Malmö", "Ystad"))
    to_b = ExportRequest(case, w.b_at_a)
    assert "Lund" in _refused(w, to_b, NoLegalBasisError, out)
    _refused(w, ExportRequest(case, w.b_at_a, legal_basis="transfer"), LegalBasisMissingError, out)
    _refused(w, ExportRequest(case, w.c_at_a), ContactNotVerifiedError, out)
    _refused(
        w,
        ExportRequest(case, w.b_at_a, include_protected=True, reason=" "),
        HandoverReasonRequiredError,
        out,
    )
    _refused(
        w, ExportRequest(case, w.b_at_a, include_fictitious=True), HandoverReasonRequiredError, out
    )
    _refused(
        w, ExportRequest(case, w.b_at_a, sections=("persons", "secrets")), UnknownSectionError, out
    )
    for bad in (0, 367):
        _refused(w, ExportRequest(case, w.b_at_a, expires_days=bad), HandoverExpiryError, out)
    fresh = rich_case(w.a, status="referred")
    text = _refused(w, ExportRequest(fresh, w.b_at_a), HandoverStatusError, out)
    assert "aktualiserad" in text and "genomförande" in text
    _refused(w, ExportRequest(99_999, w.b_at_a), CaseNotFoundError, out)

    # an överflyttning decision for Lund is a legal basis (an expired one is not)
    record_legal_basis(
        w.a, case, kind="transfer", municipality="Lund", decided_on=days(-400), valid_until=days(-1)
    )
    _refused(w, to_b, NoLegalBasisError, out)
    basis = record_legal_basis(
        w.a,
        case,
        kind="transfer",
        municipality="lund",
        decided_on=days(-2),
        reference="SOC 2025/17",
    )
    assert actions(w.a)[-1] == "handover.basis"
    preview = preview_export(w.a, to_b)
    assert preview.basis.kind.value == "transfer" and preview.basis.basis_id == basis
    result = export_handover(w.a, to_b, out)
    row = handovers(w.a, case)[0]
    assert (row.legal_basis.value, row.basis_id, row.bundle_id) == (
        "transfer",
        basis,
        result.bundle_id,
    )
    assert row.state == row.display_state == "awaiting_receipt" and row.contact_id == w.b_at_a
    assert pending_handover(w.a, case) == row
    # sent once: a second export waits for the receipt (or the expiry)
    _refused(w, to_b, HandoverPendingError, w.dir / "again.utvag")
    audit = w.a.audit.entries(action="handover.export")[-1]
    assert audit.subject == case_summary(w.a, case).case_number
    assert audit.details["bundle_id"] == result.bundle_id and "Lund" not in json.dumps(
        audit.details
    )


def _case_json(w: World, path: Path) -> tuple[bytes, dict]:
    preview = preview_import(w.b, path)
    try:
        raw = preview._opened.read_member_bytes("case.json")
        return raw, preview.case.import_data["cases"][0] | {"_preview": preview.case}
    finally:
        preview.discard()


def test_minimisation_protected_fields_only_when_chosen(world: World) -> None:
    w = world
    plain = rich_case(w.a)
    out = w.dir / "plain.utvag"
    result = export_handover(w.a, ExportRequest(plain, w.b_at_a), out)
    before_b = snapshot(w.b)
    raw, case = _case_json(w, out)
    assert snapshot(w.b) == before_b  # a preview that is discarded records nothing
    for text in PROTECTED:
        assert text.encode() not in raw, text
    assert case["person"]["name"] == "••" and "personnummer" not in case["person"]
    assert "fictitious_identity" not in case["person"]
    names = [r["name"] for r in case["relatives"]]
    assert names == ["Maria Jönsson", "••"]  # no protection / sekretessmarkering
    assert not {"placements", "journal", "follow_ups"} & set(case)
    info = case["_preview"]
    assert (info.withheld_names, info.withheld_fictitious) == (2, 1)
    assert info.documents == () and info.label == result.case_number
    assert "handover.protected" not in actions(w.a)

    full = rich_case(w.a, big_document=False)
    out = w.dir / "full.utvag"
    sections = ("persons", "relatives", "placements", "journal", "documents", "network")
    request = ExportRequest(
        full,
        w.b_at_a,
        sections=sections,
        include_protected=True,
        include_fictitious=True,
        reason="Flytt beslutad, identiteten behövs",
    )
    export_handover(w.a, request, out)
    raw, case = _case_json(w, out)
    assert case["person"]["name"] == "Jonas Jönsson"
    assert case["person"]["personnummer"] == "19850202-9807"
    assert case["person"]["fictitious_identity"] == {"name": "Erik Fiktivsson"}
    assert case["placements"][0]["address"]["street"] == "Lönnvägen 4"
    assert [e["text"] for e in case["journal"]] == ["Första samtal (fiktivt)."]  # not the erroneous
    assert not {"consents", "threat_assessments", "interventions"} & set(case)
    info = case["_preview"]
    assert (info.withheld_names, info.withheld_addresses, info.withheld_fictitious) == (0, 0, 0)
    assert [d.member for d in info.documents] == ["documents/0001.bin"]
    entry = w.a.audit.entries(action="handover.protected")[-1]
    assert entry.details["reason"].startswith("Flytt beslutad") and entry.details["person_ids"]
    assert entry.details["placement_ids"] and entry.details["fictitious_person_ids"]


def test_conflicts_need_an_acknowledgement(world: World) -> None:
    w = world
    other = placed_case(w.a, IRON, "Lund")
    label = case_summary(w.a, other).label
    case = rich_case(w.a)
    request, out = ExportRequest(case, w.b_at_a), w.dir / "conflict.utvag"
    preview = preview_export(w.a, request)
    assert preview.conflicts.case_labels == (label,)
    before = snapshot(w.a, w.dir)
    with pytest.raises(NetworkConflictError) as info:
        export_handover(w.a, request, out)
    assert label in str(info.value) and info.value.report.case_ids == (other,)
    assert snapshot(w.a, w.dir) == before
    result = export_handover(w.a, request, out, acknowledge_conflicts=True)
    assert (
        result.conflicts_acknowledged == 1 and handovers(w.a, case)[0].conflicts_acknowledged == 1
    )
    entry = w.a.audit.entries(action="handover.conflicts_acknowledged")[-1]
    assert entry.details == {
        "bundle_id": result.bundle_id,
        "case_id": case,
        "case_ids": [other],
        "direction": "export",
        "window_months": 24,
    }


def test_progress_and_cancel(world: World) -> None:
    w = world
    case = rich_case(w.a, big_document=True)
    cases_before = snapshot(w.a, w.dir)
    request = ExportRequest(case, w.b_at_a, sections=("documents",), expires_days=1)
    out = w.dir / "big.utvag"

    def cancel(done: int, total: int) -> None:
        raise HandoverCancelledError()

    # the other exports' conflicts (IRON placed in Lund) are acknowledged here
    with pytest.raises(HandoverCancelledError):
        export_handover(w.a, request, out, acknowledge_conflicts=True, progress=cancel)
    assert snapshot(w.a, w.dir) == cases_before and not out.exists()
    seen: list[tuple[int, int]] = []
    export_handover(
        w.a, request, out, acknowledge_conflicts=True, progress=lambda d, t: seen.append((d, t))
    )
    total = seen[-1][1]
    assert total > len(BIG) and seen[-1][0] == total and len(seen) > 10
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert out.stat().st_size > len(BIG)
