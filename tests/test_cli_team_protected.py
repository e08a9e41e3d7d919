"""Through ``utvag`` only (real stores, the real Secret Service, a shared folder): a share
without the protected details turned into one with them by sharing again, and the
colleague's store then holding the real name instead of •• after one sync (docs/sync.md
§3)."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS
from tests.test_cli_team import Cli, make_team


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path, keyring_backend: Any) -> Iterator[Cli]:
    (tmp_path / "pass").write_text(PASS + "\n")
    (tmp_path / "delad").mkdir()
    yield Cli(capsys, tmp_path)


def _names(cli: Cli, who: str) -> list[str]:
    with unlock_store(cli.dir / who, PASS, actor="check") as store:
        return [str(r[0]) for r in store.conn.execute("SELECT name FROM persons")]


def _holds(cli: Cli, who: str, marker: str) -> bool:
    """Whether any text of the decrypted store (team log included) holds ``marker``."""
    with unlock_store(cli.dir / who, PASS, actor="check") as store:
        tables = [
            str(r[0])
            for r in store.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        for table in tables:
            for row in store.conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 - own
                for v in row:
                    text = bytes(v).decode("utf-8", "replace") if isinstance(v, bytes) else v
                    if isinstance(text, str) and marker in text:
                        return True
    return False


def test_sharing_again_with_the_protected_details_sends_the_real_name(cli: Cli) -> None:
    ids = make_team(cli)
    marker = secrets.token_hex(16)
    person = cli.dir / "person.json"
    person.write_text(
        json.dumps(
            {
                "name": f"Skyddad {marker} (fiktiv)",
                "birth_year": 1994,
                "protection_level": "protected_registration",
            }
        )
    )
    made = cli.ok(
        "anna", "case", "new", "--type", "defector", "--home", "Malmö", "--person-file", str(person)
    )
    number = made["case_number"]
    bertil = str(ids["anna"]["bertil"])
    cli.ok("anna", "share", number, "--with", bertil, "--role", "co")
    for who in ("anna", "bertil"):
        assert cli.ok(who, "sync", "--folder", str(cli.dir / "delad"))["refused"] == []
    assert _names(cli, "bertil") == ["••"]
    assert not _holds(cli, "bertil", marker)
    shared = cli.ok(
        "anna",
        "share",
        number,
        "--with",
        bertil,
        "--role",
        "co",
        "--include-protected",
        "--reason",
        "Samråd om boende (fiktivt)",
    )
    assert [m["protected"] for m in shared["members"]] == [True]
    for who in ("anna", "bertil"):  # one sync each
        assert cli.ok(who, "sync", "--folder", str(cli.dir / "delad"))["refused"] == []
    assert _names(cli, "bertil") == [f"Skyddad {marker} (fiktiv)"]
