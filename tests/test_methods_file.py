"""The method register as a signed file between two real stores: exported by one, verified
and previewed at the other, applied in one transaction; refused without a change when the
signer is unknown or unverified, when the content or the signature was altered, or when
the file is malformed. The signature is checked by the stock ``minisign`` too."""

from __future__ import annotations

import json
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest

from storage.errors import UtvagError
from storage.records.knowledge import EvidenceLevel
from storage.registers import methods
from sync.knowledge.errors import (
    MethodsFileError,
    MethodsFileNotNewerError,
    MethodsFileSignatureError,
)
from sync.knowledge.methods_file import (
    export_methods_file,
    import_methods_file,
    read_methods_file,
)
from sync.trust import identity
from sync.trust.errors import UnknownSenderError, UnverifiedSenderError
from tests.test_bundle_support import link, new_store


def _state(store: object) -> list[tuple[str, str, str]]:
    return [(m.code, m.name, m.evidence_level.value) for m in methods.methods(store)]


@pytest.fixture
def stores(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = new_store(tmp_path / "a", "anna", ("Malmö", "Exit Malmö", "Anna Andersson"))
    b = new_store(tmp_path / "b", "bertil", ("Lund", "Avhopparverksamheten", "Bertil Berg"))
    yield a, b
    a.close()
    b.close()


def test_a_shared_register_is_previewed_then_applied(stores) -> None:  # type: ignore[no-untyped-def]
    a, b = stores
    link(a, b)
    marker = secrets.token_hex(16)
    new_id = methods.add_method(
        a,
        name=f"Samtalsstöd {marker}",
        evidence_level="promising",
        evidence_source=f"Fiktiv källa {marker}",
        target_group="Vuxna avhoppare",
    )
    code = methods.method(a, new_id).code
    data = export_methods_file(a)
    before = _state(b)
    preview = read_methods_file(b, data)
    assert _state(b) == before  # reading changed nothing
    assert preview.added == [f"Samtalsstöd {marker}"] and preview.changed == []
    assert preview.signer == "Anna Andersson, Exit Malmö, Malmö"
    result = import_methods_file(b, data)
    assert (result.added, result.updated) == (1, 0)
    found = methods.method_by_code(b, code)
    assert found is not None and found.evidence_level is EvidenceLevel.PROMISING
    assert found.evidence_source == f"Fiktiv källa {marker}" and found.origin == "imported"
    actions = [r[0] for r in b.conn.execute("SELECT action FROM audit_log")]
    assert "method.import" in actions
    assert "method.export" in [r[0] for r in a.conn.execute("SELECT action FROM audit_log")]
    # changed at the source: the next file updates it, and says so first
    methods.update_method(a, new_id, description=f"Ny beskrivning {marker}")
    again = export_methods_file(a)
    assert read_methods_file(b, again).changed == [f"Samtalsstöd {marker}"]
    assert import_methods_file(b, again).updated == 1


def test_unknown_or_unverified_signers_are_refused(stores) -> None:  # type: ignore[no-untyped-def]
    a, b = stores
    data = export_methods_file(a)
    before = _state(b)
    with pytest.raises(UnknownSenderError):
        read_methods_file(b, data)
    link(a, b, verify=False)
    with pytest.raises(UnverifiedSenderError):
        import_methods_file(b, data)
    assert _state(b) == before


def _created(data: bytes) -> str:
    return str(json.loads(json.loads(data)["document"])["created"])


def test_an_older_or_the_same_register_cannot_be_replayed(stores) -> None:  # type: ignore[no-untyped-def]
    """A newer file applied, the older one (and the same one again) from the same contact is
    refused, by the preview and the import, and nothing changes; the signer's times
    increase even for two files signed in the same second."""
    a, b = stores
    link(a, b)
    marker = secrets.token_hex(16)
    method_id = methods.add_method(a, name=f"Stödsamtal {marker}")
    old = export_methods_file(a)
    methods.update_method(
        a,
        method_id,
        evidence_level="promising",
        evidence_source=f"Fiktiv utvärdering {marker}",
    )
    new = export_methods_file(a)
    assert _created(old) < _created(new)  # strictly later, however fast the two exports
    assert import_methods_file(b, new).added >= 1
    code = methods.method(a, method_id).code
    before = _state(b)
    rows = b.conn.execute("SELECT contact_id, created, sha256 FROM method_files_seen").fetchall()
    assert [r[1] for r in rows] == [_created(new)]
    for replay in (old, new):
        with pytest.raises(MethodsFileNotNewerError) as caught:
            read_methods_file(b, replay)
        assert caught.value.code == "methods_file_not_newer"
        assert _created(new) in str(caught.value)
        with pytest.raises(MethodsFileNotNewerError):
            import_methods_file(b, replay)
    assert _state(b) == before
    found = methods.method_by_code(b, code)
    assert found is not None and found.evidence_level is EvidenceLevel.PROMISING
    assert (
        b.conn.execute("SELECT contact_id, created, sha256 FROM method_files_seen").fetchall()
        == rows
    )
    # a later file from the same contact is still welcome
    methods.update_method(a, method_id, description=f"Ny beskrivning {marker}")
    assert import_methods_file(b, export_methods_file(a)).updated == 1


def _tampered(data: bytes, how: str) -> bytes:
    envelope = json.loads(data)
    document = json.loads(envelope["document"])
    if how == "content":
        document["methods"][0]["evidence_level"] = "research_support"
        document["methods"][0]["evidence_source"] = "Påhittad"
        envelope["document"] = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    elif how == "signature":
        lines = envelope["signature"].split("\n")
        lines[3] = lines[3][:10] + ("A" if lines[3][10] != "A" else "B") + lines[3][11:]
        envelope["signature"] = "\n".join(lines)
    elif how == "format":
        envelope["format"] = "something-else"
    elif how == "extra":
        envelope["more"] = 1
    elif how == "size":
        envelope["padding"] = "x" * (4 * 1024 * 1024)
    return json.dumps(envelope).encode()


@pytest.mark.parametrize(
    ("how", "error"),
    [
        ("content", MethodsFileSignatureError),
        ("signature", MethodsFileSignatureError),
        ("format", MethodsFileError),
        ("extra", MethodsFileError),
        ("size", MethodsFileError),
    ],
)
def test_altered_or_malformed_files_change_nothing(stores, how: str, error: type) -> None:  # type: ignore[no-untyped-def]
    a, b = stores
    link(a, b)
    data = _tampered(export_methods_file(a), how)
    before = _state(b)
    with pytest.raises(error) as caught:
        import_methods_file(b, data)
    assert isinstance(caught.value, UtvagError) and caught.value.code.startswith("methods_file")
    assert _state(b) == before
    with pytest.raises(MethodsFileError):
        import_methods_file(b, b"\xef\xbb\xbf" + export_methods_file(a))  # a BOM
    with pytest.raises(MethodsFileError):
        import_methods_file(b, b"[1, 2")


@pytest.mark.skipif(shutil.which("minisign") is None, reason="stock minisign not installed")
def test_stock_minisign_verifies_the_document(stores, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, _b = stores
    envelope = json.loads(export_methods_file(a))
    doc = tmp_path / "metoder.json"
    doc.write_bytes(envelope["document"].encode("utf-8"))
    (tmp_path / "metoder.json.minisig").write_text(envelope["signature"], encoding="utf-8")
    pub = tmp_path / "a.pub"
    pub.write_text(identity.current_keys(a).signing_key.public_key().to_minisign_text())
    done = subprocess.run(
        ["minisign", "-V", "-p", str(pub), "-m", str(doc)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "utvag-method-register version:1" in done.stdout
