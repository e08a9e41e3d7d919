"""``changes.json`` versions (docs/sync.md §4), saved as the code wrote them: version 1 (as
every change bundle was written before handovers of shared cases and signed operations) is
read without operations and clearly refused with them (they are unsigned); version 2
(``handed_over``) is read; version 3 is read and each operation's signature verifies, byte
for byte, against its author's saved public key. Anything between the versions is refused."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from sync.signing.minisign import PublicKey
from sync.team.changes import VERSION, VERSION_HANDED_OVER, VERSION_SIGNED, parse_changes
from sync.team.errors import NotAChangeBundleError, OpsUnsignedError
from sync.team.signatures import canonical_bytes, digests_of

FIXTURES = Path(__file__).parent / "fixtures"
SAVED = {
    "team-changes-v1.json": "af2594edec25e5798e951b91825aea882839e056409e1160a80b18c2bf39c491",
    "team-changes-v2.json": "e5cd62eac2e56cf848a10c23384200b1dcdd97f7583a286f327c6e9c752d3271",
    "team-changes-v3.json": "04c1e10dbc689cb45b8f8a14c78dca889ba22dedb7b6a3a84dd353b0cf9660e0",
}
#: The signing key of the (fictional) author of team-changes-v3.json, as minisign prints it.
AUTHOR_V3 = "RWTJZEVXx2BAAX9WGiZY+ah7/y1nHRF0AmqpmGxyei/6IgVfGsRtufK7"


def _saved(name: str) -> bytes:
    data = (FIXTURES / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SAVED[name], f"{name} was changed"
    return data


def test_version_1_with_operations_is_refused_without_them_read() -> None:
    assert VERSION == 1
    assert json.loads(_saved("team-changes-v1.json"))["ops"]
    with pytest.raises(OpsUnsignedError) as refused:
        parse_changes(_saved("team-changes-v1.json"))
    assert refused.value.code == "team_ops_unsigned"
    changes = parse_changes(_variant("team-changes-v1.json", {"ops": []}))
    assert changes.handed_over == () and changes.ops == ()
    [grant] = changes.grants
    assert grant.case_number == "UV-2026-0001"
    assert {m.state for m in grant.members} == {"active"}
    # written before grants named each member's protected choice: taken as no
    assert {m.protected for m in grant.members} == {False}


def test_version_3_operations_verify_against_their_author() -> None:
    changes = parse_changes(_saved("team-changes-v3.json"))
    assert VERSION_SIGNED == 3
    assert changes.ops and len(changes.signatures) == len(changes.ops)
    key = PublicKey.from_minisign_text(AUTHOR_V3)
    assert {op.author for op in changes.ops} == {key.key_id.hex()}
    for op, sig in zip(changes.ops, changes.signatures, strict=True):
        assert key.verify_raw(canonical_bytes(op, digests_of(op, sig)), sig.signature)
    pairs = list(zip(changes.ops, changes.signatures, strict=True))
    masked = [(op, sig) for op, sig in pairs if sig.digests]
    assert masked and all(op.set["name"] == {"name": "••"} for op, _sig in masked)
    # one value changed: the signature no longer verifies
    op, sig = next((o, s) for o, s in zip(changes.ops, changes.signatures, strict=True) if s.salts)
    reg = sorted(sig.salts)[0]
    field = sorted(op.set[reg])[0]
    forged = replace(op, set={**op.set, reg: {**op.set[reg], field: "ändrad (fiktiv)"}})
    assert not key.verify_raw(canonical_bytes(forged, digests_of(forged, sig)), sig.signature)


def test_version_2_tells_of_a_handover() -> None:
    changes = parse_changes(_saved("team-changes-v2.json"))
    assert VERSION_HANDED_OVER == 2
    [grant] = changes.grants
    assert [case for case, _at in changes.handed_over] == [grant.case]
    assert {m.state for m in grant.members} == {"ended"}
    assert changes.ops == ()


def _op_v3(*, drop: str | None = None, overlap: bool = False) -> dict[str, object]:
    """The first operation of team-changes-v3.json, or a broken copy of it."""
    op: dict[str, object] = json.loads(_saved("team-changes-v3.json"))["ops"][0]
    if drop is not None:
        del op[drop]
    if overlap:  # a register given both a salt and a digest
        salts = op["salts"]
        assert isinstance(salts, dict)
        op["digests"] = {next(iter(salts)): "0" * 64}
    return op


def _variant(name: str, change: dict[str, object], drop: str | None = None) -> bytes:
    body = json.loads(_saved(name))
    body.update(change)
    if drop is not None:
        del body[drop]
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()


def _shares_v3_without_protected() -> list[dict[str, object]]:
    shares: list[dict[str, object]] = json.loads(_saved("team-changes-v3.json"))["shares"]
    for grant in shares:
        members = grant["members"]
        assert isinstance(members, list)
        members[0] = {k: v for k, v in members[0].items() if k != "protected"}
    return shares


@pytest.mark.parametrize(
    ("name", "change", "drop"),
    [
        # version 1 with the key of version 2, version 2 without it or with it empty
        ("team-changes-v1.json", {"handed_over": []}, None),
        ("team-changes-v2.json", {"version": 1}, None),
        ("team-changes-v2.json", {}, "handed_over"),
        ("team-changes-v2.json", {"handed_over": []}, None),
        # a version this Utväg does not know, or not an integer
        ("team-changes-v1.json", {"version": 3}, None),
        ("team-changes-v1.json", {"version": "1"}, None),
        ("team-changes-v2.json", {"version": True}, None),
        # version 3 without operations, or an operation without its signature parts
        ("team-changes-v3.json", {"ops": []}, None),
        ("team-changes-v3.json", {"ops": [{**_op_v3(), "sig": "00"}]}, None),
        ("team-changes-v3.json", {"ops": [_op_v3(drop="salts")]}, None),
        ("team-changes-v3.json", {"ops": [_op_v3(overlap=True)]}, None),
        # version 3: every member of a grant says whether the protected details travel to it
        ("team-changes-v3.json", {"shares": _shares_v3_without_protected()}, None),
        # a handover named twice, or with a time not in the documented form
        (
            "team-changes-v2.json",
            {"handed_over": [{"case": "ab" * 16, "handed_over_at": "2026-12-06T19:08:51Z"}] * 2},
            None,
        ),
        (
            "team-changes-v2.json",
            {"handed_over": [{"case": "ab" * 16, "handed_over_at": "2026-12-06"}]},
            None,
        ),
    ],
)
def test_anything_else_is_refused(name: str, change: dict[str, object], drop: str | None) -> None:
    with pytest.raises(NotAChangeBundleError):
        parse_changes(_variant(name, change, drop))
