"""Full disk and I/O errors: every write refused with a typed error, the store left as it was.

Scenarios run in a subprocess (tests/reliability/disk_worker.py) on a small filesystem:

- ``tmpfs``: a tmpfs of 8 MiB the test mounts (root; CI runs as root on a fresh Debian), a
  filler file leaving 0 B .. 512 KiB free — ENOSPC;
- ``rlimit``: ``RLIMIT_FSIZE`` with SIGXFSZ ignored — EFBIG; works without privileges, so it
  always runs. Where tmpfs cannot be mounted the tmpfs variant is skipped with the reason,
  except in CI (``CI`` set), where that is a failure.

Operations: journal entry, document, case import (``import_file``), passphrase change (a
key-slot update), rekey, audit export and bundle seal to the full disk, unlock and create on
a full disk. Each ends in success or a typed error (``DiskFullError`` for ENOSPC); after a
refusal keyslots.json and unlock-state.json are byte-identical, no temp or partial output file
is left, the store reopens, passes ``check()``, and every table holds exactly what it held
before (the audit log: the same chain up to the old head, then only unlock/lock entries).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.casefile import (
    cases,
    journal,
)
from storage.vault.crypto import KdfParams
from storage.vault.opening import create_store
from sync.trust import identity
from tests.reliability import support
from tests.reliability.disk_worker import PASS, import_data
from tests.test_bundle_support import link

OPS = (
    "journal",
    "document",
    "import",
    "passphrase",
    "rekey",
    "audit_export",
    "bundle_seal",
    "backup",
    "unlock",
    "create",
)
FREE = {
    "tmpfs": (0, 16 * 1024, 128 * 1024, 512 * 1024),
    "rlimit": (0, 16 * 1024, 128 * 1024, 512 * 1024),
}
PER_OP = {"tmpfs": support.budget(2, 4), "rlimit": support.budget(1, 4)}
TMPFS_SIZE = "8m"


def _refused(r: dict[str, Any]) -> bool:
    return bool(r["outcome"] == "refused")


#: Known gaps (reported to the store owner), each pinned by an xfail test below: the campaign
#: counts them in docs/reliability.md instead of failing on them.
KNOWN_GAPS: dict[str, tuple[str, Any]] = {
    "G1": (
        "passphrase change refused ('Nothing was changed') although keyslots.json was "
        "already replaced: only the NEW passphrase opens the store",
        lambda r: r["op"] == "passphrase" and _refused(r) and not r["keyslots_unchanged"],
    ),
    "G2": (
        "rekey raises sqlcipher3.OperationalError ('database table is locked') from "
        "wal_checkpoint after a failed re-encryption; the open Store then fails every write",
        lambda r: r["op"] == "rekey" and r["outcome"] == "bad",
    ),
    "G3": (
        "unlock on a full disk raises sqlcipher3.OperationalError ('disk I/O error') from "
        "the first read in db.open_database (not mapped to a typed error)",
        lambda r: r["op"] == "unlock" and r["outcome"] == "bad",
    ),
    "G4": (
        "create on a full disk: schema.migrate's ROLLBACK after the failed COMMIT raises "
        "'cannot rollback - no transaction is active', hiding the DiskFullError",
        lambda r: r["op"] == "create" and r["outcome"] == "bad",
    ),
    "G5": (
        "a full disk met while SQLite sizes its -shm file (ENOSPC) reads as StorageError "
        "('could not be read or written'), not DiskFullError",
        lambda r: r["mechanism"] == "tmpfs" and _refused(r) and r["code"] == "storage",
    ),
    "G7": (
        "backup create on a full disk: SQLite's online backup into the temporary copy raises "
        "sqlcipher3.OperationalError ('disk I/O error') untyped "
        "(storage/backup/backups.py _snapshot)",
        lambda r: r["op"] == "backup" and r["outcome"] == "bad",
    ),
    "G6": (
        "audit export: the file is written before the audit_export entry; when that append "
        "fails on the full disk the export file stays although the export was refused",
        lambda r: r["op"] == "audit_export" and _refused(r) and r["outputs_left"],
    ),
}


def known_gap(r: dict[str, Any]) -> str | None:
    return next((gid for gid, (_, match) in KNOWN_GAPS.items() if match(r)), None)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed store with a case, journal, an identity and a verified contact."""
    root = tmp_path_factory.mktemp("fd-template")
    path = root / "store"
    store, _ = create_store(path, PASS, actor="fd", use_device_key=False, kdf=KdfParams.minimum())
    peer, _ = create_store(
        root / "peer", PASS, actor="peer", use_device_key=False, kdf=KdfParams.minimum()
    )
    with store, peer:
        cid = cases.create_case(store, case_type="defector", home_municipality="Lund")
        assert cid == 1
        for i in range(5):
            journal.add_journal_entry(store, cid, f"journal entry {i} " * 50)
        identity.ensure_identity(store, "Malmö", "Exit Malmö", "Anna")
        identity.ensure_identity(peer, "Lund", "Avhopparverksamheten", "Bertil")
        peer_at_store, _ = link(store, peer)
    (root / "peer.json").write_text(json.dumps({"peer_contact": peer_at_store}))
    (root / "import.json").write_text(json.dumps(import_data()))
    return path


