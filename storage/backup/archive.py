"""The backup file: an uncompressed POSIX tar (pax) with exactly three members, in order:

- ``manifest.json`` — format, version, store id, creation time, schema version, the audit
  head inside the copy, SQLCipher version, page size, and the size and SHA-256 of the other
  two members; ``mac`` = HMAC-SHA256 over the canonical JSON of the rest, keyed with
  HKDF-SHA256(data key, salt = store id, info = "utvag/v1/backup-manifest");
- ``keyslots.json`` — the store's key-slot file, byte for byte;
- ``store.db`` — a SQLCipher copy of the database under the same data key.

No member is plaintext: the manifest holds no personal data (ids, times, hashes). The
hashes catch damage without any secret; the MAC, checked once the data key is known
(recovery code or passphrase), catches a swapped or altered member. docs/backup.md.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import io
import json
import os
import re
import tarfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.errors import (
    QT_TRANSLATE_NOOP,
    DiskFullError,
    StorageError,
    clean_untrusted,
)
from storage.json_input import (
    UntrustedJsonError,
    loads_untrusted,
)
from storage.vault import (
    db,
    keyslots,
)
from storage.vault.crypto import (
    canonical_json,
    hkdf,
    wipe,
)

FORMAT = "utvag-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEMBERS = (MANIFEST, keyslots.FILE_NAME, db.FILE_NAME)
MAX_SMALL = 64 * 1024
PLAIN_HEADER = b"SQLite format 3\x00"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_CHUNK = 1024 * 1024


class BackupDamagedError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The file {path} is not an intact Utväg backup ({reason}). Nothing was changed.",
    )
    code = "backup_damaged"


class BackupVersionError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} was made by a newer version of Utväg (format {found}). Update "
        "Utväg to use it.",
    )
    code = "backup_version"


class BackupTamperedError(StorageError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "The backup {path} has been altered: its parts do not match its authenticated "
        "manifest. Nothing was changed; use another backup.",
    )
    code = "backup_tampered"


@dataclass(frozen=True)
class Manifest:
    store_id: str
    created: str
    schema_version: int
    audit_seq: int
    audit_hash: str
    sqlcipher: str
    page_size: int
    members: dict[str, tuple[int, str]]  # name -> (size, sha256 hex)
    mac: str

    def body(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "store_id": self.store_id,
            "created": self.created,
            "schema_version": self.schema_version,
            "audit_head": {"seq": self.audit_seq, "hash": self.audit_hash},
            "sqlcipher": self.sqlcipher,
            "page_size": self.page_size,
            "members": [
                {"name": n, "size": s, "sha256": h} for n, (s, h) in sorted(self.members.items())
            ],
        }

    def to_bytes(self) -> bytes:
        doc = self.body() | {"mac": self.mac}
        return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")


def manifest_mac(data_key: bytes | bytearray, body: dict[str, Any]) -> str:
    key = hkdf(data_key, salt=uuid.UUID(body["store_id"]).bytes, info=b"utvag/v1/backup-manifest")
    try:
        return "hmac-sha256:" + hmac.new(bytes(key), canonical_json(body), "sha256").hexdigest()
    finally:
        wipe(key)


def mac_ok(data_key: bytes | bytearray, manifest: Manifest) -> bool:
    return hmac.compare_digest(manifest_mac(data_key, manifest.body()), manifest.mac)


def parse_manifest(raw: bytes, path: Path) -> Manifest:
    def damaged(reason: str) -> BackupDamagedError:
        return BackupDamagedError(path=clean_untrusted(path), reason=reason)

    try:
        doc = loads_untrusted(raw)
    except UntrustedJsonError:
        raise damaged("manifest is not JSON") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise damaged("no backup manifest")
    found = doc.get("version")
    if found != VERSION:
        if type(found) is int and found > VERSION:
            raise BackupVersionError(path=clean_untrusted(path), found=found)
        raise damaged("unknown manifest version")
    try:
        head, members = doc["audit_head"], doc["members"]
        parsed = {
            str(m["name"]): (int(m["size"]), str(m["sha256"])) for m in members if type(m) is dict
        }
        manifest = Manifest(
            str(uuid.UUID(doc["store_id"])),
            str(doc["created"]),
            int(doc["schema_version"]),
            int(head["seq"]),
            str(head["hash"]),
            str(doc["sqlcipher"]),
            int(doc["page_size"]),
            parsed,
            str(doc["mac"]),
        )
    except (KeyError, TypeError, ValueError):
        raise damaged("manifest fields") from None
    keys = {
        "format",
        "version",
        "store_id",
        "created",
        "schema_version",
        "audit_head",
        "sqlcipher",
        "page_size",
        "members",
        "mac",
    }
    if set(doc) != keys or manifest.store_id != doc["store_id"] or len(members) != 2:
        raise damaged("manifest fields")
    if set(parsed) != set(MEMBERS[1:]) or not all(_HEX64.match(h) for _, h in parsed.values()):
        raise damaged("manifest members")
    if not manifest.mac.startswith("hmac-sha256:") or not _HEX64.match(manifest.mac[12:]):
        raise damaged("manifest mac")
    return manifest


@dataclass(frozen=True)
class Container:
    path: Path
    manifest: Manifest
    keyslots_raw: bytes
    db_size: int
    db_sha256: str


def _read_small(tar: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    fh = tar.extractfile(member)
    if fh is None or member.size > MAX_SMALL:
        raise ValueError("member too large")
    return fh.read(MAX_SMALL + 1)


_BLOCK = 512
_MAX_PAX = 64 * 1024  # an extended header of ours holds a few short records
_MAX_HEADERS = 2 * len(MEMBERS)  # each member, at most one pax header before it


def _header_size(header: bytes) -> int:
    field = header[124:136]
    if field[0] & 0x80:  # GNU base-256 for sizes over 8 GiB
        return int.from_bytes(field[1:], "big")
    text = field.split(b"\0", 1)[0].strip()
    return int(text, 8) if text else 0


def _precheck_headers(path: Path) -> None:
    """Walk the raw tar headers before tarfile reads them: tarfile allocates a pax header's
    declared size at once and lists every member, so a small hostile file could ask for
    gigabytes or millions of entries. Ours has three members and tiny pax headers."""
    end = path.stat().st_size
    offset = 0
    with path.open("rb") as fh:
        for _ in range(_MAX_HEADERS + 1):
            fh.seek(offset)
            header = fh.read(_BLOCK)
            if len(header) < _BLOCK:
                raise ValueError("truncated header")
            if not header.strip(b"\0"):
                return
            size = _header_size(header)
            if header[156:157] in (b"x", b"g") and size > _MAX_PAX:
                raise ValueError("oversized pax header")
            offset += _BLOCK + -(-size // _BLOCK) * _BLOCK
            if offset > end:
                raise ValueError("member runs past the end")
    raise ValueError("too many members")


@contextlib.contextmanager
def _open_tar(path: Path) -> Iterator[tuple[tarfile.TarFile, list[tarfile.TarInfo]]]:
    try:
        _precheck_headers(path)
    except ValueError:
        raise BackupDamagedError(path=clean_untrusted(path), reason="unexpected members") from None
    except OSError as exc:
        raise BackupDamagedError(path=clean_untrusted(path), reason="not a tar file") from exc
    try:
        with tarfile.open(path, mode="r:") as tar:
            members = tar.getmembers()
            names = [m.name for m in members]
            if names != list(MEMBERS) or not all(m.isreg() for m in members):
                raise BackupDamagedError(path=clean_untrusted(path), reason="unexpected members")
            yield tar, members
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise BackupDamagedError(path=clean_untrusted(path), reason="not a tar file") from exc


def read_container(path: Path) -> Container:
    """Structural check, no secret needed: members, manifest, sizes and hashes, key slots
    parse and belong to the manifest's store, the database is not plaintext."""
    path = Path(path)
    with _open_tar(path) as (tar, members):
        try:
            manifest = parse_manifest(_read_small(tar, members[0]), path)
            slots_raw = _read_small(tar, members[1])
        except ValueError:
            raise BackupDamagedError(path=clean_untrusted(path), reason="member size") from None
        fh = tar.extractfile(members[2])
        assert fh is not None
        head = fh.read(len(PLAIN_HEADER))
        digest = hashlib.sha256(head)
        size = len(head)
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
        db_hash = digest.hexdigest()
    checks = {
        keyslots.FILE_NAME: (len(slots_raw), hashlib.sha256(slots_raw).hexdigest()),
        db.FILE_NAME: (size, db_hash),
    }
    for name, actual in checks.items():
        if manifest.members[name] != actual:
            raise BackupDamagedError(path=clean_untrusted(path), reason=f"{name} hash mismatch")
    if head == PLAIN_HEADER or size == 0 or size % max(manifest.page_size, 512):
        raise BackupDamagedError(path=clean_untrusted(path), reason="database not encrypted")
    ks = keyslots.parse(slots_raw, path)
    if ks.store_id != manifest.store_id:
        raise BackupDamagedError(path=clean_untrusted(path), reason="key slots of another store")
    return Container(path, manifest, slots_raw, size, db_hash)


