"""Opening a bundle: every check, in the documented order, before anything is trusted.

:func:`open_bundle` streams the file: age header (capped) -> our keys -> payload chunks ->
strict ustar reader -> ``manifest.json`` (<= 1 MiB) and ``manifest.json.minisig`` held in
memory -> signature verified against a verified, non-revoked contact (found by key id)
BEFORE the manifest JSON is parsed -> trusted comment -> strict manifest -> sender, named
recipient, expiry, replay, sequence -> each member hashed, counted and staged as the
bundle's own authenticated chunks (the file linked into the store folder, or the chunks
copied), the key held only in memory (sync/bundle/staging.py). Only when the age stream has
ended authenticated and the archive is complete is an :class:`OpenedBundle` returned. Any
failure raises one typed error and undoes everything: the store is unchanged (no audit
entry, no staged file, no bookkeeping).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from storage.vault.db import map_db_error
from sync.age import decrypt_stream
from sync.age.header import Stanza
from sync.bundle import (
    replay,
    staging,
)
from sync.bundle.errors import (
    BundleExpiredError,
    BundleReadError,
    ExtraMemberError,
    ManifestError,
    MemberHashError,
    MemberOrderError,
    MemberSizeError,
    MissingMemberError,
    NotARecipientError,
    SenderMismatchError,
    StagedMemberError,
    TrustedCommentMismatchError,
)
from sync.bundle.manifest import (
    CONTENT_MAX_BYTES,
    MANIFEST_MAX_BYTES,
    MANIFEST_NAME,
    MAX_CLOCK_SKEW,
    MAX_MEMBERS,
    MEMBER_MAX_BYTES,
    SIGNATURE_MAX_BYTES,
    SIGNATURE_NAME,
    Manifest,
    MemberEntry,
    parse_manifest,
    parse_trusted_comment,
)
from sync.signing.errors import (
    LegacySignatureError,
    SignatureFormatError,
)
from sync.signing.minisign import (
    KEY_ID_SIZE,
    key_id_hex,
    verify,
)
from sync.trust.contacts import (
    REVOKED,
    VERIFIED,
    Contact,
    find_signer,
    get_contact,
)
from sync.trust.errors import (
    NoIdentityError,
    RevokedSenderError,
    UnverifiedSenderError,
)
from sync.trust.identity import (
    IdentityKeys,
    all_keys,
)
from sync.wire.errors import (
    BundleFormatError,
    BundleTooLargeError,
)
from sync.wire.fields import format_time
from sync.wire.offload import (
    BackgroundHash,
    InlineHash,
    sha256_for,
)
from sync.wire.ustar import (
    BLOCK,
    TarMember,
    TarReader,
)

#: Largest bundle file considered at all (content cap plus generous archive/age overhead).
FILE_MAX_BYTES = CONTENT_MAX_BYTES + CONTENT_MAX_BYTES // 64 + 64 * 1024 * 1024


def signature_key_id(untrusted_sig: bytes) -> str:
    """The key id (minisign's hex) a ``.minisig`` names; refuses legacy ``Ed`` first."""
    lines = untrusted_sig.split(b"\n")
    if len(lines) < 2:
        raise SignatureFormatError()
    line = lines[1].removesuffix(b"\r")
    try:
        raw = base64.b64decode(line, validate=True)
    except (binascii.Error, ValueError):
        raise SignatureFormatError() from None
    if len(raw) != 2 + KEY_ID_SIZE + 64:
        raise SignatureFormatError()
    if raw[:2] == b"Ed":
        raise LegacySignatureError()
    if raw[:2] != b"ED":
        raise SignatureFormatError()
    return key_id_hex(raw[2 : 2 + KEY_ID_SIZE])


class _Recording:
    """An age identity that notes which of our generations opened the file."""

    def __init__(self, identity: Any, generation: int, hits: list[int]) -> None:
        self._identity, self._generation, self._hits = identity, generation, hits

    def unwrap(self, stanza: Stanza) -> bytes | None:
        key: bytes | None = self._identity.unwrap(stanza)
        if key is not None:
            self._hits.append(self._generation)
        return key


class _HashingReader:
    """Reads the bundle file; its SHA-256 is computed on a background thread meanwhile."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.hash = raw, BackgroundHash(hashlib.sha256(), name="bundle-hash")

    def read(self, size: int = -1) -> bytes:
        try:
            data = self.raw.read(size)
        except OSError:
            raise BundleReadError() from None
        self.hash.update(data)
        return data


@dataclass
class OpenedBundle:
    """A verified bundle whose members wait in staging (encrypted, key in memory only)."""

    manifest: Manifest
    sender: Contact
    file_sha256: str
    path: Path
    recipient_generation: int
    _store: Any = field(repr=False)
    _session: staging.StagingSession = field(repr=False)
    _state: str = "open"

    @property
    def bundle_id(self) -> str:
        return self.manifest.bundle_id

    @property
    def kind(self) -> str:
        return self.manifest.kind

    @property
    def members(self) -> tuple[MemberEntry, ...]:
        return self.manifest.members

    def _index(self, name: str) -> int:
        for i, member in enumerate(self.manifest.members):
            if member.name == name and self._state == "open":
                return i
        raise StagedMemberError(name=name)

    def read_member(self, name: str) -> BinaryIO:
        """A stream over the staged member (one chunk in memory at a time)."""
        return self._session.reader(self._index(name), name)

    def read_member_bytes(self, name: str) -> bytes:
        self._index(name)
        return self.read_member(name).read()

    def commit_seen(self) -> None:
        """Record the bundle as received and drop its staging; audited ``bundle.open``.

        Call it last inside the transaction that imports the content (it re-checks replay,
        sequence and that the sender is still verified and not revoked; a key rotation
        applied since the bundle was opened does not matter). If that transaction rolls
        back, nothing was recorded: call :meth:`discard` and open the file again to retry.
        """
        if self._state != "open":
            raise StagedMemberError(name="*")
        with self._store.transaction():
            sender = get_contact(self._store, self.sender.id)
            if sender.status == REVOKED:
                raise RevokedSenderError()
            if sender.status != VERIFIED:
                raise UnverifiedSenderError()
            replay.record_seen(self._store, sender.id, self.manifest, self.file_sha256)
            m = self.manifest
            self._store.audit.append(
                "bundle.open",
                f"bundle:{m.bundle_id}",
                {
                    "kind": m.kind,
                    "sender": sender.id,
                    "sequence": m.sequence,
                    "sha256": self.file_sha256,
                    "members": len(m.members),
                    "bytes": m.content_size,
                },
            )
        self._session.delete()
        self._state = "committed"

    def discard(self) -> None:
        """Drop the staged members without recording anything (safe to call again, also
        after a ``commit_seen`` whose enclosing transaction was rolled back)."""
        self._session.delete()
        if self._state == "open":
            self._state = "discarded"


def discard(opened: OpenedBundle) -> None:
    opened.discard()


class _Opener:
    """The :class:`TarConsumer` that applies every bundle rule as the archive streams in."""

    def __init__(
        self,
        store: Any,
        session: staging.StagingSession,
        ours: dict[int, IdentityKeys],
        hits: list[int],
        now: datetime,
    ) -> None:
        self.store, self.session, self.ours, self.hits, self.now = store, session, ours, hits, now
        self.index = 0
        self.buf = bytearray()
        self.manifest_bytes = b""
        self.manifest: Manifest | None = None
        self.sender: Contact | None = None
        self.entry: MemberEntry | None = None
        self.digest: BackgroundHash | InlineHash | None = None
        self.positions: dict[str, int] = {}
        self.offset = 0  # of the next tar header in the payload plaintext

    def member_start(self, member: TarMember) -> None:
        data_offset = self.offset + BLOCK  # the archive is contiguous (TarReader checks it)
        self.offset = data_offset + member.size + (-member.size % BLOCK)
        if self.index < 2:
            name, cap = (
                (MANIFEST_NAME, MANIFEST_MAX_BYTES),
                (SIGNATURE_NAME, SIGNATURE_MAX_BYTES),
            )[self.index]
            if member.name != name:
                raise BundleFormatError(reason="layout")
            if member.size > cap:
                raise BundleTooLargeError(limit=f"{cap} bytes")
            return
        assert self.manifest is not None
        position = self.index - 2
        signed = self.positions.get(member.name, -1)
        if signed < position:  # not in the manifest, or already passed
            raise ExtraMemberError(name=member.name)
        if signed != position:
            raise MemberOrderError()
        self.entry = self.manifest.members[position]
        if member.size != self.entry.size:
            raise MemberSizeError(name=member.name)
        self.digest = sha256_for(member.size, name="member-hash")
        self.session.member(position, member.name, data_offset, member.size, self.entry.sha256)

    def member_data(self, data: memoryview) -> None:
        if self.index < 2:
            self.buf += data
        else:
            assert self.digest is not None
            self.digest.update(data)

    def member_end(self) -> None:
        if self.index == 0:
            self.manifest_bytes, self.buf = bytes(self.buf), bytearray()
        elif self.index == 1:
            self._verify(bytes(self.buf))
            self.buf = bytearray()
        else:
            assert self.digest is not None and self.entry is not None
            digest, self.digest = self.digest, None
            if digest.hexdigest() != self.entry.sha256:
                raise MemberHashError(name=self.entry.name)
        self.index += 1

    def _verify(self, untrusted_sig: bytes) -> None:
        sender = find_signer(self.store, signature_key_id(untrusted_sig))
        comment = verify(self.manifest_bytes, untrusted_sig, sender.keys.public_key)
        signed = parse_trusted_comment(comment)
        manifest = parse_manifest(self.manifest_bytes)
        if signed != (manifest.bundle_id, manifest.kind, manifest.sequence):
            raise TrustedCommentMismatchError()
        s = manifest.sender
        if (s.key_id, s.public_key, s.fingerprint) != (
            sender.key_id_hex,
            sender.keys.minisign,
            sender.fingerprint,
        ):
            raise SenderMismatchError()
        ours = self.ours[self.hits[0]].info.keys
        entry = next((r for r in manifest.recipients if r.fingerprint == ours.fingerprint), None)
        if entry is None or not set(entry.age_recipients) <= set(ours.age_recipients()):
            raise NotARecipientError()
        if self.now >= manifest.expires:
            raise BundleExpiredError(expires=format_time(manifest.expires))
        if manifest.created > self.now + MAX_CLOCK_SKEW:
            raise ManifestError()
        replay.check_new(self.store, sender.id, manifest.bundle_id, manifest.sequence)
        self.manifest, self.sender = manifest, sender
        self.positions = {m.name: i for i, m in enumerate(manifest.members)}

    def finish(self) -> tuple[Manifest, Contact]:
        if self.manifest is None or self.sender is None:
            raise BundleFormatError(reason="layout")
        if self.index - 2 < len(self.manifest.members):
            raise MissingMemberError(name=self.manifest.members[self.index - 2].name)
        return self.manifest, self.sender


def open_bundle(
    store: Any, path: Path, *, now: datetime | None = None, link: bool = True
) -> OpenedBundle:
    """Open and verify the bundle at ``path``; members are staged (encrypted, key in memory).

    The caller imports them in one transaction ending with :meth:`OpenedBundle.commit_seen`,
    or calls :meth:`OpenedBundle.discard`. On any error the store is left unchanged.
    ``link``: stage by hard-linking the bundle file into the store folder where it is on
    the same file system (no copy); ``False`` copies the members' chunks in any case.
    """
    path = Path(path)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    keys = all_keys(store)
    ours = {k.generation: k for k in keys}
    hits: list[int] = []
    identities = [_Recording(i, k.generation, hits) for k in keys for i in (k.x25519, k.pq)]
    if not identities:
        raise NoIdentityError()
    try:
        raw = path.open("rb", buffering=0)  # chunk-sized reads, no second copy
        size = path.stat().st_size
    except OSError:
        raise BundleReadError() from None
    with raw:
        if size > FILE_MAX_BYTES:
            raise BundleTooLargeError(limit=f"{FILE_MAX_BYTES} bytes")
        session = staging.StagingSession(store.path, (path, raw.fileno()) if link else None)
        source = _HashingReader(raw)
        opener = _Opener(store, session, ours, hits, moment)
        try:
            reader = TarReader(
                opener, max_members=MAX_MEMBERS + 2, max_member_size=MEMBER_MAX_BYTES
            )
            decrypt_stream(source, reader, identities, tap=session)  # type: ignore[arg-type]
            if source.read(1):
                raise BundleFormatError(reason="trailing")
            reader.finish()
            manifest, sender = opener.finish()
            session.finished()
            file_sha256 = source.hash.hexdigest()
        except BaseException as exc:
            if opener.digest is not None:
                opener.digest.cancel()
            source.hash.cancel()
            session.delete()
            if isinstance(exc, OSError):  # the store folder could not be written
                raise map_db_error(exc, store.path) or exc from exc
            raise
    return OpenedBundle(manifest, sender, file_sha256, path, hits[0], store, session)
