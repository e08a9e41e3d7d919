"""Run the reliability suite and write docs/reliability.md (``make reliability``).

    python scripts/reliability_report.py            # the long runs (UTVAG_RELIABILITY=long)
    python scripts/reliability_report.py --short    # the sample ``make test`` runs
    python scripts/reliability_report.py --seed 7   # another master seed
    python scripts/reliability_report.py --from-results FILE --junit FILE  # render only
    python scripts/reliability_report.py --from-results R1 R2 --junit J1 J2  # failed tests
                                                  # of run 1 run again in run 2: combined

Each test in tests/reliability appends its figures to a JSON-lines file
(``UTVAG_RELIABILITY_RESULTS``); pytest's JUnit XML gives every test's outcome (passed,
failed, skipped, xfailed with its reason). This script turns both into the summary table,
the known gaps and the method of each part. The tmpfs variant of the full-disk tests needs
root (``mount -t tmpfs``); without it that variant is skipped and the page says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "reliability.md"
DEFAULT_SEED = 20260607


def run_suite(short: bool, seed: int, results: Path, junit: Path) -> int:
    env = dict(os.environ)
    env.update(
        UTVAG_RELIABILITY="short" if short else "long",
        UTVAG_RELIABILITY_SEED=str(seed),
        UTVAG_RELIABILITY_RESULTS=str(results),
        QT_QPA_PLATFORM=env.get("QT_QPA_PLATFORM") or "offscreen",
        PYTHONPATH=str(ROOT),
    )
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "tests/reliability",
        "-q",
        "-rxXs",
        "-p",
        "no:cacheprovider",
        f"--junitxml={junit}",
    ]
    print("running:", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode


def outcomes(junit: Path) -> list[dict[str, str]]:
    tree = ET.parse(junit)  # noqa: S314 - our own pytest output
    out = []
    for case in tree.iter("testcase"):
        name = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name')}"
        state, reason, message = "passed", "", ""
        for child in case:
            if child.tag == "skipped":
                kind = child.get("type", "")
                state = "xfailed" if "xfail" in kind else "skipped"
                reason = child.get("message", "")
            elif child.tag in ("failure", "error"):
                message = (child.get("message") or "") + "\n" + (child.text or "")
                state, reason = child.tag, (child.get("message") or "")[:300]
        out.append(
            {
                "test": name,
                "state": state,
                "reason": reason,
                "message": message,
                "time": case.get("time", "0"),
            }
        )
    return out


def suite_seconds(junit: Path) -> float:
    """How long the test run took, as pytest recorded it in the JUnit XML."""
    root = ET.parse(junit).getroot()  # noqa: S314 - our own pytest output
    suite = root if root.tag == "testsuite" else root.find("testsuite")
    return float(suite.get("time", "0")) if suite is not None else 0.0


def load(results: Path) -> dict[str, dict[str, Any]]:
    recs: dict[str, dict[str, Any]] = {}
    if results.exists():
        for line in results.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            recs[rec["name"]] = rec
    return recs


def mib(n: Any) -> str:
    if n is None:
        return "-"
    if int(n) < 1 << 20:
        return f"{int(n) / 1024:.0f} KiB"
    return f"{int(n) / (1 << 20):.1f} MiB"


def versions() -> str:
    parts = [f"Python {platform.python_version()}", f"{os.cpu_count()} cores"]
    try:
        import cryptography
        import sqlcipher3.dbapi2 as sqlcipher

        conn = sqlcipher.connect(":memory:")
        parts.append(f"SQLCipher {conn.execute('PRAGMA cipher_version').fetchone()[0]}")
        conn.close()
        parts.append(f"cryptography {cryptography.__version__}")
    except ImportError:
        pass
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        parts.append(f"commit {rev or '?'} (plus uncommitted work)")
    except OSError:
        pass
    return ", ".join(parts)


def row(area: str, runs: str, result: str, seconds: Any, test: str) -> str:
    return f"| {area} | {runs} | {result} | {seconds} | `{test}` |"


FAULT_SYSCALLS = ("fsync", "fdatasync", "rename", "write", "pwrite64")


def _fault_records(r: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for k, v in sorted(r.items()) if k.startswith("fault-injection ")]


def _every_k(f: dict[str, Any]) -> bool:
    return all(f["tried"].get(s, 0) == f["calls"].get(s, 0) for s in FAULT_SYSCALLS)


def fault_details(r: dict[str, dict[str, Any]]) -> list[str]:
    faults = _fault_records(r)
    if not faults:
        return []
    out = [
        "### Fault injection in detail",
        "",
        "Each command on a fresh copy of the stores, killed (SIGKILL, by strace, before the "
        "call) at the k-th call of one syscall; per syscall: the calls the command makes, "
        "the kill points tried, the runs that died there, and those after which the "
        "invariant held. `fdatasync`: SQLite and Utväg call `fsync` here, so there is "
        "nothing to kill at.",
        "",
        "| command | syscall | calls | k tried | killed | invariant held |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for f in faults:
        for s in FAULT_SYSCALLS:
            out.append(
                f"| {f['command']} | {s} | {f['calls'].get(s, 0)} | {f['tried'].get(s, 0)} | "
                f"{f['kills'].get(s, 0)} | {f['holds'].get(s, 0)} |"
            )
    out += [
        "",
        "What the next run of the same command did (after the kill and the next unlock):",
        "",
        "| command | outcomes of the next run |",
        "|---|---|",
    ]
    for f in faults:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(f["outcomes"].items()))
        out.append(f"| {f['command']} | {shown} |")
    out.append("")
    return out


def summary(r: dict[str, dict[str, Any]], tests: list[dict[str, str]]) -> list[str]:
    lines = ["| part | runs / inputs | result | s | test |", "|---|---|---|---|---|"]
    c = r.get("crash")
    if c:
        f = c["figures"]
        gaps = sum(v for k, v in f.items() if k.startswith("key change without"))
        lines.append(
            row(
                "crash: SIGKILL at random points",
                f"{c['runs']} kills "
                f"({', '.join(f'{k} {v}' for k, v in sorted(c['kills_by_mode'].items()))}); "
                f"{f.get('operations checked', 0)} operations checked",
                f"0 lost, 0 half-done, store opened and checked after every kill; "
                f"{gaps} key change(s) whose audit entry does not match the key slots",
                c["seconds"],
                "test_crash.py::test_kill_at_random_points",
            )
        )
    k = r.get("keyslots-torn-write")
    if k:
        lines.append(
            row(
                "crash: kill at every file call of a keyslots.json write",
                f"{k['runs']} kill points",
                f"old {k['outcomes'].get('old', 0)}, new {k['outcomes'].get('new', 0)}, "
                f"torn 0; {k['leftover_temp_files']} temp files left by the kills, "
                f"{k.get('left_after_unlock', '?')} after the next unlock",
                "-",
                "test_crash.py::test_keyslots_file_is_old_or_new_at_every_kill_point",
            )
        )
    faults = _fault_records(r)
    if faults:
        calls = sum(sum(f["calls"].values()) for f in faults)
        tried = sum(sum(f["tried"].values()) for f in faults)
        kills = sum(sum(f["kills"].values()) for f in faults)
        holds = sum(sum(f["holds"].values()) for f in faults)
        lines.append(
            row(
                "crash: strace kill at the k-th fsync, fdatasync, rename, write, pwrite64",
                f"{len(faults)} commands, {calls} calls, {tried} kill points "
                f"({'every k' if all(_every_k(f) for f in faults) else 'a sample of k'}); "
                f"{kills} killed",
                f"invariant held after {holds} of {tried} (next unlock: nothing owed or "
                f"half-written; next run: the file asked for, recorded once, usable at the "
                f"other end)",
                round(sum(f["seconds"] for f in faults), 1),
                "test_fault_injection.py",
            )
        )
    for mech in ("tmpfs", "rlimit"):
        d = r.get(f"full-disk-{mech}")
        if d:
            gaps = ", ".join(f"{g} ×{n}" for g, n in sorted(d["known_gaps"].items())) or "none"
            lines.append(
                row(
                    f"full disk ({mech})",
                    f"{d['runs']} scenarios, {d['refused']} refused",
                    f"{d['failures']} unexpected; known gaps: {gaps}",
                    d["seconds"],
                    f"test_full_disk.py::test_writes_on_a_full_disk[{mech}]",
                )
            )
        elif mech == "tmpfs":
            lines.append(
                row(
                    "full disk (tmpfs)",
                    "not run",
                    "needs root to mount tmpfs",
                    "-",
                    "test_full_disk.py",
                )
            )
    fuzz = [
        ("fuzz-keyslots-bytes", "hostile keyslots.json: byte mutations"),
        ("fuzz-keyslots-structure", "hostile keyslots.json: structure, valid checksum"),
        ("fuzz-import-structure", "hostile case import: structure"),
        ("fuzz-import-bytes", "hostile case import: bytes"),
        ("fuzz-manifest", "hostile bundle manifest"),
        ("fuzz-bundle-signed-manifest", "hostile manifest, signed by the sender"),
        ("fuzz-card-bytes", "hostile contact card: bytes"),
        ("fuzz-card-signed", "hostile contact card: self-signed structure"),
        ("fuzz-backup", "hostile backup file"),
    ]
    for name, label in fuzz:
        x = r.get(name)
        if x:
            lines.append(
                row(
                    label,
                    f"{x['inputs']} inputs",
                    f"{x['refused']} typed refusals, {x['accepted']} accepted, "
                    f"{x['bad']} other; peak {mib(x['peak_bytes'])}",
                    x["seconds"],
                    name,
                )
            )
    bombs = {k: v for k, v in r.items() if "-bomb " in k}
    if bombs:
        ok = sum(1 for v in bombs.values() if not v["bad"])
        worst = max(bombs.values(), key=lambda v: v.get("peak_bytes", 0))
        lines.append(
            row(
                "bombs (size, depth, declared sizes, many members)",
                f"{len(bombs)} files",
                f"{ok} refused typed within bounds; highest "
                f"peak {mib(worst['peak_bytes'])} ({worst['name']})",
                "-",
                "test_fuzz_*.py::test_*bombs",
            )
        )
    a = r.get("fuzz-atheris")
    atheris_test = next((t for t in tests if "atheris" in t["test"]), None)
    if a:
        lines.append(
            row(
                "atheris (coverage-guided)",
                f"{a['inputs']} inputs",
                "0 crashes" if a["exit"] == 0 else f"exit {a['exit']}",
                a["seconds"],
                "test_fuzz_atheris.py",
            )
        )
    elif atheris_test:
        lines.append(
            row(
                "atheris (coverage-guided)",
                "not run",
                atheris_test["reason"][:80],
                "-",
                "test_fuzz_atheris.py",
            )
        )
    leak = r.get("leak-scan")
    if leak:
        lines.append(
            row(
                "plaintext leak scan",
                f"{leak['steps']} steps, {leak['markers']} "
                f"markers, {leak['files_scanned']} files ({mib(leak['bytes_scanned'])})",
                f"{leak['hits']} hits",
                leak["seconds"],
                "test_leak_scan.py::test_no_marker_reaches_the_disk",
            )
        )
    on, off = r.get("bruteforce-online"), r.get("bruteforce-offline")
    if on:
        lines.append(
            row(
                "brute force, online",
                f"{on['runs']} guesses in new processes",
                f"delays {on['delays_checked_s']} s as documented; a guess inside the "
                f"delay refused in {on['refusal_inside_delay_s']} s (no KDF)",
                "-",
                "test_bruteforce.py::test_online_guessing_is_slowed_across_restarts",
            )
        )
    if off:
        lines.append(
            row(
                "brute force, offline",
                "copied store folder",
                "right passphrase without the device secret: refused; "
                f"passphrase-only store: {off['passphrase_only_guess_s']} s per guess",
                "-",
                "test_bruteforce.py::test_offline_cost_per_guess",
            )
        )
    t = r.get("audit-tamper")
    if t:
        det = sum(t["detected"].values())
        lines.append(
            row(
                "audit tamper via `utvag audit verify`",
                f"{t['runs']} tamperings ({t['through_subprocess']} in a new process)",
                f"{det} detected and named, {sum(t['anchor_only'].values())} "
                f"rebuilt chains caught only by the anchored head (stated limit), "
                f"{t['failures']} missed",
                t["seconds"],
                "test_audit_tamper.py",
            )
        )
    return lines


def details(r: dict[str, dict[str, Any]]) -> list[str]:
    out = []
    c = r.get("crash")
    if c:
        out += [
            "### Crash runs in detail",
            "",
            "Operation in flight when the process died, and whether it was then found "
            "complete or absent (never partial):",
            "",
            "| in flight | count |",
            "|---|---|",
        ]
        out += [f"| {k} | {v} |" for k, v in sorted(c["killed_in_flight"].items())]
        out += ["", "| outcome | count |", "|---|---|"]
        out += [f"| {k} | {v} |" for k, v in sorted(c["figures"].items())]
        out.append("")
    out += fault_details(r)
    on, off = r.get("bruteforce-online"), r.get("bruteforce-offline")
    if on and off:
        fl, cal = off["floor"], off["calibrated"]
        out += [
            "### What one guess costs",
            "",
            "| attacker | per guess | notes |",
            "|---|---|---|",
            f"| at the laptop, through Utväg | one process start + Argon2id "
            f"(~{on['guess_process_s']} s here) **plus** the delay `min(2^(n-3), 300)` s | "
            f"after 12 failures {on['guesses_per_day_at_cap']} guesses a day; 1,000 guesses "
            f"take at least {on['wait_for_1000_guesses_h']} h of waiting. Someone who can "
            f"write the store folder can delete unlock-state.json (docs/store.md says so) "
            f"and is then limited by Argon2id alone, on this machine |",
            "| copied files, store with a device secret | a guess of a 256-bit device secret "
            "(plus the passphrase) | the right passphrase alone does not open the slot "
            "(tested); guessing is not feasible |",
            f"| copied files, `--no-device-key` store | one Argon2id at the slot's parameters: "
            f"floor {fl['memory_mib']} MiB × {fl['passes']} passes × {fl['lanes']} lanes = "
            f"{fl['seconds']} s here; calibrated on this machine {cal['memory_mib']} MiB × "
            f"{cal['passes']} = {cal['seconds']} s | {off['guesses_per_core_hour_floor']} "
            f"guesses per core-hour at the floor; every guess needs its own "
            f"{fl['memory_mib']}+ MiB, which limits parallel guessing on GPUs |",
            "| the recovery code | 128 random bits, Argon2id at the floor | not feasible; "
            "typos are caught by the check characters before any KDF |",
        ]
        pin, card = r.get("bruteforce-pin"), r.get("bruteforce-token")
        if pin:
            out.append(
                f"| the quick-unlock PIN, at the laptop | one Argon2id at the floor; "
                f"{pin['online_guesses']} guesses, then the key is wiped (a guess after that "
                f"is refused in {pin['refused_after_lockout_s']} s, no KDF) | a 6-digit PIN "
                f"falls with probability {pin['online_success_6_digits']:.0e}; only after an "
                f"idle lock, never after an OS lock, sleep or restart |"
            )
            out.append(
                f"| the quick-unlock PIN, a memory image of the locked process | "
                f"{pin['offline_guess_s']} s per PIN (Argon2id at the floor) | all 6-digit "
                f"PINs in {pin['offline_all_6_digit_pins_core_h']} core-hours: the PIN is no "
                f"protection against this attacker, who can read decrypted data in that memory "
                f"anyway (docs/store.md); an OS lock or sleep wipes the key |"
            )
        if card:
            out.append(
                f"| a card slot, at the laptop with the card | one PIN try on the card "
                f"(~{card['guess_s']} s here, SoftHSM2) | the card counts and locks its PIN "
                f"(SITHS, PIV: after 3–5 wrong tries; refused before login once locked, "
                f"{card['refused_when_locked_s']} s); Utväg counts each try too, so its delay "
                f"applies from the fourth |"
            )
            out.append(
                "| a card slot, copied files without the card | the slot key comes from the "
                "card's private key | nothing to guess offline: the challenge or ciphertext "
                "in keyslots.json is useless without the card |"
            )
        out.append("")
    t = r.get("audit-tamper")
    if t:
        out += [
            "### Audit tampering in detail",
            "",
            "| tampering | detected and named |",
            "|---|---|",
        ]
        out += [f"| {k} | {v} |" for k, v in sorted(t["detected"].items())]
        out += [
            f"| {k} | caught by the anchored head only ({v}) |"
            for k, v in sorted(t["anchor_only"].items())
        ]
        if t.get("most_extra_entries_named"):
            extra = ", ".join(f"{k}: up to {v}" for k, v in t["most_extra_entries_named"].items())
            out += [
                "",
                f"Precision: besides the tampered entries, verify also named other "
                f"entries in some cases ({extra}) — a moved entry makes the entries it "
                f"jumped over look out of order. Detection is never missed.",
            ]
        out.append("")
    bombs = {k: v for k, v in r.items() if "-bomb " in k}
    if bombs:
        out += [
            "### Bombs",
            "",
            "| input | file | outcome | peak Python memory | s |",
            "|---|---|---|---|---|",
        ]
        for k, v in sorted(bombs.items()):
            err = ", ".join(v.get("errors", {})) or ("refused" if v.get("refused") else "")
            out.append(
                f"| {k} | {mib(v.get('file_bytes'))} | {err or 'refused'}"
                f"{' — BAD' if v['bad'] else ''} | {mib(v['peak_bytes'])} | "
                f"{v['seconds']} |"
            )
        out.append("")
    return out


def gaps(tests: list[dict[str, str]]) -> list[str]:
    xf = [t for t in tests if t["state"] == "xfailed"]
    if not xf:
        return ["None pinned."]
    out = [
        "Each is pinned by a strict xfail test (it turns red when the gap is fixed, so the "
        "mark can go) and was reported to the owner of the code:",
        "",
        "| test | gap |",
        "|---|---|",
    ]
    for t in xf:
        reason = t["reason"].removeprefix("XFAIL ").removeprefix("reason: ")
        out.append(f"| `{t['test']}` | {reason} |")
    return out


METHOD = """\
## Method

