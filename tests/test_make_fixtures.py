"""The fixture generator (devtools/make_fixtures.py) and the list of saved fixtures.

The generator writes each group once and refuses to write it again; the saved fixtures
cover today's version of every format; tests/fixtures/README.md lists every file there.
"""

from __future__ import annotations

import json
from pathlib import Path

from devtools import make_fixtures
from storage.schema import LATEST
from storage.vault.opening import unlock_store
from tests.test_fixtures_upgrade import FIXTURES, _check_records, copy_fixture

README = FIXTURES / "README.md"


def files_under(folder: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generator_writes_each_group_once_then_refuses(tmp_path: Path) -> None:
    out = tmp_path / "fixtures"
    groups = list(make_fixtures.GROUPS)
    assert make_fixtures.main(["--out", str(out), *groups]) == 0
    for group, names in make_fixtures.current_names().items():
        for name in names:
            assert (out / name).exists(), f"{group} did not write {name}"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]  # no work folder left
    written = files_under(out)
    for group in groups:
        assert make_fixtures.main(["--out", str(out), group]) == 1
        assert files_under(out) == written  # nothing replaced, nothing added
    # what the store group writes is what the upgrade test reads
    name = f"store-v{LATEST:03d}"
    info = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    path = copy_fixture(out / name, tmp_path / "copy")
    with unlock_store(path, info["passphrase"], actor="reader") as store:
        _check_records(store, info)


def test_a_refused_run_writes_no_group_at_all(tmp_path: Path) -> None:
    out = tmp_path / "fixtures"
    assert make_fixtures.main(["--out", str(out), "card"]) == 0
    written = files_under(out)
    assert make_fixtures.main(["--out", str(out), "backup", "card"]) == 1
    assert files_under(out) == written  # backup-v1 was not made either


def test_todays_format_versions_have_saved_fixtures() -> None:
    """A format version bump is not done until its fixtures are saved beside the old ones."""
    missing = [
        name
        for names in make_fixtures.current_names().values()
        for name in names
        if not (FIXTURES / name).exists()
    ]
    assert not missing, f"save them with python -m devtools.make_fixtures GROUP: {missing}"


def test_the_readme_lists_every_saved_fixture() -> None:
    text = README.read_text(encoding="utf-8")
    unlisted = [
        p.name
        for p in sorted(FIXTURES.iterdir())
        if p.name not in {"README.md", "__pycache__"} and f"`{p.name}" not in text
    ]
    assert not unlisted, f"tests/fixtures/README.md does not list {unlisted}"