def _mount_tmpfs(where: Path) -> str | None:
    """None when mounted, else why not."""
    if os.name != "posix":
        return "tmpfs needs Linux"
    try:
        proc = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={TMPFS_SIZE},mode=0700", "tmpfs", str(where)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        return f"mount failed: {exc}"
    if proc.returncode != 0:
        return f"mount -t tmpfs not permitted here: {proc.stderr.strip()[:200]}"
    return None


@pytest.fixture
def small_fs(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    mechanism = request.param
    root = tmp_path / "small"
    root.mkdir()
    if mechanism == "rlimit":
        yield mechanism, root
        return
    why = _mount_tmpfs(root)
    if why is not None:
        if os.environ.get("CI"):
            pytest.fail(f"{why} — CI runs as root and must run the tmpfs variant")
        pytest.skip(why + " (the rlimit variant still runs)")
    try:
        yield mechanism, root
    finally:
        subprocess.run(["umount", str(root)], check=False, capture_output=True, timeout=30)


def _scenarios(mechanism: str) -> list[tuple[str, int]]:
    rng = random.Random(support.seed_for("full-disk", mechanism))
    out = []
    for op in OPS:
        sizes = list(FREE[mechanism])
        rng.shuffle(sizes)
        out += [(op, size) for size in sorted(sizes[: PER_OP[mechanism]])]
    return out


def _run(mechanism: str, root: Path, template: Path, scenarios: list[tuple[str, int]]) -> list[Any]:
    extra = json.loads((template.parent / "peer.json").read_text())
    cfg = {
        "mechanism": mechanism,
        "root": str(root),
        "template": str(template),
        "scenarios": scenarios,
        "report": str(root.parent / "report.json"),
        "import_file": str(template.parent / "import.json"),
        **extra,
    }
    cfg_path = root.parent / "disk.json"
    cfg_path.write_text(json.dumps(cfg))
    proc = subprocess.run(
        [sys.executable, "-m", "tests.reliability.disk_worker", str(cfg_path)],
        cwd=support.ROOT,
        env=support.child_env(),
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(f"disk worker failed: {proc.stderr[-3000:]}")
    reports: list[Any] = json.loads(Path(cfg["report"]).read_text())
    return reports


def hard_problems(r: dict[str, Any], mechanism: str) -> list[str]:
    """What must never happen, whatever the free space."""
    p = []
    if r["outcome"] == "bad":
        return [f"untyped {r['error']}: {r['message']}"]
    if r["outcome"] == "refused":
        expected = {"disk_full"} if mechanism == "tmpfs" else {"disk_full", "storage"}
        if r["code"] not in expected:
            p.append(f"refused with {r['error']} ({r['code']}), expected {sorted(expected)}")
    if r["op"] == "create":
        if r["outcome"] == "refused" and (r["leftover"] or r["folder_left"]):
            p.append(f"a refused create left {r['leftover']}")
        return p
    if r["reopen"]["outcome"] != "ok":
        p.append(f"does not reopen: {r['reopen']}")
    elif r["opened_with"] != "expected":
        p.append("opens only with the passphrase the user was told is not in force")
    elif not r["check_ok"]:
        p.append(f"check: {r['check_problems']}")
    if r.get("durable") is False:
        p.append("what the session saw before closing is not what reopens")
    if r["temp_files_left"]:
        p.append(f"temp files left: {r['temp_files_left']}")
    if r["outcome"] == "refused":
        if r["outputs_left"]:
            p.append(f"partial output left: {r['outputs_left']}")
        for key in ("keyslots_unchanged", "unlock_state_unchanged", "db_file_unchanged"):
            if r.get(key) is False:
                p.append(f"{key.replace('_', ' ')} is false")
        if r.get("content_same") is False:
            p.append("content changed")
        if r.get("audit_prefix_same") is False:
            p.append("audit chain changed")
        allowed = {"unlock", "lock", "journal.add", "rekey_abandoned"}
        extra = [a for a in r.get("audit_after", []) if a not in allowed]
        if extra:
            p.append(f"audit entries of a refused operation: {extra}")
    return p


@pytest.mark.parametrize("small_fs", ["tmpfs", "rlimit"], indirect=True)
def test_writes_on_a_full_disk(small_fs: tuple[str, Path], template: Path) -> None:
    mechanism, root = small_fs
    start = time.perf_counter()
    reports = _run(mechanism, root, template, _scenarios(mechanism))
    failures, gaps = [], Counter[str]()
    outcomes: Counter[str] = Counter()
    for r in reports:
        outcomes[f"{r['op']}: {r['outcome']}"] += 1
        gap = known_gap(r)
        if gap is not None:
            gaps[gap] += 1
            continue
        failures += [f"{r['op']} free={r['free']}: {x}" for x in hard_problems(r, mechanism)]
        for key in ("usable_after", "close"):
            if key in r and r[key]["outcome"] != "ok":
                failures.append(f"{r['op']} free={r['free']}: {key}: {r[key]}")
    refused = sum(1 for r in reports if r["outcome"] == "refused")
    support.record(
        f"full-disk-{mechanism}",
        runs=len(reports),
        refused=refused,
        outcomes=dict(outcomes),
        known_gaps=dict(gaps),
        failures=len(failures),
        seconds=round(time.perf_counter() - start, 1),
    )
    assert not failures, "\n".join(failures) + "\n" + support.reproduce(__file__)
    assert refused, "nothing was refused: the disk was never full"


# ---------------------------------------------------------------- known gaps, pinned

PINNED = [
    ("G1", "passphrase", 0),
    ("G2", "rekey", 16 * 1024),
    ("G3", "unlock", 0),
    ("G4", "create", 128 * 1024),
    ("G6", "audit_export", 0),
    ("G7", "backup", 128 * 1024),
]


@pytest.fixture(scope="module")
def pinned(template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    """The pinned scenarios, under RLIMIT_FSIZE (always available), in one subprocess."""
    root = tmp_path_factory.mktemp("pinned") / "small"
    root.mkdir()
    reports = _run("rlimit", root, template, [(op, free) for _, op, free in PINNED])
    return {gid: r for (gid, _, _), r in zip(PINNED, reports, strict=True)}


def _clean(r: dict[str, Any], mechanism: str) -> None:
    """What a fixed store does: a typed refusal, nothing changed, the session still works."""
    assert r["outcome"] in ("ok", "refused"), f"{r.get('error')}: {r.get('message')}"
    assert known_gap(r) is None
    assert hard_problems(r, mechanism) == []
    for key in ("usable_after", "close"):
        assert key not in r or r[key]["outcome"] == "ok", r[key]


def _pin(gid: str) -> Any:
    return pytest.mark.xfail(
        strict=True, raises=AssertionError, reason=f"{gid} (reported): " + KNOWN_GAPS[gid][0]
    )


def test_g1_refused_passphrase_change_changes_nothing(pinned: dict[str, Any]) -> None:
    _clean(pinned["G1"], "rlimit")


def test_g2_rekey_on_a_full_disk_is_a_clean_refusal(pinned: dict[str, Any]) -> None:
    _clean(pinned["G2"], "rlimit")


def test_g3_unlock_on_a_full_disk_is_a_typed_refusal(pinned: dict[str, Any]) -> None:
    _clean(pinned["G3"], "rlimit")


def test_g4_create_on_a_full_disk_is_a_typed_refusal(pinned: dict[str, Any]) -> None:
    _clean(pinned["G4"], "rlimit")


def test_g6_refused_audit_export_leaves_no_file(pinned: dict[str, Any]) -> None:
    _clean(pinned["G6"], "rlimit")


def test_g7_backup_on_a_full_disk_is_a_typed_refusal(pinned: dict[str, Any]) -> None:
    _clean(pinned["G7"], "rlimit")


@pytest.mark.parametrize("small_fs", ["tmpfs"], indirect=True)
def test_g5_enospc_reads_as_disk_full(small_fs: tuple[str, Path], template: Path) -> None:
    mechanism, root = small_fs
    (r,) = _run(mechanism, root, template, [("create", 16 * 1024)])
    _clean(r, mechanism)