**Crash consistency** (`tests/reliability/test_crash.py`, worker `worker.py`). Chains of
runs on one real store each (a laptop that crashes again and again; 3 chains side by side).
A worker process unlocks the store and performs seeded operations — journal entries,
corrections (rättelser), bulk transactions of 5–60 entries, case imports of 1–4 cases with
journal, placements and documents, accepted handover bundles (case, documents, seen-record
and signed receipt in one transaction; a sender store prepared them), audit entries,
passphrase changes, rekeys, recoveries — and writes an fsynced *intent* line before and a
*done* line after each to a side log outside the store. It dies by SIGKILL: after a seeded
random delay (`timer`), at the n-th Python file call (`os`: before/after open, write, fsync,
close, replace, unlink, fchmod — inside the atomic writes of keyslots.json), at the n-th
SQLite progress callback (`sql`: every 50 VM steps, i.e. inside statements and
transactions), after an operation returned but before its done line (`op`), or right after
the n-th `os.replace` (`replace`, used to pin gaps). Then, in the test process: the store
must open with the passphrase the side log says is valid (old or new if a change was in
flight; after a recovery killed between the keyring write and keyslots.json, with the
recovery code — as docs/store.md promises); `Store.check()` must pass (`PRAGMA
integrity_check`, `PRAGMA cipher_integrity_check`, the audit chain, key slots, file modes);
every operation with a done line must be fully present, the one in flight fully present or
fully absent (counted row by row: all entries of a bulk transaction or import, or none),
earlier verdicts must not change (durability), the audit log must match the data one to one
(every `case.create`, `journal.add`, `journal.correct` entry has its row and vice versa), a
changed data key or recovery slot must come from a rekey, and the recovery code must still
open its slot. The seed is printed on failure; `UTVAG_RELIABILITY_SEED=<seed>` repeats the
run. A separate test kills a keyslots.json write at every one of its file calls and checks
that only the old or the new bytes are ever seen.

