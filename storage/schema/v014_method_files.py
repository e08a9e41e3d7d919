"""Schema step 14: a shared method register cannot be replayed (docs/knowledge.md).

- ``method_files_seen`` — per verified contact, the newest signed method-register file
  imported from them: its signed ``created`` time and SHA-256. A file from the same contact
  whose ``created`` is not later is refused (sync/knowledge/methods_file.py), so an older
  register cannot roll entries back after a newer one was applied.
- ``method_files_issued`` — the ``created`` time of the last register file this
  installation signed (one row): the next one is signed at least a second later, so two
  exports in the same second still carry increasing times.
"""

from __future__ import annotations

from typing import Any

VERSION = 14

STATEMENTS = (
    """
    CREATE TABLE method_files_seen (
        contact_id  INTEGER PRIMARY KEY REFERENCES sync_contacts(id) ON DELETE CASCADE,
        created     TEXT NOT NULL,
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        imported_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE method_files_issued (
        id      INTEGER PRIMARY KEY CHECK (id = 1),
        created TEXT NOT NULL
    ) STRICT
    """,
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
