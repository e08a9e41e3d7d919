"""The store commands: in-process through desktop.cli.main, and as `python -m desktop`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.passphrase import read_first_line
from storage.vault.opening import store_info
from tests.test_store_audit import tamper
from tests.test_store_support import NEW_PASS, PASS, ROOT

pytestmark = pytest.mark.usefixtures("keyring_backend")


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture
def files(tmp_path: Path) -> dict[str, str]:
    out = {}
    for name, text in {
        "pass": PASS + "\r\nsecond line ignored\n",
        "new": NEW_PASS + "\n",
        "wrong": "wrong passphrase 99\n",
        "short": "short\n",
    }.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text)
        out[name] = str(path)
    return out


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def init(
    capsys: pytest.CaptureFixture[str], store: Path, files: dict[str, str], *extra: str
) -> str:
    code, out, err = run(
        capsys,
        "init",
        "--store",
        str(store),
        "--passphrase-file",
        files["pass"],
        "--kdf-minimum",
        "--json",
        *extra,
    )
    assert code == 0, err
    return str(json.loads(out)["recovery_code"])


def test_first_line_of_a_passphrase_file(tmp_path: Path) -> None:
    f = tmp_path / "p"
    f.write_bytes(b"\xef\xbb\xbfsecret with spaces  \r\nmore\n")
    assert read_first_line(f) == "secret with spaces  "


def test_init_status_check(
    capsys: pytest.CaptureFixture[str], store_dir: Path, files: dict[str, str]
) -> None:
    code_text = init(capsys, store_dir, files)
    assert len(code_text.split("-")) == 7
    code, out, _ = run(capsys, "status", "--store", str(store_dir), "--json")
    status = json.loads(out)
    assert code == 0 and status["exists"] and status["protection"] == "passphrase+device_key"
    assert status["keyring"]["secure"] and status["kdf"]["memory_kib"] == 65536
    code, out, _ = run(capsys, "status", "--store", str(store_dir))
    assert "passphrase + device secret" in out and "Argon2id, 64 MiB, 3 passes" in out
    code, out, _ = run(
        capsys, "check", "--store", str(store_dir), "--passphrase-file", files["pass"]
    )
    assert code == 0 and "intact" in out
    code, _, err = run(
        capsys, "init", "--store", str(store_dir), "--passphrase-file", files["pass"]
    )
    assert code == 1 and err.count("\n") == 1 and "already a store" in err


def test_init_human_output_shows_the_code_once_with_a_warning(
    capsys: pytest.CaptureFixture[str], store_dir: Path, files: dict[str, str]
) -> None:
    code, out, _ = run(
        capsys,
        "init",
        "--store",
        str(store_dir),
        "--passphrase-file",
        files["pass"],
        "--kdf-minimum",
        "--no-device-key",
    )
    assert code == 0 and "RECOVERY CODE" in out and "shown only this once" in out
    assert "WEAKER" in out
    _, out, _ = run(capsys, "status", "--store", str(store_dir))
    assert "passphrase only (WEAKER" in out


def test_passphrase_change_recover_rekey(
    capsys: pytest.CaptureFixture[str], store_dir: Path, files: dict[str, str], tmp_path: Path
) -> None:
    old_code = init(capsys, store_dir, files)
    s = str(store_dir)
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--store",
        s,
        "--passphrase-file",
        files["pass"],
        "--new-passphrase-file",
        files["short"],
    )
    assert code == 1 and "at least 12" in err
    code, out, _ = run(
        capsys,
        "passphrase",
        "change",
        "--store",
        s,
        "--passphrase-file",
        files["pass"],
        "--new-passphrase-file",
        files["new"],
    )
    assert code == 0 and "not re-encrypted" in out
    code, _, err = run(capsys, "check", "--store", s, "--passphrase-file", files["pass"])
    assert code == 1 and "not correct" in err and err.count("\n") == 1
    assert store_info(store_dir).failed_attempts == 1

    typo = tmp_path / "typo.txt"
    typo.write_text(("X" if old_code[0] != "X" else "Y") + old_code[1:] + "\n")
    code, _, err = run(
        capsys,
        "recover",
        "--store",
        s,
        "--recovery-code-file",
        str(typo),
        "--new-passphrase-file",
        files["pass"],
    )
    assert code == 1 and "typos" in err
    good = tmp_path / "code.txt"
    good.write_text(old_code.lower().replace("-", " ") + "\n")
    code, out, _ = run(
        capsys,
        "recover",
        "--store",
        s,
        "--recovery-code-file",
        str(good),
        "--new-passphrase-file",
        files["pass"],
    )
    assert code == 0 and "utvag rekey" in out

    code, out, _ = run(capsys, "rekey", "--store", s, "--passphrase-file", files["pass"], "--json")
    new_code = json.loads(out)["recovery_code"]
    assert code == 0 and new_code != old_code
    code, _, err = run(
        capsys,
        "recover",
        "--store",
        s,
        "--recovery-code-file",
        str(good),
        "--new-passphrase-file",
        files["new"],
    )
    assert code == 1 and "does not open this store" in err


def test_audit_verify_and_export(
    capsys: pytest.CaptureFixture[str], store_dir: Path, files: dict[str, str], tmp_path: Path
) -> None:
    init(capsys, store_dir, files, "--no-device-key")
    s, p = str(store_dir), files["pass"]
    code, out, _ = run(capsys, "audit", "verify", "--store", s, "--passphrase-file", p)
    assert code == 0 and "intact" in out
    out_file = tmp_path / "audit.jsonl"
    window = ("--from", "2000-01-01", "--to", "2999-12-31")
    code, out, _ = run(
        capsys,
        "audit",
        "export",
        "--store",
        s,
        "--passphrase-file",
        p,
        "--out",
        str(out_file),
        *window,
    )
    lines = out_file.read_text().splitlines()
    assert (
        code == 0
        and "Head (for anchoring)" in out
        and json.loads(lines[0])["count"] == len(lines) - 1
    )
    code, out, _ = run(
        capsys, "audit", "export", "--store", s, "--passphrase-file", p, "--to", "2000-01-01"
    )
    assert code == 0 and json.loads(out.splitlines()[0])["count"] == 0
    code, _, err = run(
        capsys, "audit", "export", "--store", s, "--passphrase-file", p, "--from", "yesterday"
    )
    assert code == 2 and "YYYY-MM-DD" in err

    tamper(store_dir, lambda c: c.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"))
    code, out, err = run(capsys, "audit", "verify", "--store", s, "--passphrase-file", p, "--json")
    assert code == 1 and json.loads(out)["entries"] == [2]
    assert err.count("\n") == 1 and "tampered" in err and "2" in err


def _cli(*args: str, env: dict[str, Any] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, PYTHONPATH=str(ROOT), UTVAG_LANG="en", QT_QPA_PLATFORM="offscreen")
    full.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=ROOT,
        env=full,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_exit_codes_of_the_real_program(store_dir: Path, files: dict[str, str]) -> None:
    s = str(store_dir)
    result = _cli("init", "--store", s, "--passphrase-file", files["pass"], "--kdf-minimum")
    assert result.returncode == 0, result.stderr
    assert "RECOVERY CODE" in result.stdout and result.stderr == ""
    result = _cli("status", "--store", s, "--json")
    assert result.returncode == 0 and json.loads(result.stdout)["keyring"]["secure"] is True
    result = _cli("check", "--store", s, "--passphrase-file", files["wrong"])
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("utvag: ") and result.stderr.count("\n") == 1
    result = _cli("check", "--store", s)  # no file, no terminal
    assert result.returncode == 2 and "--passphrase-file" in result.stderr
    assert result.stderr.count("\n") == 1
    result = _cli("check", "--store", s, "--passphrase", PASS)  # never as an argument
    assert result.returncode == 2
    result = _cli(
        "check", "--store", str(store_dir.parent / "nothing"), "--passphrase-file", files["pass"]
    )
    assert result.returncode == 1 and "No store was found" in result.stderr
    result = _cli("status", "--store", str(store_dir.parent / "nothing"))
    assert result.returncode == 0 and "Exists: no" in result.stdout


def test_default_store_path_comes_from_config(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop import config

    monkeypatch.setenv("UTVAG_STORE", str(tmp_path / "env-store"))
    assert config.default_store_path() == tmp_path / "env-store"
    monkeypatch.delenv("UTVAG_STORE")
    monkeypatch.setattr(config, "settings_path", lambda: tmp_path / "cfg" / "settings.json")
    assert config.default_store_path() == config.data_dir() / "store"
    config.save_settings({"store_path": str(tmp_path / "configured")})
    assert config.default_store_path() == tmp_path / "configured"
    assert (tmp_path / "cfg" / "settings.json").stat().st_mode & 0o077 == 0
    with pytest.raises(ValueError):
        config.save_settings({"passphrase": "never"})


def test_the_passphrase_rule_for_init_and_passphrase_change(
    capsys: pytest.CaptureFixture[str], store_dir: Path, files: dict[str, str], tmp_path: Path
) -> None:
    weak = tmp_path / "weak.txt"
    weak.write_text("Sommar2024!!\n")
    fair = tmp_path / "fair.txt"
    fair.write_text("sommar vinter var\n")
    s = str(store_dir)
    code, out, err = run(capsys, "init", "--store", s, "--passphrase-file", str(weak))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("utvag: The new passphrase is made of common words, names or passwords")
    assert "for example: " in err and not store_dir.exists()
    code, out, err = run(
        capsys, "init", "--store", s, "--passphrase-file", str(fair), "--kdf-minimum", "--json"
    )
    assert code == 0 and json.loads(out)["recovery_code"]
    assert err.startswith("Note: the new passphrase is accepted, but it could be stronger")
    before = (store_dir / "keyslots.json").read_bytes()
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--store",
        s,
        "--passphrase-file",
        str(fair),
        "--new-passphrase-file",
        str(weak),
    )
    assert code == 1 and err.count("\n") == 1 and "common words" in err
    assert (store_dir / "keyslots.json").read_bytes() == before
    code, _, err = run(
        capsys,
        "passphrase",
        "change",
        "--store",
        s,
        "--passphrase-file",
        str(fair),
        "--new-passphrase-file",
        files["pass"],
    )
    assert code == 0 and err == ""


def test_version_without_and_with_the_parser(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``utvag --version`` alone answers before any command's parser is built (~0.3 s);
    with a command after it the parser reads it the same way."""
    from importlib.metadata import version

    from desktop.commands import parser

    expected = f"utvag {version('utvag')}\n"
    with monkeypatch.context() as m:
        m.setattr(parser, "build_parser", lambda: pytest.fail("the parser was built"))
        assert main(["--version"]) == 0
    assert capsys.readouterr().out == expected
    assert main(["--version", "status"]) == 0
    assert capsys.readouterr().out == expected
