"""Run the frozen app's self-test against a real Secret Service (CI and release builds, Linux).

``python scripts/frozen_selftest.py [--build] [--exe PATH] [--json-out FILE]``

- builds the one-folder app with ``make dist`` first when ``--build`` is given or when
  ``dist/utvag/utvag`` does not exist yet; with ``--check-tree`` it fails when the build
  changed anything in the work tree outside build/ and dist/ (``git status --ignored``);
- starts a private D-Bus session bus with an unlocked gnome-keyring-daemon (the same
  ``SecretService`` the tests use, from tests/conftest.py);
- lists the Python modules inside the built app (its archive and its compiled modules) and
  fails if any developer tool is among them (``devtools``: screenshots and their fictional
  data, translation builds, the demo launcher; ``tests``; ``benchmarks``);
- runs ``dist/utvag/utvag selftest --require-keyring --json`` inside that session, prints
  one line per check, and fails unless every check passed *and* the keyring check names
  the Secret Service backend (keyring's entry-point discovery works in the frozen app).

On Windows and macOS there is no private keyring to start: run
``dist/utvag/utvag selftest --require-keyring`` in the logged-in session instead (the
release workflow does). Exit status: that of the self-test, 1 for any other failure.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECRET_SERVICE = "keyring.backends.SecretService.Keyring"  # noqa: S105 - a class name


def default_exe() -> Path:
    name = "utvag.exe" if sys.platform == "win32" else "utvag"
    return ROOT / "dist" / "utvag" / name


def tree_state() -> list[str]:
    """``git status --porcelain --ignored`` without build/, dist/ (the build's own) and .venv/
    (the tool chain: ``make dist`` may install PyInstaller into it)."""
    done = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    own = ("build/", "dist/", ".venv/")
    return [line for line in done.stdout.splitlines() if not line[3:].startswith(own)]


def build() -> float:
    """``make dist``; returns the seconds it took."""
    start = time.perf_counter()
    subprocess.run(["make", "dist"], cwd=ROOT, check=True)
    return time.perf_counter() - start


#: Top-level packages that must never be inside the frozen app.
DEV_ONLY = ("devtools", "tests", "benchmarks", "scripts")


def bundled_modules(exe: Path) -> list[str]:
    """The Python modules in the frozen app: those in its archive (its PKG and any PYZ inside
    it) and the compiled modules beside it (build.spec keeps them as files, issue 17)."""
    from PyInstaller.archive.readers import pkg_archive_contents

    found = set(pkg_archive_contents(str(exe), recursive=True))
    internal = exe.parent / "_internal"
    base = internal if internal.is_dir() else exe.parent
    for compiled in base.rglob("*.pyc"):
        parts = list(compiled.relative_to(base).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        if parts and "__pycache__" not in parts:
            found.add(".".join(parts))
    return sorted(found)


def developer_modules(modules: list[str]) -> list[str]:
    return [m for m in modules if m.split(".")[0] in DEV_ONLY]


def run_selftest(exe: Path, env: dict[str, str], *extra: str) -> tuple[int, dict[str, object]]:
    done = subprocess.run(
        [str(exe), "selftest", "--require-keyring", "--json", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    sys.stderr.write(done.stderr)
    try:
        report = json.loads(done.stdout)
    except ValueError:
        sys.stdout.write(done.stdout)
        raise SystemExit(f"frozen_selftest: no JSON from {exe} (exit {done.returncode})") from None
    return done.returncode, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python scripts/frozen_selftest.py")
    parser.add_argument("--build", action="store_true", help="run `make dist` first")
    parser.add_argument("--exe", type=Path, default=None, help="the frozen utvag executable")
    parser.add_argument("--json-out", type=Path, help="also write the self-test's JSON here")
    parser.add_argument(
        "--check-tree",
        action="store_true",
        help="fail if the build wrote anything outside build/ and dist/ (needs git)",
    )
    args = parser.parse_args(argv)
    exe = args.exe or default_exe()
    if args.build or not exe.exists():
        before = tree_state() if args.check_tree else []
        print(f"frozen_selftest: make dist took {build():.1f} s", flush=True)
        if args.check_tree:
            changed = sorted(set(tree_state()) ^ set(before))
            if changed:
                print(
                    "frozen_selftest: the build changed the tree outside build/ and dist/:",
                    *changed,
                    sep="\n  ",
                    file=sys.stderr,
                )
                return 1
            print("frozen_selftest: the build wrote nothing outside build/ and dist/")
    if not exe.exists():
        print(f"frozen_selftest: {exe} missing after the build", file=sys.stderr)
        return 1
    modules = bundled_modules(exe)
    found = developer_modules(modules)
    if found or not any(m.startswith("desktop.") for m in modules):
        print(
            "frozen_selftest: developer modules in the frozen app:"
            if found
            else "frozen_selftest: the archive lists none of the app's own modules",
            *found,
            sep="\n  ",
            file=sys.stderr,
        )
        return 1
    print(f"frozen_selftest: {len(modules)} archive entries, no developer module among them")
    missing = [p for p in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(p) is None]
    if missing:
        print(
            f"frozen_selftest: needs {', '.join(missing)} (apt: dbus gnome-keyring)",
            file=sys.stderr,
        )
        return 1

    sys.dont_write_bytecode = True
    sys.path.insert(0, str(ROOT))
    from tests.conftest import SecretService  # the tests' real, private Secret Service

    service = SecretService()
    try:
        env = dict(service.env)
        env.pop("PYTHON_KEYRING_BACKEND", None)  # let the frozen app discover its backend
        env.pop("QT_QPA_PLATFORM", None)  # the self-test picks offscreen for its Qt check
        start = time.perf_counter()
        code, report = run_selftest(exe, env)
        seconds = time.perf_counter() - start
    finally:
        service.close()

    checks = report.get("checks", [])
    assert isinstance(checks, list)
    for check in checks:
        line = f"{check['status']:<3} {check['name']}: {check['title']}"
        print(f"{line} - {check['detail']}" if check.get("detail") else line)
    print(
        f"frozen_selftest: {exe.relative_to(ROOT) if exe.is_relative_to(ROOT) else exe} "
        f"selftest took {seconds:.1f} s, exit {code}"
    )
    if args.json_out:
        args.json_out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    backend: dict[str, object] = next((c for c in checks if c["name"] == "keyring"), {})
    if backend.get("detail") != SECRET_SERVICE or backend.get("status") != "ok":
        print(
            f"frozen_selftest: the frozen app did not use {SECRET_SERVICE}: {backend}",
            file=sys.stderr,
        )
        return code or 1
    return code


if __name__ == "__main__":
    raise SystemExit(main())
