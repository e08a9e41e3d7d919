"""Saved fixture files of today's formats, made with today's code (tests/fixtures/README.md).

    .venv/bin/python -m devtools.make_fixtures [--out DIR] [backup] [bundle] [card]

- ``backup``: ``backup-v1.backup`` of a small fictional store, ``backup-v1.json`` (its
  recovery code, passphrase and marker);
- ``bundle``: two stores, ``bundle-v1-sender`` and ``bundle-v1-receiver``, that know each
  other as verified contacts; ``bundle-v1.utvag``, a handover the sender sealed to the
  receiver (X25519, so stock age before 1.3 opens it too), and three tampered copies; the
  receiver's signed receipt for it, ``receipt-v1.utvag``, and two tampered copies;
  ``bundle-v1.json`` and ``receipt-v1.json`` say what each file holds and which error
  each tampered copy must give;
- ``card``: a contact card ``card-v1.utvagkort`` of a third installation and two tampered
  copies, ``card-v1.json``.

File names carry the format's version, taken from the code (``storage.backup.archive.VERSION``,
``sync.bundle.manifest.VERSION``, ``sync.trust.card.CARD_VERSION``): a format change adds new
files beside the old ones. Each group is made in a hidden work folder inside ``--out``
(default tests/fixtures); if any of its names exists already, nothing of that group is
written and the tool exits with status 1: a saved fixture is never regenerated.

Every secret here (passphrases, recovery codes, the stores' identity keys) is fictional and
made for the fixtures alone. The stores are passphrase-only with the minimum Argon2id
parameters, which is fine for fictional data and wrong for real cases.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.backup import archive
from storage.backup.backups import create_backup
from storage.casefile import (
    cases,
    consents,
    documents,
    journal,
    persons,
)
from storage.vault.crypto import KdfParams
from storage.vault.opening import (
    create_store,
    unlock_store,
)
from storage.vault.store import Store
from sync.age import (
    Identity,
    X25519Identity,
    decrypt,
    encrypt,
    parse_recipient,
)
from sync.bundle import manifest as bundle_manifest
from sync.bundle.manifest import (
    MANIFEST_NAME,
    MAX_MEMBERS,
    RECEIPT_MEMBER,
    Manifest,
    parse_manifest,
)
from sync.handover.exporting import (
    ExportRequest,
    export_handover,
)
from sync.handover.importing import (
    accept_import,
    preview_import,
)
from sync.handover.sections import (
    DEFAULT_SECTIONS,
    DOCUMENTS,
    JOURNAL,
)
from sync.trust import (
    card,
    contacts,
    identity,
)
from sync.trust.identity import IdentityKeys
from sync.wire.fields import format_time
from sync.wire.ustar import read_small_archive

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
#: ``receipt.json``'s "version" (sync/bundle/receipt.py writes 1; no constant names it).
RECEIPT_VERSION = 1
#: Members of a decrypted receipt or bundle that this tool reads back (small files only).
_SMALL_MEMBER = 16 * 1024 * 1024

Files = dict[str, Path]  # final name -> where it waits in the work folder
Edit = Callable[[bytes], bytes]  # a change to a decrypted archive


class Refused(Exception):
    """A fixture of that name exists already; nothing of the group was written."""


def commit() -> str:
    """The commit the fixtures are made from (``+dirty`` if the tree had changes)."""
    try:
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def made_with() -> dict[str, str]:
    return {
        "tool": "devtools/make_fixtures.py",
        "commit": commit(),
        "date": dt.date.today().isoformat(),
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def new_store(path: Path, passphrase: str, actor: str) -> tuple[Store, str]:
    """A passphrase-only store with the minimum KDF; returns it open and its recovery code."""
    return create_store(
        path, passphrase, actor=actor, use_device_key=False, kdf=KdfParams.minimum()
    )


def close_for_good(store: Store) -> None:
    """Close the store and drop its lock file (made again at every unlock)."""
    store.close()
    (store.path / "store.lock").unlink(missing_ok=True)


def marker(name: str) -> str:
    """A marker with 16 random bytes, to find again after every step."""
    return f"fixture marker {name} {secrets.token_hex(16)}"


def flip(data: bytes, offset: int) -> bytes:
    """``data`` with the lowest bit of one byte flipped."""
    out = bytearray(data)
    out[offset] ^= 0x01
    return bytes(out)


def replace_once(data: bytes, old: bytes, new: bytes) -> bytes:
    """Replace ``old`` (exactly once in ``data``) by ``new`` of the same length."""
    if data.count(old) != 1 or len(old) != len(new):
        raise AssertionError(f"cannot replace {old!r} exactly once in place")
    return data.replace(old, new)


def one_year_later(time_text: str) -> str:
    """``2026-12-20T10:00:00Z`` -> ``2027-12-20T10:00:00Z`` (same length)."""
    return f"{int(time_text[:4]) + 1:04d}{time_text[4:]}"


def read_members(tar: bytes) -> dict[str, bytes]:
    parts = read_small_archive(tar, max_members=MAX_MEMBERS + 2, max_member_size=_SMALL_MEMBER)
    return dict(parts)


def opened_manifest(data: bytes, identities: list[Identity]) -> Manifest:
    """The manifest inside an age-encrypted bundle we hold a key for (already verified)."""
    return parse_manifest(read_members(decrypt(data, identities))[MANIFEST_NAME])


def reencrypted(data: bytes, identities: list[Identity], recipient: str, edit: Edit) -> bytes:
    """Decrypt, change the archive with ``edit``, encrypt again to ``recipient``: what anyone
    holding only the recipient's public age key can do."""
    return encrypt(edit(decrypt(data, identities)), [parse_recipient(recipient)])