**Fault injection** (`test_fault_injection.py`, stores from `fault_world.py`). The crash
windows of issue 19, deterministically: `handover export`, `handover import --accept`,
`handover import --refuse`, `receipt import`, `backup create` and `identity export-card`,
each through the real command line on a fresh copy of a sender and a receiver store, run
once under `strace -f` to count its `fsync`, `fdatasync`, `rename` (`renameat*` counted
with it), `write` and `pwrite64` calls, then again for every k (`make reliability`; `make
test` takes k = 1, the calls on either side of the command's rename and the last one, and
every rename) under `strace -e inject=SYSCALL:signal=SIGKILL:when=k`. After each kill:
the next unlock (and what every command does after it) must leave the store passing
`check()`, no registered write (`pending_outputs`), no bundle owed (`sync_outbox`), every
handover awaiting a receipt with its bundle and every decision with its receipt in place
byte for byte, and no temp file in the output or store folder; the next run of the same
command must succeed (or, for `receipt import` and `backup create` whose work the kill had
committed, say that it was done) and leave exactly one sealed bundle, one decision, one
recorded receipt, one recorded backup, or the card, as the file asked for; the receiver
then opens the exported bundle, the sender imports the receipt, the backup reads back with
all its hashes. Skipped with the reason where strace is missing or cannot trace.

