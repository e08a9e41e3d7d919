"""Schema step 3: this installation's identity, contacts, bundle bookkeeping and staging.

Tables (all STRICT; docs/bundle-format.md explains each use):

- ``sync_identity`` — one row per key *generation* of this store's identity: the Ed25519
  signing seed, the X25519 secret and the ML-KEM-768+X25519 seed (secrets, inside the
  encrypted store only), names, the self-signed card and, after a rotation, the update card
  endorsed by the previous generation. Exactly one row is current (``is_current = 1``).
- ``sync_contacts`` — other installations: names, status (unverified | verified | revoked)
  and the last bundle sequence number accepted from them.
- ``sync_contact_keys`` — every key set a contact has had. Key ids, public keys, age
  recipients and fingerprints are unique across all contacts and all history, so a key that
  was revoked or rotated away can never come back as a new contact. At most one row per
  contact is not ``rotated`` (its current or revoked key).
- ``sync_state`` — counters (``next_sequence``: the sender sequence for our bundles).
- ``sync_sealed_bundles`` / ``sync_seen_bundles`` — bundles we sealed / accepted (replay
  and rollback protection, receipt matching).
- ``sync_staging`` — decrypted bundle members, in chunks, between ``open_bundle`` and the
  import: decrypted data never touches disk outside the encrypted store.
"""

from __future__ import annotations

from typing import Any

VERSION = 3

STATEMENTS = (
    """
    CREATE TABLE sync_identity (
        generation     INTEGER PRIMARY KEY NOT NULL CHECK (generation >= 1),
        is_current     INTEGER UNIQUE CHECK (is_current = 1),
        municipality   TEXT NOT NULL,
        unit           TEXT NOT NULL,
        caseworker     TEXT NOT NULL,
        created_at     TEXT NOT NULL,
        retired_at     TEXT,
        signing_seed   BLOB NOT NULL CHECK (length(signing_seed) = 32),
        signing_key_id BLOB NOT NULL CHECK (length(signing_key_id) = 8),
        x25519_secret  BLOB NOT NULL CHECK (length(x25519_secret) = 32),
        pq_seed        BLOB NOT NULL CHECK (length(pq_seed) = 32),
        fingerprint    TEXT NOT NULL UNIQUE,
        card           BLOB NOT NULL,
        update_card    BLOB,
        CHECK ((is_current IS NULL) = (retired_at IS NOT NULL))
    ) STRICT
    """,
    """
    CREATE TABLE sync_contacts (
        id            INTEGER PRIMARY KEY,
        municipality  TEXT NOT NULL,
        unit          TEXT NOT NULL,
        caseworker    TEXT NOT NULL,
        label_key     TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('unverified', 'verified', 'revoked')),
        last_sequence INTEGER NOT NULL DEFAULT 0 CHECK (last_sequence >= 0),
        imported_at   TEXT NOT NULL,
        imported_by   TEXT NOT NULL,
        verified_at   TEXT,
        verified_by   TEXT,
        revoked_at    TEXT,
        revoked_by    TEXT,
        revoke_reason TEXT,
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL))
    ) STRICT
    """,
    "CREATE INDEX sync_contacts_label ON sync_contacts(label_key)",
    """
    CREATE TABLE sync_contact_keys (
        id               INTEGER PRIMARY KEY,
        contact_id       INTEGER NOT NULL REFERENCES sync_contacts(id),
        generation       INTEGER NOT NULL CHECK (generation >= 1),
        key_id           TEXT NOT NULL UNIQUE,
        public_key       TEXT NOT NULL UNIQUE,
        age_recipient    TEXT NOT NULL UNIQUE,
        age_pq_recipient TEXT UNIQUE,
        fingerprint      TEXT NOT NULL UNIQUE,
        card             BLOB NOT NULL,
        state            TEXT NOT NULL CHECK (state IN ('current', 'rotated', 'revoked')),
        added_at         TEXT NOT NULL,
        retired_at       TEXT,
        CHECK ((state = 'current') = (retired_at IS NULL))
    ) STRICT
    """,
    """
    CREATE UNIQUE INDEX sync_contact_keys_live ON sync_contact_keys(contact_id)
    WHERE state <> 'rotated'
    """,
    """
    CREATE TABLE sync_state (
        key   TEXT PRIMARY KEY NOT NULL,
        value INTEGER NOT NULL
    ) STRICT
    """,
    "INSERT INTO sync_state (key, value) VALUES ('next_sequence', 1)",
    """
    CREATE TABLE sync_sealed_bundles (
        bundle_id   TEXT PRIMARY KEY NOT NULL,
        kind        TEXT NOT NULL,
        sequence    INTEGER NOT NULL UNIQUE,
        generation  INTEGER NOT NULL REFERENCES sync_identity(generation),
        file_sha256 TEXT NOT NULL,
        case_ref    TEXT NOT NULL,
        recipients  TEXT NOT NULL,
        created     TEXT NOT NULL,
        expires     TEXT NOT NULL,
        sealed_at   TEXT NOT NULL,
        sealed_by   TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE sync_seen_bundles (
        bundle_id   TEXT PRIMARY KEY NOT NULL,
        contact_id  INTEGER NOT NULL REFERENCES sync_contacts(id),
        kind        TEXT NOT NULL,
        sequence    INTEGER NOT NULL,
        file_sha256 TEXT NOT NULL,
        created     TEXT NOT NULL,
        expires     TEXT NOT NULL,
        seen_at     TEXT NOT NULL,
        seen_by     TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX sync_seen_bundles_contact ON sync_seen_bundles(contact_id, sequence)",
    """
    CREATE TABLE sync_staging (
        id      INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        member  INTEGER NOT NULL,
        chunk   INTEGER NOT NULL,
        data    BLOB NOT NULL,
        UNIQUE (session, member, chunk)
    ) STRICT
    """,
    """
    CREATE TRIGGER sync_seen_no_update BEFORE UPDATE ON sync_seen_bundles
    BEGIN SELECT RAISE(ABORT, 'seen bundles are never changed'); END
    """,
    """
    CREATE TRIGGER sync_seen_no_delete BEFORE DELETE ON sync_seen_bundles
    BEGIN SELECT RAISE(ABORT, 'seen bundles are never forgotten (replay protection)'); END
    """,
    """
    CREATE TRIGGER sync_sequence_forward BEFORE UPDATE OF last_sequence ON sync_contacts
    WHEN NEW.last_sequence < OLD.last_sequence
    BEGIN SELECT RAISE(ABORT, 'a sender sequence number never goes back'); END
    """,
    """
    CREATE TRIGGER sync_next_sequence_forward BEFORE UPDATE ON sync_state
    WHEN NEW.key = 'next_sequence' AND NEW.value <= OLD.value
    BEGIN SELECT RAISE(ABORT, 'the bundle sequence counter never goes back'); END
    """,
)


def upgrade(conn: Any) -> None:
    """Create the sync tables (inside the migration runner's transaction)."""
    for statement in STATEMENTS:
        conn.execute(statement)