# ---------------------------------------------------------------- backup


def make_backup(work: Path) -> Files:
    name = f"backup-v{archive.VERSION}"
    passphrase = f"fixture passphrase {name}"
    mark = marker(name)
    store, code = new_store(work / "store", passphrase, "fixture")
    try:
        case_id = cases.create_case(
            store,
            case_type="young_at_risk",
            home_municipality="Sundsvall",
            opened_on=dt.date.today() - dt.timedelta(days=90),
        )
        persons.add_person(store, case_id, name="Bo Backupsson", birth_year=2006, gender="male")
        journal.add_journal_entry(store, case_id, f"Samtal med skolan (fiktivt). {mark}")
        number = cases.get_case(store, case_id).case_number
        info = create_backup(store, work / f"{name}.backup", passphrase)
    finally:
        close_for_good(store)
    write_json(
        work / f"{name}.json",
        {
            "format": archive.FORMAT,
            "version": archive.VERSION,
            "file": f"{name}.backup",
            "made_with": made_with(),
            "store_id": info.manifest.store_id,
            "created": info.manifest.created,
            "schema": info.manifest.schema_version,
            "sha256": info.sha256,
            "passphrase": passphrase,
            "recovery_code": code,
            "marker": mark,
            "case_number": number,
            "person": "Bo Backupsson",
        },
    )
    return {f"{name}.backup": work / f"{name}.backup", f"{name}.json": work / f"{name}.json"}


# ---------------------------------------------------------------- bundle and receipt

SENDER = ("Örebro", "Avhopparverksamheten (fiktiv)", "Sara Sändare")
RECEIVER = ("Västerås", "Exit Västerås (fiktiv)", "Rolf Mottagare")
PERSON = "Fiktiv Flyttsson"
PLAN = b"Flyttplan (fiktiv)\n"


def _sender_case(store: Store, mark: str) -> int:
    today = dt.date.today()
    case_id = cases.create_case(
        store,
        case_type="defector",
        home_municipality=SENDER[0],
        referral_source="Polisen (fiktiv)",
        opened_on=today - dt.timedelta(days=60),
    )
    principal = persons.add_person(store, case_id, name=PERSON, birth_year=1996, gender="male")
    consents.add_consent(
        store,
        case_id,
        agencies=["Polisen"],
        municipalities=[SENDER[0], RECEIVER[0]],
        signed_on=today - dt.timedelta(days=10),
        expires_on=today + dt.timedelta(days=300),
        person_id=principal,
    )
    journal.add_journal_entry(store, case_id, f"Samtal om flytten (fiktivt). {mark}")
    documents.add_document(
        store, case_id, title="Flyttplan (fiktiv)", filename="flyttplan.txt", content=PLAN
    )
    cases.set_status(store, case_id, "emergency_protection")
    return case_id


