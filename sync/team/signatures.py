"""Operations signed by their authors (docs/sync.md §4, ``changes.json`` version 3).

Each operation is signed once, by its author's signing key (the Ed25519 key the bundles are
signed with), over its *canonical bytes*: the context line ``utvag-team-op-v1`` and a
newline, then the JSON object (keys sorted, no spaces, UTF-8) of the operation's ``id``,
``clock``, ``author``, ``case``, ``table``, ``record``, ``kind`` and ``bases``, and in place
of each register's values the register's *digest*: SHA-256 of a 16-byte random salt
followed by the values' JSON (keys sorted, no spaces, UTF-8), in lower-case hex. The salt
travels with the values; where a relaying laptop masks a register (protected details not
shared, ``••``) the digest travels instead of the salt, so the signature still verifies and
the salt is not there to try names against the digest. A receiver verifies every
operation against its author's key before anything is applied: its own key (any
generation), or the key (current or rotated) of a verified colleague who is a member of
the operation's case; else the whole bundle is refused.

The signature and the salts (or digests) are kept per operation (``team_op_sigs``), so an
operation is passed on exactly as its author signed it. An operation of ours without one
(written before signatures) is signed when it is first sent; another author's without one
is not passed on (its author sends it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

from storage.team.clock import parse_clock
from storage.team.ops import Op
from storage.team.ops import load as load_ops
from sync.signing.minisign import PublicKey, key_id_hex
from sync.team.errors import OpAuthorUnknownError, OpSignatureError
from sync.trust.contacts import REVOKED, VERIFIED
from sync.trust.identity import all_keys

CONTEXT = b"utvag-team-op-v1\n"
SALT_BYTES = 16


@dataclass(frozen=True)
class OpSignature:
    signature: bytes
    salts: dict[str, str]  # register -> 32 hex digits: its values travel
    digests: dict[str, str]  # register -> 64 hex digits: its values are masked here


def _json(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def register_digest(salt_hex: str, values: Any) -> str:
    return hashlib.sha256(bytes.fromhex(salt_hex) + _json(values)).hexdigest()


def digests_of(op: Op, sig: OpSignature) -> dict[str, str]:
    """Every register's digest: given (masked), or from its salt and the op's values."""
    return {
        reg: sig.digests[reg] if reg in sig.digests else register_digest(sig.salts[reg], values)
        for reg, values in op.set.items()
    }


def canonical_bytes(op: Op, digests: dict[str, str]) -> bytes:
    body = {
        "id": op.id,
        "clock": op.clock,
        "author": op.author,
        "case": op.case,
        "table": op.table,
        "record": op.record,
        "kind": op.kind,
        "bases": op.bases,
        "set": digests,
    }
    return CONTEXT + _json(body)


# ---------------------------------------------------------------- kept per operation


def stored(store: Any, op_ids: list[str]) -> dict[str, OpSignature]:
    out: dict[str, OpSignature] = {}
    for op_id in op_ids:
        row = store.conn.execute(
            "SELECT signature, salts, digests FROM team_op_sigs WHERE op_id = ?", (op_id,)
        ).fetchone()
        if row is not None:
            out[op_id] = OpSignature(bytes(row[0]), json.loads(row[1]), json.loads(row[2]))
    return out


def _keep(store: Any, op_id: str, sig: OpSignature) -> None:
    store.conn.execute(
        "INSERT OR IGNORE INTO team_op_sigs (op_id, signature, salts, digests) "
        "SELECT op_id, ?, ?, ? FROM team_ops WHERE op_id = ?",
        (sig.signature, json.dumps(sig.salts), json.dumps(sig.digests), op_id),
    )


def sign_own(store: Any, ops: list[Op]) -> None:
    """Sign the operations of ours among ``ops`` that are not signed yet (one transaction)."""
    mine = own_authors(store)
    have = stored(store, [op.id for op in ops])
    if not [op for op in ops if op.author in mine and op.id not in have]:
        return
    keys = {k.signing_key.key_id.hex(): k.signing_key for k in all_keys(store)}
    with store.transaction():
        for op in ops:
            key = keys.get(op.author)
            if key is None or op.id in have:
                continue
            salts = {reg: secrets.token_hex(SALT_BYTES) for reg in op.set}
            unsigned = OpSignature(b"", salts, {})
            signature = key.sign_raw(canonical_bytes(op, digests_of(op, unsigned)))
            _keep(store, op.id, OpSignature(signature, salts, {}))


def signable(store: Any, op: Op, mine: set[str]) -> bool:
    """Whether we can send ``op`` signed: ours, or kept with its author's signature."""
    if op.author in mine:
        return True
    row = store.conn.execute("SELECT 1 FROM team_op_sigs WHERE op_id = ?", (op.id,)).fetchone()
    return row is not None


def own_authors(store: Any) -> set[str]:
    """Our author ids, every generation (read without the secret keys)."""
    rows = store.conn.execute("SELECT lower(hex(signing_key_id)) FROM sync_identity")
    return {str(r[0]) for r in rows}


def wire(data: dict[str, Any], op: Op, sig: OpSignature) -> dict[str, Any]:
    """The operation as it travels (``data``: its values, masked or not) with its signature:
    a register whose values travel as the author wrote them carries its salt, any other its
    digest."""
    salts: dict[str, str] = {}
    digests: dict[str, str] = {}
    full = digests_of(op, sig)
    for reg in op.set:
        if reg in sig.salts and data["set"].get(reg) == op.set[reg]:
            salts[reg] = sig.salts[reg]
        else:
            digests[reg] = full[reg]
    return {**data, "salts": salts, "digests": digests, "sig": sig.signature.hex()}


