"""Schema 1: the meta table and the append-only, hash-chained audit log."""

from __future__ import annotations

from typing import Any

VERSION = 1


def upgrade(conn: Any) -> None:
    conn.execute(
        """
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) STRICT
        """
    )
    conn.execute(
        """
        CREATE TABLE audit_log (
            seq       INTEGER PRIMARY KEY NOT NULL,
            ts        TEXT NOT NULL,
            actor     TEXT NOT NULL,
            action    TEXT NOT NULL,
            subject   TEXT NOT NULL DEFAULT '',
            details   TEXT NOT NULL DEFAULT '{}',
            prev_hash TEXT NOT NULL,
            hash      TEXT NOT NULL UNIQUE
        ) STRICT
        """
    )
    conn.execute("CREATE INDEX audit_log_ts ON audit_log(ts)")
    conn.execute("CREATE INDEX audit_log_action ON audit_log(action, ts)")
    conn.execute(
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """
    )
    conn.execute(
        """
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END
        """
    )