def _keys(store: Store) -> tuple[IdentityKeys, list[Identity]]:
    keys = identity.current_keys(store)
    return keys, [keys.x25519, keys.pq]


def make_bundle(work: Path) -> Files:
    v = bundle_manifest.VERSION
    name, rname = f"bundle-v{v}", f"receipt-v{RECEIPT_VERSION}"
    s_pass, r_pass = f"fixture passphrase {name} sender", f"fixture passphrase {name} receiver"
    mark = marker(name)
    sender, s_code = new_store(work / f"{name}-sender", s_pass, SENDER[2])
    receiver, r_code = new_store(work / f"{name}-receiver", r_pass, RECEIVER[2])
    try:
        identity.ensure_identity(sender, *SENDER)
        identity.ensure_identity(receiver, *RECEIVER)
        r_at_s = contacts.import_card(sender, identity.export_card(receiver))
        s_at_r = contacts.import_card(receiver, identity.export_card(sender))
        contacts.verify_contact(sender, r_at_s, identity.get_identity(receiver).fingerprint)
        contacts.verify_contact(receiver, s_at_r, identity.get_identity(sender).fingerprint)
        case_id = _sender_case(sender, mark)
        s_number = cases.get_case(sender, case_id).case_number
        request = ExportRequest(
            case_id,
            r_at_s,
            sections=(*DEFAULT_SECTIONS, JOURNAL, DOCUMENTS),
            post_quantum=False,  # stock age before 1.3 (Debian's 1.1) opens it too
        )
        exported = export_handover(sender, request, work / f"{name}.utvag")
        s_keys, s_ids = _keys(sender)
        r_keys, r_ids = _keys(receiver)
    finally:
        close_for_good(sender)
        close_for_good(receiver)

    bundle = exported.path.read_bytes()
    m = opened_manifest(bundle, list(r_ids))
    open_at = format_time(m.created + dt.timedelta(minutes=1))

    # the receiver accepts it in a throwaway copy: that copy writes the receipt
    shutil.copytree(work / f"{name}-receiver", work / "receiver-accepts")
    with unlock_store(work / "receiver-accepts", r_pass, actor=RECEIVER[2]) as copy:
        preview = preview_import(copy, exported.path)
        accepted = accept_import(copy, preview, receipt_out=work / f"{rname}.utvag")
    shutil.rmtree(work / "receiver-accepts")
    receipt = accepted.receipt_path.read_bytes()
    rm = opened_manifest(receipt, list(s_ids))

    r_age, s_age = r_keys.info.keys.age, s_keys.info.keys.age_recipients()[-1]
    files: Files = {}

    def save(file_name: str, data: bytes) -> None:
        (work / file_name).write_bytes(data)
        files[file_name] = work / file_name

    expires = format_time(m.expires)
    seq = f"seq={m.sequence}".encode()
    tampered = [
        (
            f"{name}-tampered-payload.utvag",
            flip(bundle, len(bundle) - 17),
            "the last byte of the age payload's ciphertext flipped (before its tag)",
            "sync.age.errors.PayloadAuthError",
        ),
        (
            f"{name}-tampered-manifest.utvag",
            reencrypted(
                bundle,
                list(r_ids),
                r_age,
                lambda tar: replace_once(
                    tar,
                    f'"expires": "{expires}"'.encode(),
                    f'"expires": "{one_year_later(expires)}"'.encode(),
                ),
            ),
            "manifest.json's expiry moved one year later, encrypted again to the receiver",
            "sync.signing.errors.BadSignatureError",
        ),
        (
            f"{name}-tampered-comment.utvag",
            reencrypted(
                bundle,
                list(r_ids),
                r_age,
                lambda tar: replace_once(tar, seq + b"\n", f"seq={m.sequence + 1}\n".encode()),
            ),
            "the signature's trusted comment names sequence "
            f"{m.sequence + 1}, encrypted again to the receiver",
            "sync.signing.errors.TrustedCommentTamperedError",
        ),
    ]
    for file_name, data, _change, _error in tampered:
        save(file_name, data)
    received_at = str(
        json.loads(read_members(decrypt(receipt, list(s_ids)))[RECEIPT_MEMBER])["received_at"]
    )
    r_tampered = [
        (
            f"{rname}-tampered-payload.utvag",
            flip(receipt, len(receipt) - 17),
            "the last byte of the age payload's ciphertext flipped (before its tag)",
            "sync.age.errors.PayloadAuthError",
        ),
        (
            f"{rname}-tampered-body.utvag",
            reencrypted(
                receipt,
                list(s_ids),
                s_age,
                lambda tar: replace_once(
                    tar,
                    f'"received_at": "{received_at}"'.encode(),
                    f'"received_at": "{one_year_later(received_at)}"'.encode(),
                ),
            ),
            "receipt.json's received_at moved one year later after signing, encrypted again "
            "to the sender",
            "sync.bundle.errors.MemberHashError",
        ),
    ]
    for file_name, data, _change, _error in r_tampered:
        save(file_name, data)
    files[f"{name}.utvag"] = exported.path
    files[f"{rname}.utvag"] = accepted.receipt_path
    files[f"{name}-sender"] = work / f"{name}-sender"
    files[f"{name}-receiver"] = work / f"{name}-receiver"

    def described(items: list[tuple[str, bytes, str, str]]) -> list[dict[str, str]]:
        return [{"file": f, "change": c, "error": e} for f, _d, c, e in items]

    write_json(
        work / f"{name}.json",
        {
            "format": bundle_manifest.FORMAT,
            "version": v,
            "made_with": made_with(),
            "open_at": open_at,
            "sender": {
                "store": f"{name}-sender",
                "passphrase": s_pass,
                "recovery_code": s_code,
                "municipality": SENDER[0],
                "unit": SENDER[1],
                "caseworker": SENDER[2],
                "fingerprint": s_keys.info.fingerprint,
                "receiver_contact_id": r_at_s,
                "case_number": s_number,
                "handover_id": exported.handover_id,
            },
            "receiver": {
                "store": f"{name}-receiver",
                "passphrase": r_pass,
                "recovery_code": r_code,
                "municipality": RECEIVER[0],
                "unit": RECEIVER[1],
                "caseworker": RECEIVER[2],
                "fingerprint": r_keys.info.fingerprint,
                "sender_contact_id": s_at_r,
            },
            "bundle": {
                "file": f"{name}.utvag",
                "bundle_id": m.bundle_id,
                "sha256": hashlib.sha256(bundle).hexdigest(),
                "kind": m.kind,
                "created": format_time(m.created),
                "expires": expires,
                "sequence": m.sequence,
                "case_ref": m.case_ref,
                "legal_basis": m.legal_basis,
                "post_quantum": False,
                "sections": list(request.sections or ()),
                "members": [e.name for e in m.members],
            },
            "case": {"person": PERSON, "marker": mark, "document": PLAN.decode()},
            "tampered": described(tampered),
        },
    )
    files[f"{name}.json"] = work / f"{name}.json"
    write_json(
        work / f"{rname}.json",
        {
            "format": "utvag-receipt",
            "version": RECEIPT_VERSION,
            "made_with": made_with(),
            "file": f"{rname}.utvag",
            "answers": f"{name}.utvag",
            "bundle_id": rm.bundle_id,
            "sha256": hashlib.sha256(receipt).hexdigest(),
            "answers_bundle_id": m.bundle_id,
            "status": "accepted",
            "created": format_time(rm.created),
            "expires": format_time(rm.expires),
            "open_at": format_time(rm.created + dt.timedelta(minutes=1)),
            "tampered": described(r_tampered),
        },
    )
    files[f"{rname}.json"] = work / f"{rname}.json"
    return files