# ---------------------------------------------------------------- on import


def _utc_ms(text: str) -> int:
    """Milliseconds since 1970 of a stored UTC time (``2026-12-06T19:55:00.123456Z``)."""
    when = dt.datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return int(when.timestamp() * 1000)


def _author_key(store: Any, author: str, case_uid: str) -> tuple[PublicKey, int | None]:
    """The key of a colleague who is (or was) a member of the case, by the author id an
    operation names, and the clock (milliseconds) its operations must be earlier than:
    None for a verified contact's current or rotated key; the revocation time for a
    contact this laptop verified and later revoked (docs/sync.md §4, "A revoked author").
    Else :class:`OpAuthorUnknownError`."""
    row = store.conn.execute(
        "SELECT k.key_id, k.public_key, c.status, k.state, c.verified_at, c.revoked_at "
        "FROM sync_contact_keys k JOIN sync_contacts c ON c.id = k.contact_id "
        "JOIN team_members m ON m.contact_id = c.id AND m.case_uid = ? WHERE k.key_id = ?",
        (case_uid, key_id_hex(bytes.fromhex(author))),
    ).fetchone()
    if row is None:
        raise OpAuthorUnknownError()
    key_id, text, status, state, verified_at, revoked_at = row
    until: int | None = None
    if status == REVOKED:
        # verified before the revocation, and the key not revoked on its own before it
        if verified_at is None or revoked_at is None or verified_at > revoked_at:
            raise OpAuthorUnknownError()
        until = _utc_ms(str(revoked_at))
    elif status != VERIFIED or state == "revoked":
        raise OpAuthorUnknownError()
    key = PublicKey.from_minisign_text(str(text))
    if key.key_id_hex != key_id:
        raise OpAuthorUnknownError()
    return key, until


def verify_ops(store: Any, ops: tuple[Op, ...], sigs: tuple[OpSignature, ...]) -> None:
    """Inside the import's transaction, after the grants: every operation's signature by its
    author (see the module docstring), or the refusal; nothing is kept here. An operation of
    a revoked colleague is taken only when its clock is before the revocation."""
    ours = own_authors(store)
    mine: dict[str, PublicKey] = {}
    if any(op.author in ours for op in ops):
        mine = {k.signing_key.key_id.hex(): k.signing_key.public_key() for k in all_keys(store)}
    cache: dict[tuple[str, str], tuple[PublicKey, int | None]] = {}
    for op, sig in zip(ops, sigs, strict=True):
        key = mine.get(op.author)
        if key is None:
            found = cache.get((op.author, op.case))
            if found is None:
                found = cache[(op.author, op.case)] = _author_key(store, op.author, op.case)
            key, until = found
            if until is not None and parse_clock(op.clock)[0] >= until:
                raise OpAuthorUnknownError()
        if not key.verify_raw(canonical_bytes(op, digests_of(op, sig)), sig.signature):
            raise OpSignatureError()


def keep_all(store: Any, ops: tuple[Op, ...], sigs: tuple[OpSignature, ...]) -> None:
    """Inside the import's transaction, after the merge: keep each signature to pass on."""
    for op, sig in zip(ops, sigs, strict=True):
        _keep(store, op.id, sig)


def unmasked(
    store: Any, ops: tuple[Op, ...], sigs: tuple[OpSignature, ...]
) -> list[tuple[Op, OpSignature, set[str]]]:
    """Inside the import's transaction, after :func:`verify_ops`: operations this laptop
    already holds with registers masked (kept as digests: they reached us before our share
    included the protected details) that now come with the real values and their salts.
    Each such register's digest must be the one we hold, and the operation otherwise the
    one we hold, so only the values its author signed replace the ••."""
    kept = stored(store, [op.id for op in ops])
    have = {o.id: o for o in load_ops(store.conn, [op.id for op in ops if op.id in kept])}
    out: list[tuple[Op, OpSignature, set[str]]] = []
    for op, sig in zip(ops, sigs, strict=True):
        old_sig, old = kept.get(op.id), have.get(op.id)
        if old_sig is None or old is None or not old_sig.digests:
            continue
        registers = {reg for reg in old_sig.digests if reg in sig.salts}
        if not registers or old.to_json() | {"set": {}} != op.to_json() | {"set": {}}:
            continue
        if set(old.set) != set(op.set) or any(
            register_digest(sig.salts[reg], op.set[reg]) != old_sig.digests[reg]
            for reg in registers
        ):
            continue
        out.append((op, sig, registers))
    return out


def keep_unmasked(store: Any, upgrades: list[tuple[Op, OpSignature, set[str]]]) -> None:
    """The salts of the registers that are no longer masked here, kept to pass them on."""
    for op, sig, registers in upgrades:
        old = stored(store, [op.id])[op.id]
        salts = {**old.salts, **{reg: sig.salts[reg] for reg in registers}}
        digests = {reg: d for reg, d in old.digests.items() if reg not in registers}
        store.conn.execute(
            "UPDATE team_op_sigs SET salts = ?, digests = ? WHERE op_id = ?",
            (json.dumps(salts), json.dumps(digests), op.id),
        )
