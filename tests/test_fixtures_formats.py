"""The saved files of today's formats still open with today's code (tests/fixtures/README.md).

Backup v1, bundle v1 (valid and tampered) with its sender and receiver stores, receipt v1
and contact card v1 were written once by devtools/make_fixtures.py and are never made
again; each ``<format>-v1.json`` says what its files hold and which typed error each
tampered copy must give. Bundles and receipts expire, so they are opened at the moment the
.json names (``open_at``, inside their validity): the tests pass in ten years too.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from storage.backup.backups import verify_backup
from storage.backup.restore import restore_backup
from storage.casefile import (
    cases,
    documents,
    journal,
    search,
)
from storage.casefile.case_list import list_case_ids
from storage.casefile.protection import reveal
from storage.errors import UtvagError
from storage.records import CaseStatus
from storage.schema import LATEST
from storage.vault.opening import unlock_store
from storage.vault.store import Store
from sync.bundle.errors import BundleExpiredError
from sync.handover.importing import (
    accept_import,
    preview_import,
)
from sync.handover.receipts import import_receipt
from sync.handover.records import (
    ACCEPTED,
    AWAITING,
    case_provenance,
    handover_by_bundle,
)
from sync.trust import (
    contacts,
    identity,
)
from sync.trust.contacts import (
    UNVERIFIED,
    VERIFIED,
)
from sync.wire.fields import parse_time
from tests.test_handover_support import snapshot
from tests.test_store_support import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return data


BACKUP = load("backup-v1.json")
BUNDLE = load("bundle-v1.json")
RECEIPT = load("receipt-v1.json")
CARD = load("card-v1.json")


def at(text: str) -> datetime:
    return parse_time(text, ValueError)


def error_class(dotted: str) -> type[UtvagError]:
    module, _, name = dotted.rpartition(".")
    cls = getattr(importlib.import_module(module), name)
    assert isinstance(cls, type) and issubclass(cls, UtvagError), dotted
    return cls


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def copy_store(name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    shutil.copytree(FIXTURES / name, path)
    for p in (path, *path.iterdir()):  # as a git checkout leaves it: 0755 / 0644
        p.chmod(0o755 if p.is_dir() else 0o644)
    return path


def case_with_number(store: Store, number: str) -> int:
    [case_id] = [i for i in list_case_ids(store) if cases.get_case(store, i).case_number == number]
    return case_id


def has_marker(store: Store, case_id: int, marker: str) -> bool:
    return any(marker in t.current.text for t in journal.journal(store, case_id))


def unchanged_saved_files(*names: tuple[str, str]) -> None:
    """The saved files are the ones the .json describes (a fixture is never remade)."""
    for name, digest in names:
        assert sha256(FIXTURES / name) == digest, f"{name} was changed: add a new fixture instead"


# ---------------------------------------------------------------- backup v1


def test_backup_v1_verifies_and_restores(tmp_path: Path) -> None:
    info = BACKUP
    unchanged_saved_files((info["file"], info["sha256"]))
    path = tmp_path / info["file"]
    shutil.copyfile(FIXTURES / info["file"], path)
    shallow = verify_backup(path)
    assert shallow.ok and not shallow.deep
    report = verify_backup(path, recovery_code=info["recovery_code"])
    assert report.ok and report.deep, report.problems
    assert report.manifest is not None
    assert (report.manifest.store_id, report.manifest.schema_version) == (
        info["store_id"],
        info["schema"],
    )

    new_passphrase = "a new passphrase for the restored fixture"
    result = restore_backup(
        path, tmp_path / "restored", info["recovery_code"], new_passphrase, actor="restorer"
    )
    assert (result.store_id, result.device_key, result.audit_ok) == (info["store_id"], False, True)
    with unlock_store(tmp_path / "restored", new_passphrase, actor="after restore") as store:
        assert store.schema_version == LATEST
        case_id = case_with_number(store, info["case_number"])
        assert reveal(store, case_id, "name", "fixture test") == info["person"]
        assert has_marker(store, case_id, info["marker"])
        assert search.search_case_ids(store, info["marker"].split()[-1]) == [case_id]
        assert "backup.restore" in [e.action for e in store.audit.entries()]
        report_after = store.check()
        assert report_after.ok, report_after.problems


# ---------------------------------------------------------------- bundle v1

OPEN_AT = at(BUNDLE["open_at"])
SAVED_BUNDLE = FIXTURES / BUNDLE["bundle"]["file"]


def open_copy(role: str, tmp_path: Path) -> Store:
    saved = BUNDLE[role]
    path = copy_store(saved["store"], tmp_path)
    return unlock_store(path, saved["passphrase"], actor=saved["caseworker"])


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Store]:
    """A copy of the saved receiving store (it knows the sender as a verified contact)."""
    with open_copy("receiver", tmp_path) as store:
        yield store


@pytest.fixture
def sender(tmp_path: Path) -> Iterator[Store]:
    """A copy of the saved sending store (its handover awaits the receipt)."""
    with open_copy("sender", tmp_path) as store:
        yield store


def test_receiver_previews_and_accepts_the_saved_bundle(receiver: Store, tmp_path: Path) -> None:
    b, s = BUNDLE["bundle"], BUNDLE["sender"]
    unchanged_saved_files((b["file"], b["sha256"]))
    assert contacts.get_contact(receiver, BUNDLE["receiver"]["sender_contact_id"]).status == (
        VERIFIED
    )
    preview = preview_import(receiver, SAVED_BUNDLE, now=OPEN_AT)
    assert (preview.bundle_id, preview.kind, preview.sender_fingerprint) == (
        b["bundle_id"],
        b["kind"],
        s["fingerprint"],
    )
    assert (preview.sender.municipality, preview.sender.unit, preview.sender.caseworker) == (
        s["municipality"],
        s["unit"],
        s["caseworker"],
    )
    assert (preview.created, preview.expires, preview.case_ref, preview.legal_basis) == (
        b["created"],
        b["expires"],
        b["case_ref"],
        b["legal_basis"],
    )
    assert [name for name, _size in preview.members] == b["members"]
    assert preview.case.sections == tuple(b["sections"])
    assert not preview.conflicts.has_conflicts

    result = accept_import(receiver, preview, receipt_out=tmp_path / "receipt.utvag")
    case = BUNDLE["case"]
    assert reveal(receiver, result.case_id, "name", "fixture test") == case["person"]
    assert has_marker(receiver, result.case_id, case["marker"])
    [doc] = documents.documents(receiver, result.case_id)
    assert documents.document_content(receiver, doc.id).decode() == case["document"]
    provenance = case_provenance(receiver, result.case_id)
    assert provenance is not None
    assert (provenance.bundle_id, provenance.bundle_sha256, provenance.sender_fingerprint) == (
        b["bundle_id"],
        b["sha256"],
        s["fingerprint"],
    )
    assert result.receipt_path.is_file()


def test_the_saved_bundle_is_refused_from_its_expiry_on(receiver: Store) -> None:
    """The injected clock is what the expiry is checked against."""
    before = snapshot(receiver, receiver.path)
    with pytest.raises(BundleExpiredError):
        preview_import(receiver, SAVED_BUNDLE, now=at(BUNDLE["bundle"]["expires"]))
    assert snapshot(receiver, receiver.path) == before


@pytest.mark.parametrize("tampered", BUNDLE["tampered"], ids=lambda t: t["file"])
def test_a_tampered_bundle_is_refused_and_changes_nothing(
    receiver: Store, tampered: dict[str, str]
) -> None:
    before = snapshot(receiver, receiver.path)
    with pytest.raises(UtvagError) as refused:
        preview_import(receiver, FIXTURES / tampered["file"], now=OPEN_AT)
    assert type(refused.value) is error_class(tampered["error"]), repr(refused.value)
    assert snapshot(receiver, receiver.path) == before
    preview_import(receiver, SAVED_BUNDLE, now=OPEN_AT).discard()  # nothing was burnt


def stock_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        reason = f"the stock {name} program is missing (apt: age minisign)"
        if os.environ.get("UTVAG_REQUIRE_AGE") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    return path


def test_stock_age_and_minisign_open_the_saved_bundle(receiver: Store, tmp_path: Path) -> None:
    """An independent peer: the receiver's age key and the sender's public key are enough."""
    age, minisign = stock_tool("age"), stock_tool("minisign")
    b = BUNDLE["bundle"]
    key = tmp_path / "key.txt"
    key.write_text(identity.export_age_identity(receiver))
    key.chmod(0o600)
    tar = tmp_path / "bundle.tar"
    subprocess.run(
        [age, "-d", "-i", str(key), "-o", str(tar), str(SAVED_BUNDLE)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    with tarfile.open(tar) as archive:
        names = archive.getnames()
        members = {n: archive.extractfile(n).read() for n in names}  # type: ignore[union-attr]
    assert names == ["manifest.json", "manifest.json.minisig", *b["members"]]
    manifest = json.loads(members["manifest.json"])
    assert (manifest["bundle_id"], manifest["expires"]) == (b["bundle_id"], b["expires"])
    for name in ("manifest.json", "manifest.json.minisig"):
        (tmp_path / name).write_bytes(members[name])
    sender_key = contacts.get_contact(receiver, BUNDLE["receiver"]["sender_contact_id"]).keys
    checked = subprocess.run(
        [minisign, "-V", "-H", "-P", sender_key.minisign, "-m", str(tmp_path / "manifest.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert f"id={b['bundle_id']} kind=handover seq={b['sequence']}" in checked.stdout
    flipped = next(t for t in BUNDLE["tampered"] if t["error"].endswith("PayloadAuthError"))
    refused = subprocess.run(
        [age, "-d", "-i", str(key), "-o", os.devnull, str(FIXTURES / flipped["file"])],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert refused.returncode != 0


# ---------------------------------------------------------------- receipt v1

SAVED_RECEIPT = FIXTURES / RECEIPT["file"]


def test_the_sender_imports_the_saved_receipt(sender: Store) -> None:
    unchanged_saved_files((RECEIPT["file"], RECEIPT["sha256"]))
    assert RECEIPT["answers_bundle_id"] == BUNDLE["bundle"]["bundle_id"]
    record = handover_by_bundle(sender, RECEIPT["answers_bundle_id"])
    assert record is not None and record.state == AWAITING
    result = import_receipt(sender, SAVED_RECEIPT, now=at(RECEIPT["open_at"]))
    assert result.accepted and result.status == RECEIPT["status"]
    assert (result.bundle_id, result.receipt_bundle_id) == (
        RECEIPT["answers_bundle_id"],
        RECEIPT["bundle_id"],
    )
    r = BUNDLE["receiver"]
    assert (result.receiver_municipality, result.receiver_unit, result.receiver_caseworker) == (
        r["municipality"],
        r["unit"],
        r["caseworker"],
    )
    assert result.case_status is CaseStatus.HANDED_OVER and result.status_changed
    case_id = case_with_number(sender, BUNDLE["sender"]["case_number"])
    assert cases.get_case(sender, case_id).status is CaseStatus.HANDED_OVER
    after = handover_by_bundle(sender, RECEIPT["answers_bundle_id"])
    assert after is not None and after.state == ACCEPTED


@pytest.mark.parametrize("tampered", RECEIPT["tampered"], ids=lambda t: t["file"])
def test_a_tampered_receipt_is_refused_and_changes_nothing(
    sender: Store, tampered: dict[str, str]
) -> None:
    now = at(RECEIPT["open_at"])
    before = snapshot(sender, sender.path)
    with pytest.raises(UtvagError) as refused:
        import_receipt(sender, FIXTURES / tampered["file"], now=now)
    assert type(refused.value) is error_class(tampered["error"]), repr(refused.value)
    assert snapshot(sender, sender.path) == before
    assert import_receipt(sender, SAVED_RECEIPT, now=now).accepted  # the real one still counts


# ---------------------------------------------------------------- contact card v1

SAVED_CARD = FIXTURES / CARD["file"]


def test_the_saved_card_parses_and_verifies() -> None:
    card = contacts.read_card(SAVED_CARD.read_bytes())  # checks the self-signature
    assert (card.municipality, card.unit, card.caseworker, card.generation) == (
        CARD["municipality"],
        CARD["unit"],
        CARD["caseworker"],
        CARD["generation"],
    )
    assert (card.keys.key_id_hex, card.fingerprint) == (CARD["key_id"], CARD["fingerprint"])
    assert card.previous is None


def test_the_saved_card_imports_as_a_contact(receiver: Store) -> None:
    contact_id = contacts.import_card(receiver, SAVED_CARD.read_bytes())
    contact = contacts.get_contact(receiver, contact_id)
    assert (contact.municipality, contact.status) == (CARD["municipality"], UNVERIFIED)
    assert contacts.verify_contact(receiver, contact_id, CARD["fingerprint"]).status == VERIFIED


@pytest.mark.parametrize("tampered", CARD["tampered"], ids=lambda t: t["file"])
def test_a_tampered_card_is_refused_and_changes_nothing(
    receiver: Store, tampered: dict[str, str]
) -> None:
    data = (FIXTURES / tampered["file"]).read_bytes()
    with pytest.raises(UtvagError) as parsed:
        contacts.read_card(data)
    assert type(parsed.value) is error_class(tampered["error"]), repr(parsed.value)
    before = snapshot(receiver, receiver.path)
    with pytest.raises(error_class(tampered["error"])):
        contacts.import_card(receiver, data)
    assert snapshot(receiver, receiver.path) == before


def test_every_tampered_file_differs_from_its_original() -> None:
    for originals, info in ((SAVED_BUNDLE, BUNDLE), (SAVED_RECEIPT, RECEIPT), (SAVED_CARD, CARD)):
        original = originals.read_bytes()
        for tampered in info["tampered"]:
            assert (FIXTURES / tampered["file"]).read_bytes() != original
            error_class(tampered["error"])