# ---------------------------------------------------------------- contact card

CARD_OWNER = ("Gävle", "Exit Gävle (fiktiv)", "Greta Fiktiv")


def make_card(work: Path) -> Files:
    name = f"card-v{card.CARD_VERSION}"
    store, _code = new_store(work / "store", "fixture passphrase card owner", CARD_OWNER[2])
    try:
        me = identity.ensure_identity(store, *CARD_OWNER)
        data = identity.export_card(store)
    finally:
        close_for_good(store)
    shutil.rmtree(work / "store")
    other_age = X25519Identity.generate().recipient().to_str()
    tampered = [
        (
            f"{name}-tampered-name.utvagkort",
            replace_once(data, b'"caseworker": "Greta Fiktiv"', b'"caseworker": "Greta Fiktiw"'),
            "card.json's caseworker changed after signing",
            "sync.signing.errors.BadSignatureError",
        ),
        (
            f"{name}-tampered-key.utvagkort",
            replace_once(
                data, f'"age": "{me.keys.age}"'.encode(), f'"age": "{other_age}"'.encode()
            ),
            "card.json's age key swapped for another, fingerprint left as it was",
            "sync.trust.errors.CardFormatError",
        ),
    ]
    files: Files = {f"{name}.utvagkort": work / f"{name}.utvagkort"}
    (work / f"{name}.utvagkort").write_bytes(data)
    for file_name, content, _change, _error in tampered:
        (work / file_name).write_bytes(content)
        files[file_name] = work / file_name
    write_json(
        work / f"{name}.json",
        {
            "format": card.CARD_FORMAT,
            "version": card.CARD_VERSION,
            "made_with": made_with(),
            "file": f"{name}.utvagkort",
            "municipality": me.municipality,
            "unit": me.unit,
            "caseworker": me.caseworker,
            "generation": me.generation,
            "key_id": me.key_id_hex,
            "fingerprint": me.fingerprint,
            "tampered": [{"file": f, "change": c, "error": e} for f, _d, c, e in tampered],
        },
    )
    files[f"{name}.json"] = work / f"{name}.json"
    return files


