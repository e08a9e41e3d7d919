"""After an interruption (issue 19): a bundle or receipt recorded but not in place is
written again byte-identical from its recipe; the same export or decision run again writes
the owed file and never a second bundle; a bundle never written can be cancelled; a lost
receipt is written again (identical while valid, else freshly signed with the same content).

The kill itself is exercised for real in tests/reliability/test_fault_injection.py (strace
kills at every fsync, rename and write). Here the state a kill leaves *when the finished
temp file is lost as well* is set up directly: the file removed and its outbox row set back
to "sealed" — what the store knows after such a kill.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from storage.casefile import cases
from storage.casework.gallring import run_gallring
from storage.records.enums import CaseStatus
from storage.vault.store import Store
from sync.bundle import (
    outbox,
    rewrite,
)
from sync.bundle.errors import (
    BundleNotRewritableError,
    ReplayedBundleError,
    SequenceRollbackError,
)
from sync.handover.errors import (
    HandoverAlreadyDecidedError,
    HandoverNotCancellableError,
    HandoverNotWrittenError,
    HandoverPendingError,
    ReceiptAlreadyRecordedError,
    ReceivedHandoverUnknownError,
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
from sync.handover.received import (
    received_handovers,
    write_receipt,
)
from sync.handover.records import (
    handovers,
    pending_handover,
)
from sync.handover.resume import (
    cancel_unwritten,
    resume_decision,
)
from tests.test_handover_support import (
    World,
    actions,
    rich_case,
    snapshot,
    store_template,
    world,
)

__all__ = ["store_template", "world"]
SECTIONS = ("relatives", "consents", "documents")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _owed(store: Store, bundle_id: str, path: Path) -> None:
    """What a kill between the commit and the rename leaves when the temp file is gone too."""
    path.unlink()
    with store.transaction():
        store.conn.execute(
            "UPDATE sync_outbox SET state = 'sealed' WHERE bundle_id = ?", (bundle_id,)
        )


def _sealed_count(store: Store) -> int:
    return int(store.conn.execute("SELECT count(*) FROM sync_sealed_bundles").fetchone()[0])


def _export(w: World, name: str, **kw: object) -> tuple[int, ExportRequest, Path, str]:
    case = rich_case(w.a)
    request = ExportRequest(case, w.b_at_a, sections=SECTIONS, **kw)  # type: ignore[arg-type]
    out = w.dir / name
    return case, request, out, export_handover(w.a, request, out).bundle_id


def test_a_lost_bundle_is_written_again_byte_identical_at_the_next_start(world: World) -> None:
    w = world
    case, _request, out, bundle_id = _export(w, "lost.utvag")
    original, digest = out.read_bytes(), _sha(out)
    found = outbox.entry(w.a, bundle_id)
    assert found is not None and found.placed and found.rewritable and found.target == out
    assert found.sha256 == digest == handovers(w.a, case)[0].bundle_sha256
    _owed(w.a, bundle_id, out)
    assert handovers(w.a, case)[0].bundle_written is False

    report = rewrite.reconcile_outbox(w.a)
    assert report.placed == [bundle_id] and out.read_bytes() == original
    assert outbox.entry(w.a, bundle_id).placed  # type: ignore[union-attr]
    placed = w.a.audit.entries(action="bundle.placed")[-1]
    assert placed.subject == f"bundle:{bundle_id}" and placed.details["sha256"] == digest
    assert not [p for p in w.dir.iterdir() if p.name.endswith(".tmp")]
    preview = preview_import(w.b, out)  # the receiver opens exactly that bundle
    assert preview.bundle_id == bundle_id
    preview.discard()


def test_the_same_export_again_writes_that_bundle_never_a_second(world: World) -> None:
    w = world
    case, request, out, bundle_id = _export(w, "again.utvag")
    sealed = _sealed_count(w.a)
    digest = _sha(out)
    _owed(w.a, bundle_id, out)
    # other choices: refused, and told how to go on
    with pytest.raises(HandoverNotWrittenError) as info:
        export_handover(w.a, ExportRequest(case, w.b_at_a, sections=("relatives",)), out)
    assert bundle_id in str(info.value) and "handover cancel" in str(info.value)
    # the same choices, another file (the first folder may be gone): that very bundle
    elsewhere = w.dir / "elsewhere.utvag"
    result = export_handover(w.a, request, elsewhere)
    assert result.resumed and result.bundle_id == bundle_id and _sha(elsewhere) == digest
    assert _sealed_count(w.a) == sealed and len(handovers(w.a, case)) == 1
    assert actions(w.a)[-1] == "handover.written_again"
    # written now: the same run again finds it; a third file is refused as before
    assert export_handover(w.a, request, elsewhere).resumed
    elsewhere.unlink()
    assert _sha(export_handover(w.a, request, elsewhere).path) == digest
    before = snapshot(w.a, w.dir)
    with pytest.raises(HandoverPendingError):
        export_handover(w.a, request, w.dir / "third.utvag")
    assert snapshot(w.a, w.dir) == before


def test_only_a_bundle_never_written_can_be_cancelled(world: World) -> None:
    w = world
    case, _request, out, bundle_id = _export(w, "cancel.utvag")
    handover = handovers(w.a, case)[0]
    before = snapshot(w.a, w.dir)
    with pytest.raises(HandoverNotCancellableError):
        cancel_unwritten(w.a, handover.id, "Fel delar valda")
    assert snapshot(w.a, w.dir) == before
    _owed(w.a, bundle_id, out)
    record = cancel_unwritten(w.a, handover.id, "Fel delar valda")
    assert record.display_state == "cancelled" and record.cancel_reason == "Fel delar valda"
    assert pending_handover(w.a, case) is None
    entry = w.a.audit.entries(action="handover.cancel")[-1]
    assert entry.details["bundle_id"] == bundle_id and entry.details["reason"] == "Fel delar valda"
    with pytest.raises(BundleNotRewritableError):  # the recipe (and its file key) is gone
        rewrite.write_again(w.a, bundle_id, out)
    assert w.a.conn.execute(
        "SELECT file_key FROM sync_outbox WHERE bundle_id = ?", (bundle_id,)
    ).fetchone() == (None,)
    assert rewrite.reconcile_outbox(w.a).not_written == [bundle_id]  # never written now
    assert not out.exists()
    again = export_handover(w.a, ExportRequest(case, w.b_at_a, sections=("relatives",)), out)
    assert again.bundle_id != bundle_id and not again.resumed


def test_a_lost_receipt_is_written_again_identical_then_freshly_signed(world: World) -> None:
    w = world
    case, _request, out, bundle_id = _export(w, "receipt-case.utvag")
    receipt = w.dir / "kvitto-1.utvag"
    accepted = accept_import(w.b, preview_import(w.b, out), receipt_out=receipt)
    first = receipt.read_bytes()
    [row] = [r for r in received_handovers(w.b) if r.bundle_id == bundle_id]
    assert (row.status, row.case_number, row.receipt_written) == (
        "accepted",
        accepted.case_number,
        True,
    )

    again = w.dir / "kvitto-2.utvag"
    written = write_receipt(w.b, accepted.case_number, again)  # by the case it became
    assert written.mode == "identical" and again.read_bytes() == first
    assert written.receipt_bundle_id == accepted.receipt_bundle_id
    entry = w.b.audit.entries(action="handover.receipt_written")[-1]
    assert entry.details["mode"] == "identical" and entry.details["bundle_id"] == bundle_id

    # past its validity (or signed by a key rotated away): the same content, freshly signed
    with w.b.transaction():
        w.b.conn.execute(
            "UPDATE sync_outbox SET expires = '2000-01-01T00:00:00Z' WHERE bundle_id = ?",
            (accepted.receipt_bundle_id,),
        )
    fresh = w.dir / "kvitto-3.utvag"
    resealed = write_receipt(w.b, bundle_id, fresh)  # by the bundle id
    assert resealed.mode == "resealed" and resealed.receipt_bundle_id != written.receipt_bundle_id
    assert resealed.previous_receipt_bundle_id == accepted.receipt_bundle_id
    old_json = outbox.member_bytes(w.b, accepted.receipt_bundle_id, "receipt.json")
    new_json = outbox.member_bytes(w.b, resealed.receipt_bundle_id, "receipt.json")
    assert old_json is not None and new_json is not None
    assert json.loads(old_json) == json.loads(new_json)  # same bundle, hash, status, time
    assert w.b.audit.entries(action="handover.receipt_written")[-1].details["mode"] == "resealed"

    result = import_receipt(w.a, fresh)  # the sender accepts the fresh one
    assert result.accepted and cases.get_case(w.a, case).status is CaseStatus.HANDED_OVER
    with pytest.raises(SequenceRollbackError):  # the older receipt: never recorded as well
        import_receipt(w.a, receipt)
    with pytest.raises(ReceiptAlreadyRecordedError):  # the same one again: named as such
        import_receipt(w.a, fresh)
    # the sender's recipe of the answered bundle is gone
    assert not outbox.entry(w.a, bundle_id).rewritable  # type: ignore[union-attr]


def test_a_receipt_from_before_recipes_is_sealed_from_the_record(world: World) -> None:
    """Stores that accepted or refused before schema step 9 kept no recipe: the receipt is
    sealed afresh from the case's provenance, or from the audited refusal."""
    w = world
    _case, _request, out, bundle_id = _export(w, "legacy.utvag")
    accepted = accept_import(w.b, preview_import(w.b, out), receipt_out=w.dir / "legacy-k.utvag")
    _case2, _request2, out2, refused_id = _export(w, "legacy-refused.utvag")
    refuse_import(w.b, preview_import(w.b, out2), "Ingen plats", receipt_out=w.dir / "lr.utvag")
    with w.b.transaction():
        w.b.conn.execute("DELETE FROM sync_outbox WHERE answers IN (?, ?)", (bundle_id, refused_id))
    assert [r.receipt_bundle_id for r in received_handovers(w.b) if r.bundle_id == bundle_id] == [
        None
    ]
    written = write_receipt(w.b, accepted.case_number, w.dir / "legacy-new.utvag")
    assert written.mode == "resealed" and written.previous_receipt_bundle_id is None
    assert import_receipt(w.a, written.path).accepted
    refused = write_receipt(w.b, refused_id, w.dir / "legacy-refused-new.utvag")
    assert refused.status == "refused"
    result = import_receipt(w.a, refused.path)
    assert not result.accepted and result.reason == "Ingen plats"
    with pytest.raises(ReceivedHandoverUnknownError):
        write_receipt(w.b, "UV-1999-0001", w.dir / "none.utvag")