**Full disk** (`test_full_disk.py`, worker `disk_worker.py`). Each scenario copies a store
(with cases, journal, an identity and a verified contact) onto a small filesystem, unlocks
it, records every table and the key files, fills the disk to 0 B – 512 KiB free, runs one
operation, frees the disk and reports: journal entry, 470 KiB document, case import
(`import_file`), passphrase change, rekey, audit export, bundle seal and backup onto the
full disk, unlock and create on a full disk. Two fillers: a tmpfs the test mounts (ENOSPC;
root only, so it runs in CI and is skipped with the reason elsewhere) and `RLIMIT_FSIZE`
with SIGXFSZ ignored (EFBIG; works unprivileged, always runs). Required: success or a typed
error (`DiskFullError` for ENOSPC; EFBIG reaches SQLite as an I/O error and is accepted as
`StorageError`), after a refusal byte-identical keyslots.json and unlock-state.json, no temp
or partial output file, identical tables, the audit chain unchanged up to the old head, the
same open Store usable once there is space, and the store reopening and passing `check()`.

**Hostile files** (`test_fuzz_*.py`). Hypothesis with a fixed seed (`derandomize`), each
input under a SIGALRM watchdog and a tracemalloc peak bound; the only allowed outcomes are
success and a `UtvagError` subclass; a refused import or bundle must leave the store
unchanged. Key-slot files: byte mutations, and structural mutations with the checksum
recomputed (as someone with write access would), a sample of those that still parse then
unlocked for real. Case import: structural and byte mutations of a valid file touching
every part of a case. Bundles: manifest mutations parsed directly and, signed with the real
sender key, through `open_bundle`; contact cards as bytes and re-signed with the card's own
key through `import_card`; backups through `verify_backup` (and deep with the recovery code
for those that pass). Bombs: 16 MiB age header lines, 100,000 stanzas, 200,000-deep JSON,
8 MiB manifests, members declaring 8 GiB, 20,000 members, 32 MiB of zeros, 10,000-member
cards, 2–10 MiB names, 20,000 cases, a 40 MiB base64 document, thousands of journal entries
with the error last, a pax header declaring 256 MiB. atheris (optional, not a dependency)
fuzzes the same parsers coverage-guided when it is installed. Not fuzzed here:
`open_bundle` on whole mutated bundles (tests/test_bundle_fuzz.py does that).