# ---------------------------------------------------------------- placing the files

GROUPS: dict[str, Callable[[Path], Files]] = {
    "backup": make_backup,
    "bundle": make_bundle,
    "card": make_card,
}


def place(files: Files, out: Path) -> list[Path]:
    """Move every file into ``out``; refuse the whole group if any name exists there."""
    taken = sorted(n for n in files if (out / n).exists() or (out / n).is_symlink())
    if taken:
        raise Refused(", ".join(taken))
    placed = []
    for file_name, source in sorted(files.items()):
        target = out / file_name
        if source.is_dir():
            os.rename(source, target)  # the name was checked free just above
        else:
            os.link(source, target)  # never replaces an existing file
        placed.append(target)
    return placed


def make(group: str, out: Path) -> list[Path]:
    """Make one group in a work folder inside ``out`` and move it into place."""
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".make-fixtures-{group}-", dir=out))
    try:
        return place(GROUPS[group](work), out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.make_fixtures",
        description="Write saved fixture files of today's formats under new names only.",
    )
    parser.add_argument("--out", type=Path, default=FIXTURES, help="default: tests/fixtures")
    parser.add_argument("groups", nargs="*", metavar="GROUP", help=", ".join(GROUPS))
    args = parser.parse_args(argv)
    unknown = [g for g in args.groups if g not in GROUPS]
    if unknown:
        parser.error(f"unknown group {unknown[0]!r} (choose from {', '.join(GROUPS)})")
    groups = list(dict.fromkeys(args.groups or GROUPS))
    for group in groups:
        try:
            placed = make(group, args.out)
        except Refused as exc:
            print(
                f"make_fixtures: {group}: {exc} exist(s) already; a saved fixture is never "
                "regenerated (a format change adds new files beside the old ones)",
                file=sys.stderr,
            )
            return 1
        for path in placed:
            print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
