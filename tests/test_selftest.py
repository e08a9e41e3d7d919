"""``utvag selftest``: every check passes against the real Secret Service; failures show.

In-process through ``desktop.cli.main`` (the running QApplication from pytest-qt is
reused), and once as ``python -m desktop selftest`` in a fresh process, where keyring
discovers its backend itself and the self-test starts Qt offscreen on its own. No mocks:
a failing check is produced with a temporary "folder" that is a file, and a missing secure
keyring with keyring's own ``fail`` backend.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.cli import main
from storage.vault import device_key
from tests.conftest import ROOT, SecretService

CHECKS = ["runtime", "keyring", "store", "case", "bundle", "translations", "qt", "cleanup"]
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"

pytestmark = pytest.mark.usefixtures("qapp")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["selftest", *args])
    out, err = capsys.readouterr()
    return code, out, err


def utvag_items(backend: Any) -> int:
    """How many secrets Utväg has in the Secret Service (device secrets of stores)."""
    import secretstorage

    connection = secretstorage.dbus_init()
    try:
        collection = secretstorage.get_default_collection(connection)
        return len(list(collection.search_items({"service": device_key.SERVICE})))
    finally:
        connection.close()


def test_every_check_passes_against_the_real_secret_service(
    keyring_backend: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path, qapp: QApplication
) -> None:
    before = utvag_items(keyring_backend)
    code, out, err = run(capsys, "--require-keyring", "--tmp-dir", str(tmp_path))
    lines = out.splitlines()
    assert code == 0, out + err
    assert err == ""
    assert [line.split(":")[0].split()[-1] for line in lines] == CHECKS
    assert all(line.startswith("ok  ") for line in lines), out
    assert SECRET_SERVICE in lines[1]
    assert "device secret in the keyring" in lines[2]
    assert "2 keyring entries deleted" in lines[-1]
    assert list(tmp_path.iterdir()) == []  # the temporary folder is gone
    assert utvag_items(keyring_backend) == before  # and so are the device secrets
    assert QApplication.instance() is qapp  # the running application was used, not replaced


def test_a_failing_check_gives_exit_1_and_cleans_up(
    keyring_backend: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("not a folder\n")
    code, out, err = run(capsys, "--json", "--tmp-dir", str(not_a_folder))
    report = json.loads(out)
    status = {c["name"]: c["status"] for c in report["checks"]}
    assert code == 1
    assert err == "utvag: selftest failed: store\n"
    assert report["ok"] is False
    assert status == {
        "runtime": "ok",
        "keyring": "ok",
        "store": "FAIL",
        "case": "skip",
        "bundle": "skip",
        "translations": "ok",
        "qt": "ok",
        "cleanup": "ok",
    }
    store = next(c for c in report["checks"] if c["name"] == "store")
    assert store["detail"].startswith("NotADirectoryError")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_no_secure_keyring_is_a_warning_unless_required(
    keyring_backend: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import keyring
    import keyring.backends.fail

    keyring.set_keyring(keyring.backends.fail.Keyring())  # a real backend: "no keyring"
    code, out, err = run(capsys, "--tmp-dir", str(tmp_path))
    lines = out.splitlines()
    assert code == 0, out + err
    assert lines[1].startswith("warn keyring: ")
    assert "passphrase-only store (--no-device-key)" in lines[1]
    assert "(passphrase only)" in lines[2]
    assert all(line.startswith("ok  ") for i, line in enumerate(lines) if i != 1), out

    code, out, err = run(capsys, "--require-keyring", "--tmp-dir", str(tmp_path))
    assert code == 1
    assert out.splitlines()[1].startswith("FAIL keyring: device secret backend - no secure keyring")
    assert "--require-keyring" in out.splitlines()[1]
    assert err == "utvag: selftest failed: keyring\n"
    assert list(tmp_path.iterdir()) == []


def test_usage_error_is_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["selftest", "--no-such-option"])
    assert info.value.code == 2
    capsys.readouterr()


@pytest.mark.slow
def test_in_a_fresh_process_keyring_and_qt_are_found_without_help(
    secret_service: SecretService, tmp_path: Path
) -> None:
    env = dict(secret_service.env)
    for name in ("QT_QPA_PLATFORM", "PYTHON_KEYRING_BACKEND", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(name, None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "selftest",
            "--require-keyring",
            "--json",
            "--tmp-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert list(checks) == CHECKS
    assert all(c["status"] == "ok" for c in checks.values()), report
    assert checks["keyring"]["detail"] == SECRET_SERVICE
    assert "'offscreen'" in checks["qt"]["detail"]
    assert report["frozen"] is False and report["version"]
    assert os.listdir(tmp_path) == []