**Plaintext leak scan** (`test_leak_scan.py`, helper `leak_session.py`). A session in new
processes with HOME, TMPDIR and the XDG folders pointed at private folders, through the real
command line: two stores (Malmö with a device secret, Lund without), identities, contact
cards exchanged and verified; in Malmö `demo`, `case import` of a file whose names,
personnummer, fictitious identity, address, journal text and document carry unique random
markers, `case list --query`, `case show --reveal`; through the API (no command for these) a
journal entry, its correction and felmarkering, a document, search, reveal; `handover
export` with the protected fields to Lund, `handover import --accept` there (and `case show
--reveal` of the received case, to prove the markers travelled), `receipt import` back in
Malmö, `backup create`, `backup verify` (deep), `audit export` in both stores. Then the
whole session folder (both stores, home, temp, config, data, cache, state, the user's output
folder) and every file changed since the start in /tmp, /var/tmp and /dev/shm are searched
for every marker as UTF-8, UTF-16-LE/BE (case-folded) and base64 at three alignments; so are
the stderr of every process and the masked `case list` output. Excluded, by path only: the
import file and the helper's config (plaintext the test itself wrote as input). The audit
exports, the bundle, the receipt and the backup in the user's folder are scanned like
everything else (the audit exports must not hold a single marker). A positive control checks
that the scanner finds the markers in the import file and in each encoding.

