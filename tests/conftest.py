"""Shared fixtures: a real Secret Service, a no-network guard, temporary stores.

The keyring fixture starts a private D-Bus session bus and an unlocked
gnome-keyring-daemon (Secret Service) for the whole test session. Tests that need it are
skipped with a clear reason only where those programs are missing, and never in CI
(``UTVAG_REQUIRE_KEYRING=1`` turns the skip into a failure).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------- no network, ever


_ALLOWED_FAMILIES = {getattr(socket, "AF_UNIX", -1)}
network_attempts: list[str] = []


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else str(address)
    return host in ("127.0.0.1", "::1", "localhost") or str(host).startswith("127.")


_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    if self.family not in _ALLOWED_FAMILIES and not _is_loopback(address):
        network_attempts.append(repr(address))
        raise OSError(f"Utväg tests: network connection attempted to {address!r}")
    return _real_connect(self, address)


def _guarded_connect_ex(self: socket.socket, address: Any) -> Any:
    if self.family not in _ALLOWED_FAMILIES and not _is_loopback(address):
        network_attempts.append(repr(address))
        raise OSError(f"Utväg tests: network connection attempted to {address!r}")
    return _real_connect_ex(self, address)


socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if network_attempts:
        session.exitstatus = 1
        print(f"\nUtväg tests opened internet sockets: {network_attempts}")


# ---------------------------------------------------------------- real Secret Service


class SecretService:
    """A private session bus with an unlocked gnome-keyring-daemon."""

    def __init__(self) -> None:
        self.home = Path(tempfile.mkdtemp(prefix="utvag-keyring-"))
        self.env = dict(os.environ)
        self.env.update(
            HOME=str(self.home),
            XDG_DATA_HOME=str(self.home / "data"),
            XDG_RUNTIME_DIR=str(self.home / "run"),
        )
        (self.home / "run").mkdir(mode=0o700)
        self.bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=self.env,
            text=True,
        )
        assert self.bus.stdout is not None
        self.address = self.bus.stdout.readline().strip()
        self.env["DBUS_SESSION_BUS_ADDRESS"] = self.address
        subprocess.run(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--daemonize"],
            input="test-keyring-password",
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )

    def _keyring_daemons(self) -> list[int]:
        """PIDs of gnome-keyring-daemon processes started on this private bus."""
        marker = f"DBUS_SESSION_BUS_ADDRESS={self.address}".encode()
        pids: list[int] = []
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                if b"gnome-keyring" not in (proc / "cmdline").read_bytes():
                    continue
                if marker in (proc / "environ").read_bytes().split(b"\0"):
                    pids.append(int(proc.name))
            except OSError:
                continue
        return pids

    def close(self) -> None:
        for pid in self._keyring_daemons():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        self.bus.terminate()
        try:
            self.bus.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.bus.kill()
        shutil.rmtree(self.home, ignore_errors=True)


def _keyring_programs_missing() -> list[str]:
    return [p for p in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(p) is None]


@pytest.fixture(scope="session")
def secret_service() -> Iterator[SecretService]:
    """A running, unlocked Secret Service; DBUS_SESSION_BUS_ADDRESS points at it."""
    missing = _keyring_programs_missing()
    if missing:
        reason = f"a real Secret Service needs {', '.join(missing)} (apt: dbus gnome-keyring)"
        if os.environ.get("UTVAG_REQUIRE_KEYRING") or os.environ.get("CI"):
            pytest.fail(reason + " — required in CI")
        pytest.skip(reason)
    service = SecretService()
    old = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = service.address
    import keyring
    import keyring.backends.SecretService

    keyring.set_keyring(keyring.backends.SecretService.Keyring())
    try:
        yield service
    finally:
        if old is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = old
        service.close()


@pytest.fixture
def keyring_backend(secret_service: SecretService) -> Iterator[Any]:
    """The real Secret Service keyring, restored after tests that swap the backend."""
    import keyring
    import keyring.backends.SecretService

    backend = keyring.backends.SecretService.Keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(backend)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A path for a new store (not created yet)."""
    return tmp_path / "store"


# ---------------------------------------------------------------- SoftHSM2 (PKCS#11)

from tests.softhsm import softhsm, softhsm_template  # noqa: E402, F401 - fixtures