def extract_database(container: Container, dest: Path) -> None:
    """Copy ``store.db`` to ``dest`` (new file, 0600), checking its hash on the way."""
    with _open_tar(container.path) as (tar, members):
        src = tar.extractfile(members[2])
        assert src is not None
        db.create_database_file(dest)
        digest = hashlib.sha256()
        with dest.open("r+b") as out:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
    if digest.hexdigest() != container.db_sha256:
        raise BackupDamagedError(path=clean_untrusted(container.path), reason="store.db changed")


def write_container(temp: Path, manifest: bytes, slots_raw: bytes, db_file: Path) -> None:
    """Write the tar into ``temp`` (a registered 0600 temp file beside the target) and fsync
    it; the caller renames it into place once the backup is audited
    (storage/vault/outputs.py)."""
    try:
        with open(temp, "wb") as fh:
            with tarfile.open(fileobj=fh, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for name, data in ((MANIFEST, manifest), (keyslots.FILE_NAME, slots_raw)):
                    tar.addfile(_info(name, len(data)), io.BytesIO(data))
                with db_file.open("rb") as src:
                    tar.addfile(_info(db.FILE_NAME, db_file.stat().st_size), src)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        if exc.errno in db.DISK_FULL_ERRNOS:
            raise DiskFullError() from exc
        raise StorageError() from exc


def _info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, 0
    info.uname = info.gname = ""
    return info