def test_the_same_decision_again_writes_its_receipt(world: World) -> None:
    w = world
    _case, _request, out, bundle_id = _export(w, "decide.utvag")
    receipt = w.dir / "decide-k.utvag"
    accepted = accept_import(w.b, preview_import(w.b, out), receipt_out=receipt)
    digest = _sha(receipt)
    _owed(w.b, accepted.receipt_bundle_id, receipt)
    with pytest.raises(ReplayedBundleError) as seen:
        preview_import(w.b, out)
    assert seen.value.params["bundle"] == bundle_id
    before = snapshot(w.b, w.dir)
    with pytest.raises(HandoverAlreadyDecidedError):  # the other decision: refused
        resume_decision(w.b, bundle_id, accept=False, receipt_out=receipt)
    assert snapshot(w.b, w.dir) == before
    again = resume_decision(w.b, bundle_id, accept=True, receipt_out=receipt)
    assert again.resumed and _sha(receipt) == digest and again.case_id == accepted.case_id  # type: ignore[union-attr]
    assert resume_decision(w.b, bundle_id, accept=True, receipt_out=receipt).resumed
    with pytest.raises(HandoverAlreadyDecidedError) as where:  # written: only to that file
        resume_decision(w.b, bundle_id, accept=True, receipt_out=w.dir / "other.utvag")
    assert receipt.name in str(where.value) and "receipt write" in str(where.value)


