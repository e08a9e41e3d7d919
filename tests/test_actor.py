"""Who works is the caseworker named in the first-run wizard (the store's identity), not the
operating-system login: journal authors, a new case's "Ansvarig handläggare" and the audit
log's actor, through the app's own paths (desktop.gateway.StoreGateway and the CLI). The
login stands in only while a store has no identity; ``--actor`` still overrides in the CLI.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.gateway import StoreGateway, default_actor
from storage.casefile import cases, journal
from storage.vault.crypto import KdfParams
from storage.vault.opening import unlock_store
from tests.case_fixtures import PASS, store_template
from tests.ui_fixtures import IDENTITY, PASSPHRASE
from ui.access.first_run import Identity

__all__ = ["store_template"]

LOGIN = "os.login.name"  # what the gateway would otherwise write (the OS account)


@pytest.fixture
def gateway(tmp_path: Path) -> StoreGateway:
    return StoreGateway(tmp_path / "store", actor=LOGIN, kdf=KdfParams.minimum())


def _session_entries(store: Any) -> list[Any]:
    """This session's entries: from the last "unlock" on."""
    entries = store.audit.entries()
    start = max(i for i, e in enumerate(entries) if e.action == "unlock")
    return entries[start:]


def test_the_wizard_name_is_who_works_from_the_first_entry(gateway: StoreGateway) -> None:
    store, _code = gateway.create(PASSPHRASE, False, IDENTITY)
    try:
        case_id = cases.create_case(store, case_type="defector", home_municipality="Exempelby")
        assert cases.get_case(store, case_id).caseworker == IDENTITY.caseworker
        actors = {e.actor for e in store.audit.entries()}
    finally:
        store.close()
    assert actors == {IDENTITY.caseworker}  # "create" and "identity.create" included


def test_an_unlocked_store_writes_the_caseworker_as_journal_author(
    gateway: StoreGateway,
) -> None:
    made, _code = gateway.create(PASSPHRASE, False, IDENTITY)
    made.close()
    store = gateway.unlock(PASSPHRASE)  # the unlock window's path
    try:
        case_id = cases.create_case(store, case_type="relative", home_municipality="Exempelby")
        entry_id = journal.add_journal_entry(store, case_id, "Samtal med den enskilde.")
        written = journal.journal(store, case_id)[0].current
        assert written.id == entry_id and written.author == IDENTITY.caseworker
        assert cases.get_case(store, case_id).caseworker == IDENTITY.caseworker
        session = _session_entries(store)
    finally:
        store.close()
    assert [e.action for e in session] == ["unlock", "case.create", "journal.add"]
    assert {e.actor for e in session} == {IDENTITY.caseworker}
    assert LOGIN not in {e.actor for e in session}


def test_without_an_identity_the_login_stands_in(store_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "store"
    shutil.copytree(store_template, path)  # made with storage only: no identity
    gateway = StoreGateway(path, actor=LOGIN)
    store = gateway.unlock(PASS)
    try:
        case_id = cases.create_case(store, case_type="defector", home_municipality="Exempelby")
        journal.add_journal_entry(store, case_id, "Första samtalet.")
        assert journal.journal(store, case_id)[0].current.author == LOGIN
        assert {e.actor for e in _session_entries(store)} == {LOGIN}
    finally:
        store.close()
    assert default_actor()  # the OS account name (or "(unknown)"), never empty


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> int:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    capsys.readouterr()
    return code


def test_the_cli_writes_the_caseworker_unless_actor_is_given(
    capsys: pytest.CaptureFixture[str],
    store_template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("UTVAG_LANG", "en")
    path = tmp_path / "store"
    shutil.copytree(store_template, path)
    secret = tmp_path / "pass.txt"
    secret.write_text(PASS + "\n")
    common = ["--store", str(path), "--passphrase-file", str(secret)]
    names = Identity("Exempelkommun", "Avhopparverksamheten", "Kim Exempelsdotter")
    assert (
        _cli(
            capsys,
            "identity",
            "init",
            "--municipality",
            names.municipality,
            "--unit",
            names.unit,
            "--caseworker",
            names.caseworker,
            *common,
        )
        == 0
    )
    assert _cli(capsys, "demo", "--cases", "2", "--seed", "3", *common) == 0
    assert _cli(capsys, "demo", "--cases", "1", "--seed", "4", *common, "--actor", "Skript") == 0
    with unlock_store(path, PASS, actor="checker") as store:
        demos = [e.actor for e in store.audit.entries(action="demo.create")]
    assert demos == [names.caseworker, "Skript"]
