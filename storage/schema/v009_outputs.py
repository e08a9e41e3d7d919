"""Schema step 9: files written outside the store survive a crash at any point (issue 19).

- ``pending_outputs`` — every file (or scratch folder) Utväg is about to write outside its
  own folder, recorded and committed *before* the temporary file is created: its temp name
  beside the target, the target, whether the target may be replaced, and — once the
  operation that writes it has committed — the file's SHA-256 and size. At the next unlock
  a row without a hash is an interrupted write (its temp file is removed); a row with one
  is a committed write whose rename was interrupted (the temp file is renamed into place).
  storage/vault/outputs.py.
- ``sync_outbox`` — every bundle we sealed, with what it takes to write the *same bytes*
  again (the age file key, header and nonce, the signed manifest and its signature) while
  its recipient can still open it; its target, SHA-256 and size, and whether it was placed
  there. ``sync_outbox_members`` holds its members in order: small ones (``case.json``,
  ``receipt.json``) as bytes, documents by id (document contents never change). Links: the
  handover it carries (sender), the case it answers for (a receipt for an accepted
  handover), the bundle a receipt answers. sync/bundle/outbox.py.
- ``handovers`` gains ``cancelled_at`` / ``cancel_reason``: a handover whose bundle was
  sealed but never written can be cancelled instead of waiting for its expiry.

Secrets kept here (the file key) live inside the encrypted store only, and are dropped as
soon as the bundle cannot be used any more (receipt recorded, expired, cancelled, gallring:
the outbox rows cascade with their handover or case).
"""

from __future__ import annotations

from typing import Any

VERSION = 9

STATEMENTS = (
    """
    CREATE TABLE pending_outputs (
        id         INTEGER PRIMARY KEY,
        temp       TEXT NOT NULL UNIQUE,
        target     TEXT,
        purpose    TEXT NOT NULL,
        overwrite  INTEGER NOT NULL CHECK (overwrite IN (0, 1)),
        sha256     TEXT,
        size       INTEGER,
        created_at TEXT NOT NULL,
        CHECK (sha256 IS NULL OR (target IS NOT NULL AND size IS NOT NULL))
    ) STRICT
    """,
    """
    CREATE TABLE sync_outbox (
        bundle_id   TEXT PRIMARY KEY NOT NULL,
        kind        TEXT NOT NULL,
        state       TEXT NOT NULL CHECK (state IN ('sealed', 'placed')),
        target      TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        size        INTEGER NOT NULL,
        expires     TEXT NOT NULL,
        generation  INTEGER NOT NULL,
        handover_id INTEGER REFERENCES handovers(id) ON DELETE CASCADE,
        case_id     INTEGER REFERENCES cases(id) ON DELETE CASCADE,
        answers     TEXT,
        file_key    BLOB CHECK (file_key IS NULL OR length(file_key) = 16),
        age_header  BLOB,
        age_nonce   BLOB,
        manifest    BLOB NOT NULL,
        signature   BLOB NOT NULL,
        sealed_at   TEXT NOT NULL,
        sealed_by   TEXT NOT NULL,
        placed_at   TEXT,
        placed_by   TEXT,
        CHECK ((file_key IS NULL) = (age_header IS NULL)),
        CHECK ((file_key IS NULL) = (age_nonce IS NULL))
    ) STRICT
    """,
    "CREATE INDEX sync_outbox_answers ON sync_outbox(answers)",
    "CREATE INDEX sync_outbox_handover ON sync_outbox(handover_id)",
    """
    CREATE TABLE sync_outbox_members (
        bundle_id   TEXT NOT NULL REFERENCES sync_outbox(bundle_id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        sha256      TEXT NOT NULL,
        content     BLOB,
        document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (bundle_id, position),
        CHECK ((content IS NULL) <> (document_id IS NULL))
    ) STRICT
    """,
    "ALTER TABLE handovers ADD COLUMN cancelled_at TEXT",
    "ALTER TABLE handovers ADD COLUMN cancel_reason TEXT",
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