def test_the_recipe_goes_with_its_case_at_gallring(world: World) -> None:
    """What it takes to write a bundle again (its file key, case.json) never outlives the
    case: the outbox rows cascade with the handover that gallring deletes."""
    w = world
    case, _request, out, bundle_id = _export(w, "gallring.utvag")
    linked = w.a.conn.execute(
        "SELECT o.handover_id = h.id FROM sync_outbox o JOIN handovers h ON h.bundle_id = "
        "o.bundle_id WHERE o.bundle_id = ?",
        (bundle_id,),
    ).fetchone()
    assert linked == (1,)  # the export linked its bundle to the handover
    accept_import(w.b, preview_import(w.b, out), receipt_out=w.dir / "gallring-k.utvag")
    import_receipt(w.a, w.dir / "gallring-k.utvag")
    assert cases.get_case(w.a, case).status is CaseStatus.HANDED_OVER
    assert outbox.entry(w.a, bundle_id) is not None
    run_gallring(w.a, on=dt.date.today() + dt.timedelta(days=6 * 366))
    assert outbox.entry(w.a, bundle_id) is None
    left = w.a.conn.execute(
        "SELECT count(*) FROM sync_outbox_members WHERE bundle_id = ?", (bundle_id,)
    ).fetchone()[0]
    assert left == 0
