"""Schema step 11: team continuity — stable record ids, the operation log, shares.

- A ``uid`` column (32 lower-case hex digits, 128 random bits) on every table of a case file
  that is kept in step between colleagues (:data:`UID_TABLES`), filled for existing rows here
  and for new rows by an ``AFTER INSERT`` trigger; a unique index per table. The integer
  ``id`` stays the local key.
- ``team_clock`` — the persisted hybrid logical clock (one row).
- ``team_ops`` — every operation on a shared case, written here or received (docs/sync.md §2);
  ``team_heads`` — for each register of each record, the operations not replaced by another
  (several heads = a conflict).
- ``team_cases`` — the cases this laptop shares, with its own role and dates;
  ``team_members`` — the colleagues on each shared case, their roles, dates and state.
- ``team_sent`` / ``team_delivered`` / ``team_imported`` / ``team_peers`` — what went into
  which change bundle for whom, which operations each colleague is known to have, which of
  their bundles we imported (to acknowledge), and per colleague the last acknowledgement sent.
- ``team_files`` — bundle files on the sync folder already dealt with (by file hash).
- ``team_removed`` — a case removed at the end of a stand-in share: no content, the record
  that it was removed (the hash of its case number, its uid, when) and whom the signed
  confirmation goes to; ``team_members.removed_at`` is where the responsible caseworker's
  laptop keeps that confirmation.
- The journal's ``journal_one_correction`` index becomes non-unique: two colleagues may
  correct the same version concurrently, and both rättelser are kept; outside a merge a
  trigger still refuses a second correction of one version. ``journal_no_update``
  gains one exception: while a merge runs (a row in ``team_merging``, inside the merge's
  transaction, like ``gallring_pending`` for gallring) the felmarkering fields of an entry
  already felmarkerad may change, so that two colleagues' concurrent felmarkeringar end the
  same on every laptop. Text, author, time and links stay unchangeable, always.
"""

from __future__ import annotations

from typing import Any

VERSION = 11

UID_TABLES = (
    "cases",
    "persons",
    "consents",
    "threat_assessments",
    "placements",
    "interventions",
    "journal_entries",
    "documents",
    "follow_ups",
)

