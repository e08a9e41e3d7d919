"""Two municipalities end to end through the public API: export, preview, accept with a
receipt, receipt import (överlämnad), refusal, conflicts on import, failures that import
nothing, a forwarded bundle, and a handover bundle opened with stock age + minisign."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from storage.casefile import (
    cases,
    documents,
    journal,
    persons,
)
from storage.casefile.protection import reveal
from storage.casefile.summaries import case_summary
from storage.casework import gallring
from storage.errors import StorageError
from storage.records.enums import CaseStatus
from storage.records.errors import InvalidChoiceError
from storage.registers import groups
from storage.vault.store import Store
from sync.age import (
    decrypt,
    encrypt,
    parse_recipient,
)
from sync.age.errors import NoMatchingIdentityError
from sync.bundle.errors import (
    NotARecipientError,
    ReplayedBundleError,
)
from sync.handover.errors import (
    NetworkConflictError,
    NotAHandoverError,
    NotAReceiptError,
    PreviewClosedError,
    ReceiptAlreadyRecordedError,
    ReceiptStatusError,
    RefusalReasonError,
)
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
)
from sync.handover.importing import (
    accept_import,
    preview_import,
    refuse_import,
)
from sync.handover.receipts import import_receipt
from sync.handover.records import (
    case_provenance,
    handovers,
    pending_handover,
    receipt_proof,
)
from sync.trust import identity
from tests.test_handover_support import (
    EAST,
    PLAN,
    World,
    actions,
    placed_case,
    rich_case,
    snapshot,
    store_template,
    world,
)

__all__ = ["store_template", "world"]
ALL = (
    "relatives",
    "consents",
    "agreements",
    "threat",
    "network",
    "interventions",
    "placements",
    "journal",
    "documents",
    "follow_ups",
)


def _export(w: World, case: int, name: str, **kw: object) -> tuple[Path, str]:
    out = w.dir / name
    result = export_handover(w.a, ExportRequest(case, w.b_at_a, **kw), out)  # type: ignore[arg-type]
    return out, result.bundle_id


def test_accept_with_receipt_then_receipt_import(world: World) -> None:
    w = world
    case = rich_case(w.a)
    path, bundle_id = _export(
        w,
        case,
        "case.utvag",
        sections=ALL,
        include_protected=True,
        reason="Flytt till Lund beslutad",
    )
    number = case_summary(w.a, case).case_number
    preview = preview_import(w.b, path)
    me = identity.get_identity(w.a)
    assert (preview.sender.municipality, preview.sender_fingerprint) == ("Malmö", me.fingerprint)
    assert (preview.kind, preview.case_ref, preview.legal_basis) == ("handover", number, "consent")
    assert preview.case.sections[-3:] == ("journal", "documents", "follow_ups")
    assert [n for n, _ in preview.members] == ["case.json", "documents/0001.bin"]
    assert preview.members[1][1] == len(PLAN) and not preview.conflicts.has_conflicts
    assert preview.case.label == number  # skyddad folkbokföring: the case number only
    receipt = w.dir / "receipt.utvag"
    result = accept_import(w.b, preview, receipt_out=receipt)
    assert receipt.exists() and preview.state == "accepted"
    with pytest.raises(PreviewClosedError):
        accept_import(w.b, preview, receipt_out=w.dir / "twice.utvag")

    new = result.case_id
    got = cases.get_case(w.b, new)
    assert (got.status, got.referral_source, got.caseworker) == (
        CaseStatus.REFERRED,
        "Överlämnat från Malmö",
        "Bertil Berg",
    )
    assert reveal(w.b, new, "name", "test") == "Jonas Jönsson"
    assert reveal(w.b, new, "address", "test") == "Lönnvägen 4, 999 12 Demostad"
    assert reveal(w.b, new, "new_identity", "test") is None  # not chosen
    docs = documents.documents(w.b, new)
    assert [d.title for d in docs] == ["Plan"] and documents.document_content(
        w.b, docs[0].id
    ) == PLAN
    entries = [t.current for t in journal.journal(w.b, new)]
    assert [(e.author, e.imported) for e in entries] == [("Anna Andersson", True)]
    assert len(persons.persons(w.b, new)) == 3
    prov = case_provenance(w.b, new)
    assert prov is not None and prov.bundle_id == bundle_id and prov.sender_case_ref == number
    assert prov.protected_included and prov.receipt_bundle_id == result.receipt_bundle_id
    assert {"handover.accept", "bundle.open", "case.import"} <= set(actions(w.b)[-30:])
    before_b = snapshot(w.b, w.dir)
    with pytest.raises(ReplayedBundleError):
        preview_import(w.b, path)
    assert snapshot(w.b, w.dir) == before_b

    receipt_result = import_receipt(w.a, receipt)
    assert receipt_result.accepted and receipt_result.status_changed
    assert receipt_result.case_status is CaseStatus.HANDED_OVER
    after = cases.get_case(w.a, case)
    assert after.status is CaseStatus.HANDED_OVER and after.closed_on is not None
    due = gallring.add_years(after.closed_on, gallring.GALLRING_YEARS)
    assert receipt_result.gallring_due_on == due
    assert case in [c.case_id for c in gallring.gallring_candidates(w.a)]
    row = handovers(w.a, case)[0]
    assert row.state == "accepted" and row.receipt_bundle_id == result.receipt_bundle_id
    proof = receipt_proof(w.a, row.id)
    assert proof is not None and bundle_id in proof[0] and '"kind": "receipt"' in proof[1]
    assert actions(w.a)[-2:] == ["handover.receipt", "bundle.open"]
    with pytest.raises(ReceiptAlreadyRecordedError) as again:  # the same receipt: named as such
        import_receipt(w.a, receipt)
    assert bundle_id in str(again.value)


def test_refusal_keeps_the_case_at_the_sender(world: World) -> None:
    w = world
    case = rich_case(w.a)
    path, bundle_id = _export(w, case, "refuse.utvag")
    count = w.b.conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    preview = preview_import(w.b, path)
    with pytest.raises(RefusalReasonError):
        refuse_import(w.b, preview, "  ", receipt_out=w.dir / "no.utvag")
    assert preview.state == "open"
    receipt = w.dir / "refused-receipt.utvag"
    refused = refuse_import(
        w.b, preview, "Ingen plats i skyddat boende just nu.", receipt_out=receipt
    )
    assert refused.bundle_id == bundle_id and receipt.exists()
    assert w.b.conn.execute("SELECT count(*) FROM cases").fetchone()[0] == count
    assert w.b.audit.entries(action="handover.refuse")[-1].details["bundle_id"] == bundle_id
    with pytest.raises(ReplayedBundleError):
        preview_import(w.b, path)

    result = import_receipt(w.a, receipt)
    assert not result.accepted and result.reason == "Ingen plats i skyddat boende just nu."
    assert result.case_status is CaseStatus.EMERGENCY_PROTECTION and not result.status_changed
    row = handovers(w.a, case)[0]
    assert (row.state, row.receipt_reason) == ("refused", result.reason)
    assert pending_handover(w.a, case) is None
    reminder = w.a.conn.execute("SELECT text FROM reminders WHERE case_id = ?", (case,)).fetchone()
    assert "vägrades" in reminder[0]
    _export(w, case, "again.utvag")  # the case can be sent again


def test_receipt_and_a_status_changed_meanwhile(world: World) -> None:
    w = world
    moved, closed = rich_case(w.a), rich_case(w.a)
    receipts = []
    for case in (moved, closed):
        path, _ = _export(w, case, f"status-{case}.utvag")
        preview = preview_import(w.b, path)
        out = w.dir / f"status-{case}-receipt.utvag"
        accept_import(w.b, preview, receipt_out=out, acknowledge_conflicts=True)
        receipts.append(out)
    cases.set_status(w.a, moved, "investigation")  # utredning: överlämnad not allowed from here
    cases.set_status(w.a, closed, "closed", outcome="not_applicable")
    before = snapshot(w.a, w.dir)
    with pytest.raises(ReceiptStatusError) as info:
        import_receipt(w.a, receipts[0])
    assert "utredning" in str(info.value) and snapshot(w.a, w.dir) == before
    cases.set_status(w.a, moved, "emergency_protection")
    assert import_receipt(w.a, receipts[0]).case_status is CaseStatus.HANDED_OVER
    result = import_receipt(w.a, receipts[1])
    assert result.accepted and not result.status_changed
    assert result.case_status is CaseStatus.CLOSED and handovers(w.a, closed)[0].state == "accepted"


def test_failures_import_nothing(world: World) -> None:
    w = world
    case = rich_case(w.a)
    shared = "Gemensam (fiktiv)"
    groups.add_group(w.a, name=shared, environment="violent_extremism")
    groups.add_group(w.b, name=shared, environment="honour_context")
    from storage.casefile import assessments

    assessments.add_network_link(
        w.a, case, environment="violent_extremism", group_id=groups.group_id_by_name(w.a, shared)
    )
    path, _ = _export(w, case, "clash.utvag")
    before = snapshot(w.b, w.dir)
    receipt = w.dir / "clash-receipt.utvag"
    for out, error in (
        (w.dir / "missing" / "r.utvag", StorageError),
        (receipt, InvalidChoiceError),
    ):
        preview = preview_import(w.b, path)
        with pytest.raises(error):  # earlier accepted cases are in Lund now: conflicts
            accept_import(w.b, preview, receipt_out=out, acknowledge_conflicts=True)
        assert preview.state == "discarded"
        assert snapshot(w.b, w.dir) == before and not out.exists()
    preview = preview_import(w.b, path)  # nothing was recorded: it can still be refused
    refuse_import(w.b, preview, "Gruppregistren stämmer inte överens.", receipt_out=receipt)

    handover = _export(w, rich_case(w.a), "not-a-receipt.utvag")[0]
    before_b = snapshot(w.b, w.dir)
    with pytest.raises(NotAReceiptError):
        import_receipt(w.b, handover)
    assert snapshot(w.b, w.dir) == before_b
    before_a = snapshot(w.a)
    with pytest.raises(NotAHandoverError):
        preview_import(w.a, receipt)
    assert snapshot(w.a) == before_a


def test_forwarded_bundle_is_refused_by_a_third_store(world: World) -> None:
    w = world
    path, _ = _export(w, rich_case(w.a), "forward.utvag")
    before = snapshot(w.c, w.dir)
    with pytest.raises(NoMatchingIdentityError):
        preview_import(w.c, path)  # the file as it is: not sealed to C
    keys = identity.current_keys(w.b)
    payload = decrypt(path.read_bytes(), [keys.pq, keys.x25519])
    forwarded = w.dir / "forwarded.utvag"
    forwarded.write_bytes(encrypt(payload, [parse_recipient(identity.get_identity(w.c).keys.age)]))
    before = snapshot(w.c, w.dir)
    with pytest.raises(NotARecipientError):
        preview_import(w.c, forwarded)  # re-encrypted to C by B: C is not named
    assert snapshot(w.c, w.dir) == before


def received_cases(store: Store) -> set[int]:
    return {int(r[0]) for r in store.conn.execute("SELECT case_id FROM case_provenance")}


def test_conflict_on_import_needs_an_acknowledgement(world: World) -> None:
    w = world
    theirs = placed_case(w.b, EAST, "Lund", home="Lund")
    label = case_summary(w.b, theirs).label
    path, bundle_id = _export(w, rich_case(w.a), "conflict.utvag")
    before = snapshot(w.b, w.dir)
    preview = preview_import(w.b, path)
    # cases B accepted in earlier tests are B's (in Lund) too now, with the sender's group
    assert label in preview.conflicts.case_labels
    [match] = [m for m in preview.conflicts.matches if m.case_id == theirs]
    assert match.relation == "rival"
    others = [c for c in preview.conflicts.case_ids if c != theirs]
    assert all(c in received_cases(w.b) for c in others)
    with pytest.raises(NetworkConflictError) as info:
        accept_import(w.b, preview, receipt_out=w.dir / "c-receipt.utvag")
    assert label in str(info.value) and snapshot(w.b, w.dir) == before
    preview = preview_import(w.b, path)
    result = accept_import(
        w.b, preview, receipt_out=w.dir / "c-receipt.utvag", acknowledge_conflicts=True
    )
    assert result.conflicts_acknowledged == 1 + len(others)
    entry = w.b.audit.entries(action="handover.conflicts_acknowledged")[-1]
    assert entry.details["direction"] == "import"
    assert sorted(entry.details["case_ids"]) == sorted([theirs, *others])
    assert entry.details["bundle_id"] == bundle_id


def test_handover_bundle_opens_with_stock_tools(world: World, tmp_path: Path) -> None:
    tools = ("age", "minisign", "tar", "sha256sum", "bash")
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        if os.environ.get("UTVAG_REQUIRE_AGE") or os.environ.get("CI"):
            pytest.fail(f"stock tools missing: {missing}")
        pytest.skip(f"stock tools missing: {missing}")
    from tests.test_bundle_interop import run_doc

    w = world
    path, bundle_id = _export(w, rich_case(w.a), "stock.utvag", sections=ALL, post_quantum=False)
    key, card = tmp_path / "key.txt", tmp_path / "malmo.utvagkort"
    key.write_text(identity.export_age_identity(w.b))
    card.write_bytes(identity.export_card(w.a))
    out = run_doc("open", tmp_path, BUNDLE=str(path), KEY=str(key), SENDER_CARD=str(card))
    assert f"id={bundle_id} kind=handover" in out
    assert "case.json: OK" in out and "documents/0001.bin: OK" in out
