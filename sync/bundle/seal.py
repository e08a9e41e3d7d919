"""Sealing a bundle: manifest, signature, ustar archive, age encryption — streaming.

:func:`seal_bundle` (and :func:`seal_contact_update`) write ``<out>`` so that a kill at any
point leaves either nothing recorded and nothing written, or the bundle recorded *and*
owed to ``<out>`` (docs/bundle-format.md §7): the temp file beside ``out`` is registered
in the store before it exists (:mod:`storage.vault.outputs`), written and fsynced; then ONE
transaction records the bundle, audits ``bundle.seal``, runs ``on_sealed`` and keeps the
bundle's recipe (:mod:`sync.bundle.outbox`); then the file is renamed into place. After a
kill between that commit and the rename, the next unlock renames the temp file — or writes
the same bytes again from the recipe. Memory stays flat: members are read twice in 64 KiB
blocks (once to hash them for the manifest, which comes first in the archive, once to
write them; a member that changed in between aborts the seal).

A member stream may declare how to get its bytes again for the recipe: ``rebuild`` = its
bytes, or the id of a store document (members given as ``bytes`` need nothing). A bundle
with a member that declares nothing is recorded without a recipe (not rewritable).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO

from storage.errors import UtvagError
from storage.vault.outputs import (
    begin_output,
    discard_output,
    io_error,
    mark_ready,
    place_output,
)
from sync.age import (
    new_envelope,
    parse_recipient,
)
from sync.age.errors import (
    MixedRecipientsError,
    NoRecipientsError,
    TooManyRecipientsError,
)
from sync.bundle import (
    outbox,
    replay,
)
from sync.bundle.errors import (
    BundleNotPlacedError,
    ManifestError,
    MemberSizeError,
    SealChoiceError,
)
from sync.bundle.manifest import (
    CONTACT_UPDATE,
    CONTACT_UPDATE_MEMBER,
    KINDS,
    MANIFEST_NAME,
    MAX_MEMBERS,
    MAX_RECIPIENTS,
    MAX_VALIDITY,
    MEMBER_MAX_BYTES,
    RESERVED_NAMES,
    SIGNATURE_NAME,
    Manifest,
    MemberEntry,
    RecipientEntry,
    Sender,
    check_kind_rules,
)
from sync.signing.minisign import sign
from sync.trust.contacts import (
    Contact,
    usable_contact,
)
from sync.trust.identity import (
    IdentityKeys,
    all_keys,
    current_keys,
)
from sync.wire.errors import (
    BundleTooLargeError,
    UnsafeMemberNameError,
)
from sync.wire.fields import SHA256_RE
from sync.wire.ustar import (
    READ_BLOCK,
    IterReader,
    archive_blocks,
    check_member_name,
    check_member_set,
)

#: (name, seekable binary stream at its start — or bytes, size[, known SHA-256 hex]).
MemberSpec = tuple[str, BinaryIO | bytes, int] | tuple[str, BinaryIO | bytes, int, str]
_Member = tuple[str, BinaryIO, int, int, str | None]


@dataclass(frozen=True)
class SealedBundle:
    bundle_id: str
    sha256: str  # of the whole .utvag file
    path: Path
    sequence: int
    manifest: Manifest
    recipients: tuple[int, ...]  # contact ids
    post_quantum: bool


def _members(specs: Iterable[MemberSpec]) -> list[_Member]:
    """(name, stream, start offset, size, known sha256) for each member; bytes -> streams."""
    out: list[_Member] = []
    for spec in specs:
        name, source, size = spec[0], spec[1], spec[2]
        known = spec[3] if len(spec) > 3 else None
        check_member_name(name)
        if name in RESERVED_NAMES:
            raise UnsafeMemberNameError(name=name)
        if type(size) is not int or not 0 <= size <= MEMBER_MAX_BYTES:
            raise BundleTooLargeError(limit=f"{MEMBER_MAX_BYTES} bytes")
        if known is not None and SHA256_RE.fullmatch(str(known)) is None:
            raise SealChoiceError()
        stream = io.BytesIO(source) if isinstance(source, bytes | bytearray) else source
        out.append((name, stream, stream.tell(), size, known))
        if len(out) > MAX_MEMBERS:
            raise BundleTooLargeError(limit=f"{MAX_MEMBERS} parts")
    check_member_set(m[0] for m in out)
    return out


def _entry(member: _Member) -> MemberEntry:
    """The manifest entry; hashes the member first unless its SHA-256 is already known."""
    name, stream, start, size, known = member
    if known is not None:
        return MemberEntry(name, size, known)
    digest, left = hashlib.sha256(), size
    while left:
        block = stream.read(min(READ_BLOCK, left))
        if not block:
            raise MemberSizeError(name=name)
        digest.update(block)
        left -= len(block)
    stream.seek(start)
    return MemberEntry(name, size, digest.hexdigest())


def _streams(
    members: list[_Member], entries: list[MemberEntry]
) -> Iterator[tuple[str, BinaryIO, int, str]]:
    for (name, stream, _start, size, _known), entry in zip(members, entries, strict=True):
        yield name, stream, size, entry.sha256


def _age_recipients(contacts: list[Contact], post_quantum: bool | None) -> tuple[bool, list[str]]:
    every_pq = all(c.keys.age_pq for c in contacts)
    use_pq = every_pq if post_quantum is None else post_quantum
    if use_pq and not every_pq:
        raise MixedRecipientsError()
    return use_pq, [str(c.keys.age_pq) if use_pq else c.keys.age for c in contacts]


def _expiry(created: datetime, expires: datetime | timedelta) -> datetime:
    end = created + expires if isinstance(expires, timedelta) else expires
    if end.tzinfo is None:
        raise SealChoiceError()
    end = end.astimezone(UTC).replace(microsecond=0)
    if not created < end <= created + MAX_VALIDITY:
        raise SealChoiceError()
    return end


def seal_bundle(
    store: Any,
    *,
    kind: str,
    recipients: Iterable[int],
    members: Iterable[MemberSpec],
    out: Path,
    expires: datetime | timedelta,
    case_ref: str = "",
    legal_basis: str = "",
    post_quantum: bool | None = None,
    on_sealed: Callable[[SealedBundle], None] | None = None,
) -> SealedBundle:
    """Seal ``members`` for the verified contacts ``recipients`` into the file ``out``.

    ``members``: (name, seekable binary stream positioned at the start, or bytes, size) and
    optionally the member's SHA-256 (hex) when already known (documents keep theirs): it
    saves the hashing pass; the bytes written are hashed anyway and a mismatch aborts.
    ``post_quantum``: None = hybrid ML-KEM-768+X25519 when every recipient offers it, else
    X25519 for all; True = require it; False = X25519 (for stock age < 1.3 at the other end).
    ``on_sealed`` runs inside the final transaction; the file appears at ``out`` only after
    that commits. If it raises, nothing is recorded and no file is left. Audited as
    ``bundle.seal``. If the rename after the commit fails, :class:`BundleNotPlacedError`:
    the bundle is recorded and owed (the next unlock places it, or it is written again).
    """
    return _seal(
        store,
        current_keys(store),
        kind,
        list(recipients),
        members,
        Path(out),
        expires,
        case_ref,
        legal_basis,
        post_quantum,
        on_sealed,
    )


def seal_contact_update(
    store: Any,
    *,
    recipients: Iterable[int],
    out: Path,
    expires: datetime | timedelta,
    post_quantum: bool | None = None,
) -> SealedBundle:
    """Carry our latest update card to contacts, signed by the key they still trust.

    The manifest is signed by the *previous* generation's key (contacts have not moved
    yet); the only member is ``contact-update.utvagkort``. Apply it with
    :func:`sync.trust.contacts.apply_contact_update` on ``read_member_bytes``.
    """
    current = current_keys(store)
    previous = [k for k in all_keys(store) if k.generation == current.generation - 1]
    if current.update_card is None or not previous:
        raise SealChoiceError()  # no rotation yet: nothing to announce
    card = current.update_card
    return _seal(
        store,
        previous[0],
        CONTACT_UPDATE,
        list(recipients),
        [(CONTACT_UPDATE_MEMBER, card, len(card))],
        Path(out),
        expires,
        "",
        "",
        post_quantum,
        None,
    )


def _seal(
    store: Any,
    signer: IdentityKeys,
    kind: str,
    recipient_ids: list[int],
    specs: Iterable[MemberSpec],
    out: Path,
    expires: datetime | timedelta,
    case_ref: str,
    legal_basis: str,
    post_quantum: bool | None,
    on_sealed: Callable[[SealedBundle], None] | None,
) -> SealedBundle:
    if kind not in KINDS:
        raise SealChoiceError()
    ids = list(dict.fromkeys(int(i) for i in recipient_ids))
    if not ids:
        raise NoRecipientsError()
    if len(ids) > MAX_RECIPIENTS:
        raise TooManyRecipientsError(limit=MAX_RECIPIENTS)
    contacts = [usable_contact(store, i) for i in ids]
    use_pq, age_strings = _age_recipients(contacts, post_quantum)
    members = _members(specs)
    entries = [_entry(m) for m in members]
    created = datetime.now(UTC).replace(microsecond=0)
    end = _expiry(created, expires)
    sequence = replay.reserve_sequence(store)
    info = signer.info
    manifest = Manifest(
        kind,
        str(uuid.uuid4()),
        created,
        end,
        sequence,
        Sender(
            info.municipality,
            info.unit,
            info.caseworker,
            info.key_id_hex,
            info.keys.minisign,
            info.fingerprint,
        ),
        tuple(
            RecipientEntry(c.municipality, c.unit, c.caseworker, c.fingerprint, (a,))
            for c, a in zip(contacts, age_strings, strict=True)
        ),
        case_ref,
        legal_basis,
        tuple(entries),
    )
    try:
        check_kind_rules(manifest)
    except ManifestError:
        raise SealChoiceError() from None
    body = manifest.to_bytes()
    signature = sign(
        body,
        signer.signing_key,
        manifest.trusted_comment(),
        f"utvag bundle signed by key {info.key_id_hex}",
    ).encode("ascii")
    head = [(MANIFEST_NAME, body), (SIGNATURE_NAME, signature)]
    age = [parse_recipient(a) for a in age_strings]
    return _write(
        store, out, head, members, entries, age, manifest, signer.generation, ids, use_pq, on_sealed
    )


def _write(
    store: Any,
    out: Path,
    head: list[tuple[str, bytes]],
    members: list[_Member],
    entries: list[MemberEntry],
    age: list[Any],
    manifest: Manifest,
    generation: int,
    ids: list[int],
    use_pq: bool,
    on_sealed: Callable[[SealedBundle], None] | None,
) -> SealedBundle:
    target = Path(os.path.abspath(out))
    envelope = new_envelope(age)
    recipe = [
        outbox.recipe_member(name, stream, start, size, entry.sha256)
        for (name, stream, start, size, _known), entry in zip(members, entries, strict=True)
    ]
    output = begin_output(store, target, "bundle")  # committed before the temp file exists
    try:
        with open(output.temp, "r+b", buffering=0) as raw:
            source = IterReader(archive_blocks(head, _streams(members, entries)))
            file_sha256, file_size = outbox.write_bundle_file(raw.fileno(), source, envelope)
            os.fsync(raw.fileno())
        sealed = SealedBundle(
            manifest.bundle_id,
            file_sha256,
            out,
            manifest.sequence,
            manifest,
            tuple(ids),
            use_pq,
        )
        with store.transaction():
            replay.record_sealed(store, manifest, generation, sealed.sha256, ids)
            store.audit.append(
                "bundle.seal",
                f"bundle:{manifest.bundle_id}",
                {
                    "kind": manifest.kind,
                    "sequence": manifest.sequence,
                    "sha256": sealed.sha256,
                    "recipients": ids,
                    "members": len(entries),
                    "bytes": manifest.content_size,
                    "post_quantum": use_pq,
                    "generation": generation,
                },
            )
            outbox.record(
                store,
                bundle_id=manifest.bundle_id,
                kind=manifest.kind,
                target=target,
                sha256=sealed.sha256,
                size=file_size,
                expires=manifest.expires,
                generation=generation,
                envelope=envelope,
                manifest=head[0][1],
                signature=head[1][1],
                members=recipe,
            )
            mark_ready(store, output, sealed.sha256, file_size)
            if on_sealed is not None:
                on_sealed(sealed)
    except OSError as exc:
        discard_output(store, output)
        raise io_error(exc) from exc
    except BaseException:
        discard_output(store, output)
        raise
    # Committed: the bundle is recorded and owed to ``out``. A kill from here on leaves the
    # temp file for the next unlock to rename (or the recipe to write the same bytes again).
    try:
        place_output(store, output)
    except UtvagError as exc:
        raise BundleNotPlacedError(bundle=manifest.bundle_id, path=out.name) from exc
    with contextlib.suppress(UtvagError), store.transaction():
        outbox.mark_placed(store, manifest.bundle_id, outbox.BY_SEAL)
    return sealed
