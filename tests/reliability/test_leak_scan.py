"""Plaintext leak scan: a scripted session with unique marker strings, then every file it could
have touched is searched for them. Zero hits.

The session runs in new processes with HOME, TMPDIR and XDG_CONFIG/DATA/CACHE/STATE_HOME
pointed at private folders, through the real command line: two stores (Malmö with a device
secret, Lund without), identities, contact cards exchanged and verified; in Malmö ``demo``,
``case import`` of a file whose names, personnummer, fictitious identity, address, journal
text and document carry markers, ``case list --query`` (search), ``case show --reveal``, then
through the API (no command for these) journal entry + correction + felmarkering, a
document, search, reveal; ``handover export`` with the protected fields to Lund, ``handover
import --accept`` there with a receipt, ``receipt import`` back in Malmö, ``backup create``
and ``backup verify`` (deep), ``audit export`` in both stores. Every process
locks its store when it ends.

Scanned: the whole session folder (stores, home, temp, config, data, cache, state, the
user's output folder) and every file changed since the start in /tmp, /var/tmp and /dev/shm.
Each marker is searched as UTF-8, UTF-16-LE/BE (case-folded) and base64 (three alignments).
Exclusions, named: the import file the user wrote (plaintext input, by its path). The
audit export and the bundle and backup files in the user's folder are scanned like
everything else and must hold no marker. The stderr of every process (the only log) must
hold none either, nor the masked ``case list`` output.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import random
import time
from pathlib import Path
from typing import Any

import pytest

from storage.records.personnummer import make_identity_number
from tests.reliability import support

PASS = "leak scan passphrase 1"
MAX_SCAN_BYTES = 256 * 1024 * 1024
SYSTEM_TEMP = (Path("/tmp"), Path("/var/tmp"), Path("/dev/shm"))


def make_markers(seed: int) -> dict[str, str]:
    rng = random.Random(seed)

    def word() -> str:
        return "Q" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(11))

    born = dt.date(rng.randint(1960, 1999), rng.randint(1, 12), rng.randint(1, 28))
    pnr = make_identity_number(born, rng.randint(980, 999))
    m = {
        k: word()
        for k in (
            "first",
            "surname",
            "relative",
            "alias",
            "street",
            "city",
            "journal",
            "journal2",
            "correction",
            "document",
            "document2",
        )
    }
    m["name"] = f"{m['first'].capitalize()} {m['surname'].capitalize()}"
    m["personnummer"] = pnr
    m["personnummer_digits"] = pnr.replace("-", "")
    return m


def encodings(marker: str) -> list[tuple[str, bytes, bool]]:
    """(label, needle, case-folded?) for one marker."""
    raw = marker.encode("utf-8")
    out = [
        ("utf-8", raw.lower(), True),
        ("utf-16-le", marker.encode("utf-16-le").lower(), True),
        ("utf-16-be", marker.encode("utf-16-be").lower(), True),
    ]
    for shift in range(3):
        b64 = base64.b64encode(b"\0" * shift + raw)[4 if shift else 0 :]
        out.append((f"base64+{shift}", b64[:-4] if len(b64) > 8 else b64, False))
    return out


def scan(paths: list[Path], markers: dict[str, str], skip: set[Path]) -> list[str]:
    needles = [
        (name, label, needle, folded)
        for name, value in markers.items()
        for label, needle, folded in encodings(value)
    ]
    hits = []
    for path in paths:
        if path in skip or not path.is_file() or path.is_symlink():
            continue
        try:
            if path.stat().st_size > MAX_SCAN_BYTES:
                hits.append(f"{path}: too large to scan")
                continue
            data = path.read_bytes()
        except OSError:
            continue
        lower = data.lower()
        for name, label, needle, folded in needles:
            if needle in (lower if folded else data):
                hits.append(f"{path}: marker {name} ({label})")
    return hits


def files_under(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]


def changed_since(start: float, roots: tuple[Path, ...], exclude: Path) -> list[Path]:
    out = []
    for root in roots:
        if not root.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(root, onerror=lambda e: None):
            here = Path(dirpath)
            if here == exclude or exclude in here.parents:
                dirnames[:] = []
                continue
            for name in filenames:
                p = here / name
                try:
                    st = p.lstat()
                except OSError:
                    continue
                if st.st_mtime >= start and p.is_file():
                    out.append(p)
    return out


def import_file(m: dict[str, str]) -> dict[str, Any]:
    doc = base64.b64encode(f"Hemlig PM\n{m['document']}\n".encode()).decode()
    return {
        "format": "utvag-case-import",
        "version": 1,
        "cases": [
            {
                "case_type": "defector",
                "home_municipality": "Malmö",
                "status": "implementation",
                "opened_on": "2024-01-01",
                "consents": [
                    {
                        "agencies": ["Polisen"],
                        "municipalities": ["Malmö", "Lund"],
                        "signed_on": "2024-01-10",
                        "expires_on": "2099-01-01",
                    }
                ],
                "person": {
                    "name": m["name"],
                    "personnummer": m["personnummer"],
                    "protection_level": "protected_registration",
                    "fictitious_identity": {"name": f"{m['alias'].capitalize()} Andersson"},
                },
                "relatives": [{"name": f"{m['relative'].capitalize()} Berg", "relation": "mor"}],
                "placements": [
                    {
                        "municipality": "Lund",
                        "moved_in_on": "2024-02-01",
                        "address": {
                            "street": f"{m['street'].capitalize()}gatan 7",
                            "postal_code": "99912",
                            "city": m["city"].capitalize(),
                        },
                    }
                ],
                "journal": [
                    {
                        "author": "Import",
                        "written_at": "2024-02-02T10:00:00Z",
                        "text": f"Första samtalet om {m['journal']}.",
                    }
                ],
                "documents": [{"title": "PM", "filename": "pm.txt", "content_base64": doc}],
            }
        ],
    }


@pytest.mark.usefixtures("keyring_backend")
def test_no_marker_reaches_the_disk(tmp_path: Path) -> None:
    start_clock = time.perf_counter()
    markers = make_markers(support.seed_for("leak-scan"))
    session = tmp_path / "session"
    dirs = {n: session / n for n in ("home", "tmp", "config", "data", "cache", "state", "user")}
    for d in dirs.values():
        d.mkdir(parents=True, mode=0o700)
    env = support.child_env(
        HOME=str(dirs["home"]),
        TMPDIR=str(dirs["tmp"]),
        XDG_CONFIG_HOME=str(dirs["config"]),
        XDG_DATA_HOME=str(dirs["data"]),
        XDG_CACHE_HOME=str(dirs["cache"]),
        XDG_STATE_HOME=str(dirs["state"]),
    )
    store = dirs["data"] / "Utvag" / "store"
    peer = dirs["data"] / "peer-store"
    pass_file = dirs["user"] / "pass.txt"
    pass_file.write_text(PASS + "\n")
    imported = dirs["user"] / "import.json"
    imported.write_text(json.dumps(import_file(markers), ensure_ascii=False))
    start = time.time() - 1
    steps: list[tuple[str, Any]] = []

    def cli(where: Path | None, *args: str) -> Any:
        extra = ["--store", str(where), "--passphrase-file", str(pass_file)] if where else []
        proc = support.run_cli(*args, *extra, "--json", env=env)
        steps.append((" ".join(args[:2]), proc))
        assert proc.returncode == 0, f"{args}: {proc.stderr}"
        return json.loads(proc.stdout) if proc.stdout.strip() else None

    init = cli(store, "init", "--kdf-minimum")
    code_file = dirs["user"] / "code.txt"
    code_file.write_text(init["recovery_code"] + "\n")
    cli(peer, "init", "--kdf-minimum", "--no-device-key")
    ids = {}
    for where, names in (
        (store, ("Malmö", "Exit Malmö", "Anna")),
        (peer, ("Lund", "Avhopparverksamheten", "Bertil")),
    ):
        me = cli(
            where,
            "identity",
            "init",
            "--municipality",
            names[0],
            "--unit",
            names[1],
            "--caseworker",
            names[2],
        )
        cli(where, "identity", "export-card", "--out", str(dirs["user"] / f"{names[0]}.card"))
        ids[where] = me["fingerprint"]
    lund = cli(store, "contact", "import", str(dirs["user"] / "Lund.card"))["id"]
    cli(store, "contact", "verify", str(lund), "--fingerprint", ids[peer])
    malmo = cli(peer, "contact", "import", str(dirs["user"] / "Malmö.card"))["id"]
    cli(peer, "contact", "verify", str(malmo), "--fingerprint", ids[store])
    cli(store, "demo", "--cases", "3")
    number = cli(store, "case", "import", str(imported))["case_numbers"][0]
    listed = support.run_cli(
        "case",
        "list",
        "--query",
        markers["surname"],
        "--store",
        str(store),
        "--passphrase-file",
        str(pass_file),
        env=env,
    ).stdout
    assert number in listed
    shown = cli(store, "case", "show", number, "--reveal", "--reason", "uppföljning av placering")
    assert markers["name"] in json.dumps(shown, ensure_ascii=False)  # revealed on screen only
    cfg = {"store": str(store), "passphrase": PASS, "case_id": shown["id"], "markers": markers}
    (dirs["user"] / "session.json").write_text(json.dumps(cfg))
    proc = support.run_python_module(
        "tests.reliability.leak_session", str(dirs["user"] / "session.json"), env=env
    )
    steps.append(("api session", proc))
    assert proc.returncode == 0, proc.stderr[-3000:]
    bundle, receipt = dirs["user"] / "handover.utvag", dirs["user"] / "receipt.utvag"
    cli(
        store,
        "handover",
        "export",
        number,
        "--to",
        str(lund),
        "--out",
        str(bundle),
        "--include-protected",
        "--include-fictitious-identity",
        "--reason",
        "flytt beslutad",
    )
    got = cli(peer, "handover", "import", str(bundle), "--accept", "--receipt-out", str(receipt))
    received = cli(peer, "case", "show", got["case_number"], "--reveal", "--reason", "mottagen")
    assert markers["name"] in json.dumps(received, ensure_ascii=False)  # the markers travelled
    cli(store, "receipt", "import", str(receipt))
    backup = dirs["user"] / "store.utvagbackup"
    cli(store, "backup", "create", "--out", str(backup))
    cli(None, "backup", "verify", str(backup), "--recovery-code-file", str(code_file))
    audit_out = dirs["user"] / "audit.jsonl"
    audit_peer = dirs["user"] / "audit-peer.jsonl"
    cli(store, "audit", "export", "--out", str(audit_out))
    cli(peer, "audit", "export", "--out", str(audit_peer))

    intentional = {imported, dirs["user"] / "session.json"}  # plaintext input files, by path
    session_files = files_under(session)
    hits = scan(session_files, markers, intentional)
    outside = changed_since(start, SYSTEM_TEMP, session)
    hits += scan(outside, markers, set())
    for label, p in steps:
        for hit in scan_text(p.stderr, markers):
            hits.append(f"stderr of {label}: {hit}")
    for hit in scan_text(listed, markers):
        hits.append(f"masked case list: {hit}")
    support.record(
        "leak-scan",
        runs=1,
        steps=len(steps),
        markers=len(markers),
        files_scanned=len(session_files) + len(outside),
        bytes_scanned=sum(p.stat().st_size for p in session_files if p not in intentional),
        hits=len(hits),
        excluded=sorted(str(p.relative_to(session)) for p in intentional),
        seconds=round(time.perf_counter() - start_clock, 1),
    )
    assert not hits, "\n".join(hits)
    assert audit_out.stat().st_size > 0 and audit_peer.stat().st_size > 0
    assert backup.stat().st_size > 0 and bundle.stat().st_size > 0
    assert scan([imported], markers, set()), "positive control: the scanner finds the input"


def test_the_scanner_sees_every_encoding(tmp_path: Path) -> None:
    markers = make_markers(7)
    value = markers["journal"]
    samples = {
        "utf8": f"x {value.upper()} y".encode(),
        "utf16le": f"x {value} y".encode("utf-16-le"),
        "utf16be": f"x {value.lower()} y".encode("utf-16-be"),
        "b64": base64.b64encode(f"ab{value}cd".encode()),
        "pnr": b"..." + markers["personnummer_digits"].encode() + b"...",
    }
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
        assert scan([tmp_path / name], markers, set()), name
    (tmp_path / "clean").write_bytes(os.urandom(1 << 16))
    assert scan([tmp_path / "clean"], markers, set()) == []


def scan_text(text: str, markers: dict[str, str]) -> list[str]:
    low = text.lower()
    return [f"marker {k}" for k, v in markers.items() if v.lower() in low]