**Brute force** (`test_bruteforce.py`). Online: every guess is a new `utvag check` process;
before each, a new `utvag status --json` process reports the delay, which must equal
`min(2^(n-3), 300)` s counted from the last failure; a guess inside the delay must be refused
before any KDF (timed); the right passphrase then opens and the failures are audited as one
`unlock_failed` entry. Offline: from a copied store folder the right passphrase without (or
with a wrong) device secret opens nothing; the Argon2id cost is measured at the floor and at
parameters calibrated on this machine. The quick-unlock PIN: three wrong PINs wipe the key
held in memory (a fourth guess runs no KDF); one offline guess costs one Argon2id at the
floor. A card slot (SoftHSM2): three wrong PINs are counted by Utväg (the delay applies from
the fourth) and by the card; a locked PIN is refused before any login.

**Audit tamper** (`test_audit_tamper.py`). A store with ~40 audit entries of many kinds;
seeded random tamperings with the data key and the append-only triggers dropped: edit any
field of any entry, edit and recompute its hash, delete one to three entries, delete the
tail, insert a forged entry (renumbering the rest), append a forged entry behind the head,
swap two entries, move one to the end, truncate and fix the head record, rebuild the whole
chain. Each copy is checked with `utvag audit verify` through the real command line (the
first cases in a new process, the rest through `desktop.cli.main`): exit status 1, the
tampered entries named on stderr and in the PROBLEM lines. The last two kinds are the stated
limit (docs/store.md): verify passes, and the head differs from the one anchored by an
earlier `audit export`.
"""


def render(
    r: dict[str, dict[str, Any]],
    tests: list[dict[str, str]],
    scale: str,
    seed: int,
    took: float,
    rerun: list[str] | None = None,
) -> str:
    failed = [t for t in tests if t["state"] in ("failure", "error")]
    skipped = [t for t in tests if t["state"] == "skipped"]
    counts: dict[str, int] = defaultdict(int)
    for t in tests:
        counts[t["state"]] += 1
    lines = [
        "# Reliability and security figures",
        "",
        "<!-- Generated by scripts/reliability_report.py (make reliability); do not edit by "
        "hand: change the script or the tests. -->",
        "",
        f"Generated {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} with the "
        f"**{scale}** budgets, master seed {seed}, in {took / 60:.1f} min; {versions()}. "
        f"Tests: " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) + ".",
        "",
        "`make test` runs the same tests with the short budgets (a seeded sample of each, about "
        "six minutes); `make reliability` runs the long ones and rewrites this page. Repeat a "
        "run with `UTVAG_RELIABILITY_SEED=<seed>` (and `UTVAG_RELIABILITY=long`).",
        "",
        *(
            [
                "Combined from the runs of the same seed: tests that failed in a run were run "
                "again on their own, and their outcome and figures replace the failed ones: "
                + "; ".join(rerun)
                + ".",
                "",
            ]
            if rerun
            else []
        ),
        "## Summary",
        "",
        *summary(r, tests),
        "",
    ]
    if failed:
        lines += ["**Failures in this run:**", ""]
        lines += [f"- `{t['test']}`: {' '.join(t['reason'].split())}" for t in failed]
        lines.append("")
    lines += details(r)
    lines += ["## Known gaps found by this suite", "", *gaps(tests), ""]
    if skipped:
        lines += ["Skipped in this run:", ""]
        lines += [f"- `{t['test']}`: {t['reason']}" for t in skipped]
        lines.append("")
    lines += [METHOD, NOT_COVERED]
    return "\n".join(lines) + "\n"


NOT_COVERED = """\
## Not covered yet

