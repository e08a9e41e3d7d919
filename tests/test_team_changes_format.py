"""``changes.json`` versions (docs/sync.md §4): the saved version 1 (as every change bundle
was written before handovers of shared cases) and version 2 (``handed_over``) are read with
today's code, byte for byte as saved; anything between the two versions is refused."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from sync.team.changes import VERSION, VERSION_HANDED_OVER, parse_changes
from sync.team.errors import NotAChangeBundleError

FIXTURES = Path(__file__).parent / "fixtures"
SAVED = {
    "team-changes-v1.json": "af2594edec25e5798e951b91825aea882839e056409e1160a80b18c2bf39c491",
    "team-changes-v2.json": "e5cd62eac2e56cf848a10c23384200b1dcdd97f7583a286f327c6e9c752d3271",
}


def _saved(name: str) -> bytes:
    data = (FIXTURES / name).read_bytes()
    assert hashlib.sha256(data).hexdigest() == SAVED[name], f"{name} was changed"
    return data


def test_version_1_is_read_as_before() -> None:
    changes = parse_changes(_saved("team-changes-v1.json"))
    assert VERSION == 1
    assert changes.handed_over == ()
    [grant] = changes.grants
    assert grant.case_number == "UV-2026-0001"
    assert {m.state for m in grant.members} == {"active"}
    assert changes.ops and {op.case for op in changes.ops} == {grant.case}


def test_version_2_tells_of_a_handover() -> None:
    changes = parse_changes(_saved("team-changes-v2.json"))
    assert VERSION_HANDED_OVER == 2
    [grant] = changes.grants
    assert [case for case, _at in changes.handed_over] == [grant.case]
    assert {m.state for m in grant.members} == {"ended"}
    assert changes.ops == ()


def _variant(name: str, change: dict[str, object], drop: str | None = None) -> bytes:
    body = json.loads(_saved(name))
    body.update(change)
    if drop is not None:
        del body[drop]
    return (json.dumps(body, ensure_ascii=False, indent=1) + "\n").encode()


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
