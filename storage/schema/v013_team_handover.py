"""Schema step 13: a shared case handed over ends its shares; operations carry their
author's signature.

- ``team_cases.handed_over_at`` — on the responsible caseworker's laptop, when the receipt
  of the case's handover was recorded (UTC): every share of the case ended then, and the
  colleagues are told in the next change bundles until each confirms its removal
  (docs/sync.md §6).
- ``team_removed.reason`` may also be ``handed_over``: a colleague's laptop that removed
  its copy because the case was handed over (the table is built again for the new CHECK;
  its rows are kept).
- ``team_op_sigs`` — each operation's author signature (Ed25519 over its canonical bytes,
  docs/sync.md §4) with the per-register salts and, where this laptop holds the values
  masked, the digests: what it takes to pass the operation on, signed. An operation
  without a row here (written or received before this step) is signed when we are its
  author and send it; another author's is not passed on.
"""

from __future__ import annotations

from typing import Any

VERSION = 13

STATEMENTS = (
    "ALTER TABLE team_cases ADD COLUMN handed_over_at TEXT",
    """
    CREATE TABLE team_removed_v13 (
        case_ref    TEXT PRIMARY KEY NOT NULL,
        case_uid    TEXT NOT NULL UNIQUE,
        reason      TEXT NOT NULL
                    CHECK (reason IN ('stand_in_ended', 'share_revoked', 'handed_over')),
        removed_at  TEXT NOT NULL,
        removed_by  TEXT NOT NULL,
        notify      TEXT NOT NULL
    ) STRICT
    """,
    "INSERT INTO team_removed_v13 (case_ref, case_uid, reason, removed_at, removed_by, notify) "
    "SELECT case_ref, case_uid, reason, removed_at, removed_by, notify FROM team_removed",
    "DROP TABLE team_removed",
    "ALTER TABLE team_removed_v13 RENAME TO team_removed",
    """
    CREATE TABLE team_op_sigs (
        op_id       TEXT PRIMARY KEY NOT NULL REFERENCES team_ops(op_id) ON DELETE CASCADE,
        signature   BLOB NOT NULL CHECK (length(signature) = 64),
        salts       TEXT NOT NULL,
        digests     TEXT NOT NULL
    ) STRICT
    """,
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