- **Restore under a kill**: `backup restore` is exercised on a full disk and in the leak
  scan, but not killed mid-write (export, import, receipt import, backup create and the
  card export are: test_fault_injection.py). `backup verify --deep` killed mid-check
  leaves its encrypted working copy (`.NAME.*.tmp/`) beside the backup: verify runs
  without a store, so nothing registers it.
- **The GUI**: the leak scan drives the command line and the API; thumbnails, recent-file
  lists and the clipboard of the desktop client are covered by tests/test_ui_*.py, not here.
- **Power loss** is not the same as SIGKILL: the kill tests show what reaches the OS; the
  `synchronous = FULL` / fsync discipline that makes it reach the disk is not tested by
  pulling a plug.
- **Free pages after gallring**: no test reads the database's free pages to show that
  `secure_delete` overwrote weeded data.
- **Memory bounds** are Python allocations (tracemalloc); SQLCipher's and OpenSSL's own
  allocations are bounded by their settings, not measured here.
"""


def _gist(message: str) -> str:
    """The line of a failure message that names the error (a worker's traceback ends with
    it), else its start."""
    named = [
        ln.strip().removeprefix("E").strip()
        for ln in message.splitlines()
        if re.search(r"\w+(Error|Exception): ", ln)
    ]
    return (named[-1] if named else " ".join(message.split()))[:240]


def combine(runs: list[list[dict[str, str]]]) -> tuple[list[dict[str, str]], list[str]]:
    """Test outcomes of several runs with the same seed: a test run again replaces its
    earlier outcome. Also the note that says so (which failures were run again, and why
    they had failed), for the page."""
    merged: dict[str, dict[str, str]] = {}
    notes = []
    for i, tests in enumerate(runs):
        for t in tests:
            before = merged.get(t["test"])
            if i and before is not None and before["state"] in ("failure", "error"):
                reason = _gist(before.get("message") or before["reason"])
                notes.append(f"`{t['test']}` ({before['state']}: {reason}) → {t['state']}")
            merged[t["test"]] = t
    return list(merged.values()), notes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--short", action="store_true", help="the short budgets of make test")
    ap.add_argument(
        "--seed", type=int, default=int(os.environ.get("UTVAG_RELIABILITY_SEED", DEFAULT_SEED))
    )
    ap.add_argument(
        "--from-results",
        type=Path,
        nargs="+",
        help="render these results, run nothing (several: a later run's figures replace an "
        "earlier one's, e.g. failed tests run again)",
    )
    ap.add_argument(
        "--junit", type=Path, nargs="+", help="with --from-results: pytest's JUnit XML of each run"
    )
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    start = time.perf_counter()
    if args.from_results:
        result_files, junits, code = list(args.from_results), list(args.junit or []), 0
    else:
        work = Path(tempfile.mkdtemp(prefix="utvag-reliability-"))
        result_files, junits = [work / "results.jsonl"], [work / "junit.xml"]
        code = run_suite(args.short, args.seed, result_files[0], junits[0])
    present = [j for j in junits if j.exists()]
    tests, notes = combine([outcomes(j) for j in present])
    took = time.perf_counter() - start
    if args.from_results and present:
        took = sum(suite_seconds(j) for j in present)  # rendering again: the runs' own time
    figures: dict[str, dict[str, Any]] = {}
    for f in result_files:
        figures.update(load(f))
    text = render(figures, tests, "short" if args.short else "long", args.seed, took, notes)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
