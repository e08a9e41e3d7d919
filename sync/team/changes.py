"""``changes.json``: what a change bundle says (docs/sync.md §4), built and strictly parsed.

Built for one colleague: the grants of every case shared with them (who is on it, in which
role, until when, whether protected fields travel), the operations they lack in clock order
(protected fields masked when their share does not include them), and the sequences of
their change bundles we imported (the acknowledgement). Parsed strictly: exact keys, types,
lengths; operations by :func:`storage.team.ops.parse_ops`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from storage.team import clock, ops, rows
from storage.team import protected as protected_
from storage.team.ops import Op
from sync.team.errors import NotAChangeBundleError, OpsUnsignedError
from sync.team.members import ROLES
from sync.team.signatures import OpSignature
from sync.trust.identity import get_identity
from sync.wire.fields import FINGERPRINT_RE, check_text, strict_json

FORMAT = "utvag-team-changes"
#: Version 1: as before handovers of shared cases. Version 2 adds ``handed_over`` (never
#: empty). Version 3: every operation signed by its author (``salts``, ``digests``,
#: ``sig``), ``handed_over`` always there. A bundle with operations is version 3; without,
#: version 2 when it tells of a handover, else version 1, so that a colleague on an earlier
#: Utväg still reads acknowledgements and grants (docs/sync.md §4). Operations in a version
#: 1 or 2 bundle are unsigned and refused (``team_ops_unsigned``).
VERSION = 1
VERSION_HANDED_OVER = 2
VERSION_SIGNED = 3
VERSIONS = (VERSION, VERSION_HANDED_OVER, VERSION_SIGNED)
SALT_RE = re.compile(r"[0-9a-f]{32}")
DIGEST_RE = re.compile(r"[0-9a-f]{64}")
SIG_RE = re.compile(r"[0-9a-f]{128}")
MAX_OPS = 200_000
MAX_GRANTS = 10_000
MAX_MEMBERS = 32
MAX_ACKS = 64
STATES = ("active", "ended", "revoked")
MASK = "••"
TIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_PROTECTED = {"name": {"name": MASK}, "id_number": {"id_number": None, "id_kind": None}}
#: fields of a protected address or fictitious identity that the table requires: masked as
#: ••; the others travel as null
_MASKED_TEXT = frozenset({"address_street", "address_city", "fictitious_name"})


@dataclass(frozen=True)
class GrantMember:
    fingerprint: str
    role: str
    valid_from: str | None
    valid_until: str | None
    state: str
    #: whether the protected details travel to this member (the responsible's word)
    protected: bool = False


@dataclass(frozen=True)
class Grant:
    case: str
    case_number: str
    protected: bool
    members: tuple[GrantMember, ...]

    def member(self, fingerprint: str) -> GrantMember | None:
        return next((m for m in self.members if m.fingerprint == fingerprint), None)


@dataclass(frozen=True)
class Changes:
    sender_clock: str
    acknowledged: tuple[int, ...]
    grants: tuple[Grant, ...]
    ops: tuple[Op, ...]
    removed: tuple[tuple[str, str], ...]  # (case uid, when): the sender removed its copy
    handed_over: tuple[tuple[str, str], ...] = ()  # (case uid, when): the case left the unit
    signatures: tuple[OpSignature, ...] = ()  # one per operation, in the same order


# ---------------------------------------------------------------- building


def grants_for(store: Any, contact_id: int) -> list[dict[str, Any]]:
    """The grant of every case this colleague is (or was) on, as JSON objects."""
    conn = store.conn
    me = get_identity(store).fingerprint
    out: list[dict[str, Any]] = []
    for case_uid, protected in conn.execute(
        "SELECT case_uid, protected FROM team_members WHERE contact_id = ? ORDER BY case_uid",
        (int(contact_id),),
    ).fetchall():
        ours = conn.execute(
            "SELECT c.case_number, t.role, t.valid_from, t.valid_until, t.state, t.protected "
            "FROM team_cases t JOIN cases c ON c.id = t.case_id WHERE t.case_uid = ?",
            (case_uid,),
        ).fetchone()
        if ours is None:
            continue
        members = [
            {
                "fingerprint": me,
                "role": ours[1],
                "valid_from": ours[2],
                "valid_until": ours[3],
                "state": ours[4],
                "protected": bool(ours[5]),
            }
        ]
        for cid, role, start, end, state, prot in conn.execute(
            "SELECT contact_id, role, valid_from, valid_until, state, protected FROM team_members "
            "WHERE case_uid = ? ORDER BY contact_id",
            (case_uid,),
        ).fetchall():
            fp = conn.execute(
                "SELECT fingerprint FROM sync_contact_keys WHERE contact_id = ? "
                "AND state <> 'rotated'",
                (cid,),
            ).fetchone()
            if fp is not None:
                members.append(
                    {
                        "fingerprint": fp[0],
                        "role": role,
                        "valid_from": start,
                        "valid_until": end,
                        "state": state,
                        "protected": bool(prot),
                    }
                )
        out.append(
            {
                "case": case_uid,
                "case_number": ours[0],
                "protected": bool(protected),
                "members": members,
            }
        )
    return out


def pending_ops(store: Any, contact_id: int) -> list[Op]:
    """Operations of the cases shared with this colleague (their share active) that they
    are not known to have, in clock order. Our own share may have ended: a stand-in sends
    what is left before removing the case."""
    rows_ = store.conn.execute(
        "SELECT o.op_id FROM team_ops o JOIN team_members m "
        "ON m.case_uid = o.case_uid AND m.contact_id = ? AND m.state = 'active' "
        "AND (m.valid_until IS NULL OR m.valid_until >= date('now')) "
        "WHERE NOT EXISTS (SELECT 1 FROM team_delivered d WHERE d.contact_id = ? "
        "AND d.op_id = o.op_id) ORDER BY o.clock, o.author, o.op_id",
        (int(contact_id), int(contact_id)),
    ).fetchall()
    return ops.load(store.conn, [r[0] for r in rows_])


def _secret(op: Op) -> set[str]:
    """Registers of ``op`` that always travel only with the protected details and hold a
    value. A masked one holds ••, so a colleague without the details never relays it."""
    return protected_.secret_registers(op)


def _mask_secret(values: dict[str, Any]) -> dict[str, Any]:
    return {f: (MASK if f in _MASKED_TEXT else None) for f in values}


def touches_protected(store: Any, op: Op) -> bool:
    """A ``persons`` operation that writes the name or personnummer of a person with a
    protection level (as this laptop has the person, or as the operation creates it), or
    an operation that writes a protected address or a fictitious identity."""
    return protected_.touches_protected(store.conn, op)


def masked(store: Any, op: Op, protected: bool) -> dict[str, Any]:
    """An operation as it travels to a colleague; without protected data in the share, the
    name and personnummer of a person with a protection level are masked, and a protected
    address or fictitious identity travels as empty (null): never the value."""
    data = op.to_json()
    if not protected and _secret(op):
        data["set"] = {
            reg: (_mask_secret(values) if reg in _secret(op) else values)
            for reg, values in op.set.items()
        }
    if protected or op.table != "persons" or not set(op.set) & set(_PROTECTED):
        return data
    lid = rows.local_id(store.conn, "persons", op.record)
    level = store.conn.execute(
        "SELECT protection_level FROM persons WHERE id = ?", (lid,)
    ).fetchone()
    if level is not None and level[0] == "none":
        return data
    data["set"] = {
        reg: (_PROTECTED[reg] if reg in _PROTECTED else values)
        for reg, values in data["set"].items()
    }
    return data


def removals_for(store: Any, contact_id: int) -> list[dict[str, str]]:
    """Confirmations that we removed our copy of a case this colleague was on."""
    out = []
    for case_uid, at, notify in store.conn.execute(
        "SELECT case_uid, removed_at, notify FROM team_removed ORDER BY case_uid"
    ).fetchall():
        if int(contact_id) in json.loads(notify):
            out.append({"case": str(case_uid), "removed_at": str(at)})
    return out


def handed_over_for(store: Any, contact_id: int) -> list[dict[str, str]]:
    """Shared cases we handed over to another municipality that this colleague was on and
    has not yet confirmed removing (``team_members.removed_at``)."""
    return [
        {"case": str(r[0]), "handed_over_at": str(r[1])}
        for r in store.conn.execute(
            "SELECT t.case_uid, t.handed_over_at FROM team_cases t JOIN team_members m "
            "ON m.case_uid = t.case_uid WHERE m.contact_id = ? AND t.handed_over_at IS NOT NULL "
            "AND m.removed_at IS NULL ORDER BY t.case_uid",
            (int(contact_id),),
        ).fetchall()
    ]


def changes_json(
    store: Any,
    grants: list[dict[str, Any]],
    sent: list[dict[str, Any]],
    acks: list[int],
    removed: list[dict[str, str]],
    handed_over: list[dict[str, str]] | None = None,
) -> bytes:
    version = VERSION_SIGNED if sent else VERSION_HANDED_OVER if handed_over else VERSION
    body: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "sender_clock": clock.current(store.conn),
        "acknowledged": acks,
        "shares": grants,
        "removed": removed,
    }
    if version != VERSION:
        body["handed_over"] = handed_over or []
    body["ops"] = sent
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


# ---------------------------------------------------------------- parsing


def _obj(untrusted: object, keys: set[str]) -> dict[str, Any]:
    if not isinstance(untrusted, dict) or set(untrusted) != keys:
        raise NotAChangeBundleError()
    return untrusted


def _list(untrusted: object, limit: int) -> list[Any]:
    if not isinstance(untrusted, list) or len(untrusted) > limit:
        raise NotAChangeBundleError()
    return untrusted


def _day(untrusted: object) -> str | None:
    if untrusted is None:
        return None
    if not isinstance(untrusted, str) or len(untrusted) != 10:
        raise NotAChangeBundleError()
    try:
        return dt.date.fromisoformat(untrusted).isoformat()
    except ValueError:
        raise NotAChangeBundleError() from None


_MEMBER_KEYS = {"fingerprint", "role", "valid_from", "valid_until", "state"}


def _member(untrusted: object, version: int) -> GrantMember:
    """A member of a grant. ``protected`` (the responsible caseworker's word whether the
    protected details travel to that member) is in every member of version 3 and may be
    missing in versions 1 and 2 (written before it existed): then it is taken as no."""
    if version != VERSION_SIGNED and isinstance(untrusted, dict) and "protected" not in untrusted:
        untrusted = {**untrusted, "protected": False}
    m = _obj(untrusted, _MEMBER_KEYS | {"protected"})
    fp = m["fingerprint"]
    if not isinstance(fp, str) or FINGERPRINT_RE.fullmatch(fp) is None:
        raise NotAChangeBundleError()
    if m["role"] not in ROLES or m["state"] not in STATES or type(m["protected"]) is not bool:
        raise NotAChangeBundleError()
    return GrantMember(
        fp, m["role"], _day(m["valid_from"]), _day(m["valid_until"]), m["state"], m["protected"]
    )


def _grant(untrusted: object, version: int) -> Grant:
    g = _obj(untrusted, {"case", "case_number", "protected", "members"})
    if not isinstance(g["case"], str) or ops.UID_RE.fullmatch(g["case"]) is None:
        raise NotAChangeBundleError()
    if type(g["protected"]) is not bool:
        raise NotAChangeBundleError()
    number = check_text(g["case_number"], limit=40, empty_ok=False, error=NotAChangeBundleError)
    members = tuple(_member(m, version) for m in _list(g["members"], MAX_MEMBERS))
    if len({m.fingerprint for m in members}) != len(members):
        raise NotAChangeBundleError()
    if sum(m.role == "responsible" for m in members) != 1:
        raise NotAChangeBundleError()
    return Grant(g["case"], number, g["protected"], members)


_KEYS_V1 = {"format", "version", "sender_clock", "acknowledged", "shares", "removed", "ops"}
_KEYS = {
    VERSION: _KEYS_V1,
    VERSION_HANDED_OVER: _KEYS_V1 | {"handed_over"},
    VERSION_SIGNED: _KEYS_V1 | {"handed_over"},
}
_SIG_KEYS = {"salts", "digests", "sig"}


def _hex_map(untrusted: object, pattern: re.Pattern[str]) -> dict[str, str]:
    if not isinstance(untrusted, dict) or len(untrusted) > 64:
        raise NotAChangeBundleError()
    for key, value in untrusted.items():
        if not isinstance(value, str) or pattern.fullmatch(value) is None or not key:
            raise NotAChangeBundleError()
    return dict(untrusted)


def _signed(untrusted_ops: list[Any]) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """Split version 3 operations into the operations and their signature parts."""
    plain: list[dict[str, Any]] = []
    parts: list[tuple[Any, ...]] = []
    for untrusted in untrusted_ops:
        if not isinstance(untrusted, dict) or not _SIG_KEYS <= set(untrusted):
            raise NotAChangeBundleError()
        sig = untrusted["sig"]
        if not isinstance(sig, str) or SIG_RE.fullmatch(sig) is None:
            raise NotAChangeBundleError()
        salts = _hex_map(untrusted["salts"], SALT_RE)
        digests = _hex_map(untrusted["digests"], DIGEST_RE)
        plain.append({k: v for k, v in untrusted.items() if k not in _SIG_KEYS})
        parts.append((bytes.fromhex(sig), salts, digests))
    return plain, parts


def parse_changes(untrusted_bytes: bytes) -> Changes:
    untrusted = strict_json(untrusted_bytes, NotAChangeBundleError)
    version = untrusted.get("version") if isinstance(untrusted, dict) else None
    if type(version) is not int or version not in VERSIONS:
        raise NotAChangeBundleError()
    top = _obj(untrusted, _KEYS[version])
    if top["format"] != FORMAT:
        raise NotAChangeBundleError()
    sender_clock = top["sender_clock"]
    if not isinstance(sender_clock, str) or clock.CLOCK_RE.fullmatch(sender_clock) is None:
        raise NotAChangeBundleError()
    acks = _list(top["acknowledged"], MAX_ACKS)
    if not all(type(a) is int and 1 <= a <= 2**53 for a in acks):
        raise NotAChangeBundleError()
    grants = tuple(_grant(g, version) for g in _list(top["shares"], MAX_GRANTS))
    if len({g.case for g in grants}) != len(grants):
        raise NotAChangeBundleError()
    removed = tuple(_removal(r) for r in _list(top["removed"], MAX_GRANTS))
    handed_over: tuple[tuple[str, str], ...] = ()
    if version in (VERSION_HANDED_OVER, VERSION_SIGNED):
        untrusted_list = _list(top["handed_over"], MAX_GRANTS)
        if not untrusted_list and version == VERSION_HANDED_OVER:  # only when there is one
            raise NotAChangeBundleError()
        handed_over = tuple(_removal(r, "handed_over_at") for r in untrusted_list)
        if len({case for case, _ in handed_over}) != len(handed_over):
            raise NotAChangeBundleError()
    untrusted_ops = _list(top["ops"], MAX_OPS)
    if version != VERSION_SIGNED:
        if untrusted_ops:
            raise OpsUnsignedError()
        return Changes(sender_clock, tuple(acks), grants, (), removed, handed_over)
    if not untrusted_ops:  # version 3 is written only with operations
        raise NotAChangeBundleError()
    plain, parts = _signed(untrusted_ops)
    parsed = ops.parse_ops(plain, MAX_OPS)
    signatures = []
    for op, (sig, salts, digests) in zip(parsed, parts, strict=True):
        if set(salts) & set(digests) or set(salts) | set(digests) != set(op.set):
            raise NotAChangeBundleError()
        signatures.append(OpSignature(sig, salts, digests))
    return Changes(
        sender_clock, tuple(acks), grants, tuple(parsed), removed, handed_over, tuple(signatures)
    )


def _removal(untrusted: object, when: str = "removed_at") -> tuple[str, str]:
    r = _obj(untrusted, {"case", when})
    case, at = r["case"], r[when]
    if not isinstance(case, str) or ops.UID_RE.fullmatch(case) is None:
        raise NotAChangeBundleError()
    if not isinstance(at, str) or TIME_RE.fullmatch(at) is None:
        raise NotAChangeBundleError()
    return case, at
