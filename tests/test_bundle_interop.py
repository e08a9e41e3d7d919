"""Interop with stock ``age``, ``minisign``, ``tar`` and ``sha256sum``, both ways.

The shell procedures are taken verbatim from docs/bundle-format.md (the blocks marked
``<!-- interop:NAME -->``), so the documentation is tested as written. Skipped, with the
reason, only where a tool is missing; ``CI`` or ``UTVAG_REQUIRE_AGE=1`` turn that into a failure.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from sync.bundle.open import open_bundle
from sync.bundle.seal import seal_bundle
from sync.signing.errors import LegacySignatureError
from sync.trust import (
    contacts,
    identity,
)
from tests.test_bundle_support import ROOT, Pair, StoreState, pair

__all__ = ["pair"]

DOC = Path(ROOT) / "docs" / "bundle-format.md"
TOOLS = ("age", "age-keygen", "minisign", "tar", "sha256sum", "bash")


@pytest.fixture(scope="module", autouse=True)
def stock_tools() -> None:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        reason = f"stock tools missing: {', '.join(missing)} (apt: age minisign)"
        if os.environ.get("UTVAG_REQUIRE_AGE") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)


def doc_block(name: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"<!-- interop:{name} -->\n```sh\n(.*?)\n```", text, re.S)
    assert match, f"docs/bundle-format.md has no interop:{name} block"
    return match.group(1)


def run_doc(name: str, cwd: Path, **env: str) -> str:
    script = doc_block("functions") + "\n" + doc_block(name)
    full_env = {"PATH": os.environ["PATH"], "HOME": str(cwd), "TMPDIR": str(cwd), **env}
    done = subprocess.run(
        ["bash", "-c", script],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_our_card_checks_with_stock_tools(pair: Pair, tmp_path: Path) -> None:
    card = tmp_path / "anna.utvagkort"
    card.write_bytes(identity.export_card(pair.a))
    out = run_doc("card", tmp_path, CARD=str(card))
    me = identity.get_identity(pair.a)
    assert "Signature and comment signature verified" in out
    assert f"utvag-card v1 key={me.key_id_hex} gen=1" in out
    assert f"fingerprint: {me.fingerprint}" in out
    assert "card.json.minisig" in out and "-rw-------" in out


def test_our_bundle_opens_with_stock_tools(pair: Pair, tmp_path: Path) -> None:
    doc = os.urandom(300_000)
    sealed = seal_bundle(
        pair.a,
        kind="handover",
        recipients=[pair.b_at_a],
        out=tmp_path / "b.utvag",
        expires=timedelta(days=14),
        case_ref="MAL-2025-0042",
        legal_basis="consent",
        post_quantum=False,
        members=[("case.json", b'{"a": 1}', 8), ("documents/0001.bin", io.BytesIO(doc), len(doc))],
    )
    key = tmp_path / "key.txt"
    key.write_text(identity.export_age_identity(pair.b))
    assert pair.b.audit.entries()[-1].action == "identity.export_secret_key"
    card = tmp_path / "anna.utvagkort"
    card.write_bytes(identity.export_card(pair.a))
    out = run_doc("open", tmp_path, BUNDLE=str(sealed.path), KEY=str(key), SENDER_CARD=str(card))
    m = sealed.manifest
    assert (
        f"Trusted comment: utvag-bundle v1 id={m.bundle_id} kind=handover seq={m.sequence}" in out
    )
    assert "case.json: OK" in out and "documents/0001.bin: OK" in out
    listing = [ln.split()[-1] for ln in out.splitlines() if ln.startswith("-rw")]
    assert listing == ["manifest.json", "manifest.json.minisig", "case.json", "documents/0001.bin"]


def test_bundle_made_by_hand_opens(pair: Pair, tmp_path: Path) -> None:
    """Follow docs 13.3 with the stock tools; Utväg imports the card and opens the bundle."""
    work = tmp_path / "sender"
    (work / "documents").mkdir(parents=True)
    case = b'{"case": "made by hand"}\n'
    doc = os.urandom(150_000)
    (work / "case.json").write_bytes(case)
    (work / "documents" / "0001.bin").write_bytes(doc)
    me = identity.get_identity(pair.b)
    out = run_doc(
        "assemble",
        work,
        SENDER_MUNICIPALITY="Trelleborg",
        SENDER_UNIT="Exit",
        SENDER_CASEWORKER="Tove Tull",
        CASE_REF="TBG-2025-7",
        R_MUNICIPALITY=me.municipality,
        R_UNIT=me.unit,
        R_CASEWORKER=me.caseworker,
        R_FINGERPRINT=me.fingerprint,
        R_AGE=me.keys.age,
    )
    spoken = re.search(r"fingerprint: ([0-9 ]{47})", out)
    assert spoken is not None
    cid = contacts.import_card(pair.b, (work / "sender.utvagkort").read_bytes())
    assert contacts.contact_fingerprint(pair.b, cid) == spoken.group(1)
    contacts.verify_contact(pair.b, cid, spoken.group(1))
    opened = open_bundle(pair.b, work / "bundle.utvag")
    assert opened.sender.id == cid and opened.manifest.case_ref == "TBG-2025-7"
    assert opened.read_member_bytes("case.json") == case
    assert opened.read_member_bytes("documents/0001.bin") == doc
    opened.commit_seen()

    # the same, signed in minisign's legacy mode (-l): refused
    script = (
        'set -eu; umask 077; sed -i \'s/"sequence": 1,/"sequence": 2,/\' manifest.json; '
        "minisign -S -l -s sender.key -m manifest.json "
        '-t "utvag-bundle v1 id=$(sed -n \'s/.*"bundle_id": "\\(.*\\)",/\\1/p\' manifest.json)'
        ' kind=handover seq=2"; '
        "tar --format=ustar --owner=0 --group=0 --numeric-owner --mtime=@0 --mode=0600 "
        "-cf bundle.tar manifest.json manifest.json.minisig case.json documents/0001.bin; "
        f"age -r {me.keys.age} -o legacy.utvag bundle.tar"
    )
    subprocess.run(["bash", "-c", script], cwd=work, check=True, capture_output=True, timeout=60)
    before = StoreState.of(pair.b)
    with pytest.raises(LegacySignatureError):
        open_bundle(pair.b, work / "legacy.utvag")
    assert StoreState.of(pair.b) == before
