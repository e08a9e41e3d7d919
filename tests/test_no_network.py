"""Utväg never opens a network connection; the suite's guard refuses any internet socket."""

from __future__ import annotations

import socket

import pytest

from tests import conftest


def test_internet_connection_is_refused_by_the_guard() -> None:
    before = len(conftest.network_attempts)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s, pytest.raises(OSError):
        s.connect(("192.0.2.1", 443))  # TEST-NET-1: never routed, and never reached here
    assert len(conftest.network_attempts) == before + 1
    conftest.network_attempts.pop()  # this attempt was the guard's own test


def test_loopback_is_allowed() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as client:
            client.connect(server.getsockname())
    assert conftest.network_attempts == []