STATEMENTS = (
    """
    CREATE TABLE team_clock (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        physical INTEGER NOT NULL CHECK (physical >= 0),
        logical  INTEGER NOT NULL CHECK (logical >= 0)
    ) STRICT
    """,
    "INSERT INTO team_clock (id, physical, logical) VALUES (1, 0, 0)",
    """
    CREATE TRIGGER team_clock_forward BEFORE UPDATE ON team_clock
    WHEN NEW.physical < OLD.physical
      OR (NEW.physical = OLD.physical AND NEW.logical <= OLD.logical)
    BEGIN SELECT RAISE(ABORT, 'the team clock never goes back'); END
    """,
    """
    CREATE TABLE team_ops (
        seq         INTEGER PRIMARY KEY,
        op_id       TEXT NOT NULL UNIQUE CHECK (length(op_id) = 32),
        clock       TEXT NOT NULL,
        author      TEXT NOT NULL,
        case_uid    TEXT NOT NULL,
        table_name  TEXT NOT NULL,
        record_uid  TEXT NOT NULL,
        kind        TEXT NOT NULL CHECK (kind IN ('put', 'remove')),
        body        TEXT NOT NULL,
        origin      INTEGER,
        received_at TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX team_ops_case ON team_ops(case_uid, clock)",
    "CREATE INDEX team_ops_record ON team_ops(record_uid)",
    """
    CREATE TABLE team_heads (
        record_uid TEXT NOT NULL,
        register   TEXT NOT NULL,
        op_id      TEXT NOT NULL,
        PRIMARY KEY (record_uid, register, op_id)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE team_cases (
        case_uid    TEXT PRIMARY KEY NOT NULL,
        case_id     INTEGER UNIQUE REFERENCES cases(id) ON DELETE SET NULL,
        role        TEXT NOT NULL CHECK (role IN ('responsible', 'co', 'stand_in')),
        valid_from  TEXT,
        valid_until TEXT,
        protected   INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
        state       TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'ended')),
        shared_at   TEXT NOT NULL,
        shared_by   TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE team_members (
        case_uid    TEXT NOT NULL REFERENCES team_cases(case_uid) ON DELETE CASCADE,
        contact_id  INTEGER NOT NULL REFERENCES sync_contacts(id),
        role        TEXT NOT NULL CHECK (role IN ('responsible', 'co', 'stand_in')),
        valid_from  TEXT,
        valid_until TEXT,
        protected   INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
        state       TEXT NOT NULL DEFAULT 'active'
                    CHECK (state IN ('active', 'ended', 'revoked')),
        granted     INTEGER NOT NULL DEFAULT 0 CHECK (granted IN (0, 1)),
        added_at    TEXT NOT NULL,
        ended_at    TEXT,
        removed_at  TEXT,
        PRIMARY KEY (case_uid, contact_id)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE team_peers (
        contact_id     INTEGER PRIMARY KEY REFERENCES sync_contacts(id),
        ack_sent       INTEGER NOT NULL DEFAULT 0,
        grants_sha256  TEXT,
        last_write_at  TEXT,
        last_import_at TEXT
    ) STRICT
    """,
    """
    CREATE TABLE team_imported (
        contact_id  INTEGER NOT NULL,
        sequence    INTEGER NOT NULL,
        operations  INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        PRIMARY KEY (contact_id, sequence)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE team_sent (
        contact_id INTEGER NOT NULL,
        sequence   INTEGER NOT NULL,
        op_id      TEXT NOT NULL,
        PRIMARY KEY (contact_id, sequence, op_id)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE team_delivered (
        contact_id INTEGER NOT NULL,
        op_id      TEXT NOT NULL,
        PRIMARY KEY (contact_id, op_id)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE team_files (
        file_sha256 TEXT PRIMARY KEY NOT NULL,
        outcome     TEXT NOT NULL,
        seen_at     TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE team_removed (
        case_ref    TEXT PRIMARY KEY NOT NULL,
        case_uid    TEXT NOT NULL UNIQUE,
        reason      TEXT NOT NULL CHECK (reason IN ('stand_in_ended', 'share_revoked')),
        removed_at  TEXT NOT NULL,
        removed_by  TEXT NOT NULL,
        notify      TEXT NOT NULL
    ) STRICT
    """,
    "DROP INDEX journal_one_correction",
    """
    CREATE TABLE team_merging (
        one INTEGER PRIMARY KEY CHECK (one = 1)
    ) STRICT
    """,
    """
    CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal_entries
    WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.original_id IS NOT OLD.original_id OR NEW.corrects_id IS NOT OLD.corrects_id
      OR NEW.version IS NOT OLD.version OR NEW.author IS NOT OLD.author
      OR NEW.written_at IS NOT OLD.written_at OR NEW.text IS NOT OLD.text
      OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.imported IS NOT OLD.imported
      OR NEW.uid IS NOT OLD.uid AND OLD.uid IS NOT NULL
      OR (OLD.erroneous_at IS NOT NULL
          AND (NEW.erroneous_at IS NOT OLD.erroneous_at OR NEW.erroneous_by IS NOT OLD.erroneous_by
               OR NEW.erroneous_reason IS NOT OLD.erroneous_reason)
          AND NOT EXISTS (SELECT 1 FROM team_merging))
    BEGIN
      SELECT RAISE(ABORT, 'journal entries are append-only; write a correction (rättelse)');
    END
    """,
    "CREATE INDEX journal_corrects ON journal_entries(corrects_id) WHERE corrects_id IS NOT NULL",
    """
    CREATE TRIGGER journal_one_correction BEFORE INSERT ON journal_entries
    WHEN NEW.corrects_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM journal_entries WHERE corrects_id = NEW.corrects_id)
      AND NOT EXISTS (SELECT 1 FROM team_merging)
    BEGIN SELECT RAISE(ABORT, 'a journal version is corrected once on this laptop'); END
    """,
)


def upgrade(conn: Any) -> None:
    # A felmarkerad entry refuses every UPDATE under step 2's trigger; its uid is filled
    # while that trigger is away (it comes back, with the merge exception, below).
    conn.execute("DROP TRIGGER journal_no_update")
    for table in UID_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        conn.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")  # noqa: S608
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table}(uid)")
        fill = f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id"  # noqa: S608
        conn.execute(
            f"CREATE TRIGGER {table}_uid_new AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN {fill}; END"
        )
    for statement in STATEMENTS:
        conn.execute(statement)
