"""Schema step 5: the handover workflow (överlämning) on top of ``handovers`` (step 2).

- ``handover_bases`` — the legal bases other than a consent: an överflyttning decision
  (``transfer``) or a request for help (``request_for_help``) concerning a municipality,
  with its date, optional end and reference (diarienummer). A consent is a ``consents``
  row (step 2).
- ``handovers`` gains what the sender needs to follow a bundle: the recipient contact, the
  basis used, the sections sent, whether protected fields / a fictitious identity were
  included, the bundle's expiry, how many conflicts were acknowledged, and the state
  (awaiting receipt -> accepted | refused) with the receipt kept as proof (its
  ``receipt.json`` and signed manifest, its bundle id, reason when refused).
- ``case_provenance`` — on the receiving side, where an imported case came from: the
  sending contact, its names and fingerprint, the bundle id and file hash, the sender's
  case number, legal basis and sections, and the receipt we sealed back.

All new tables cascade on delete of their case, so gallring (storage/casework/gallring.py, which
deletes ``handovers`` itself) removes them with the case.
"""

from __future__ import annotations

from typing import Any

VERSION = 5

STATEMENTS = (
    """
    CREATE TABLE handover_bases (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('transfer','request_for_help')),
        municipality TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        valid_until TEXT,
        reference TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (valid_until IS NULL OR valid_until >= decided_on)
    ) STRICT
    """,
    "CREATE INDEX handover_bases_case ON handover_bases(case_id)",
    "ALTER TABLE handovers ADD COLUMN contact_id INTEGER",
    "ALTER TABLE handovers ADD COLUMN basis_id INTEGER REFERENCES handover_bases(id)",
    "ALTER TABLE handovers ADD COLUMN sections TEXT",
    "ALTER TABLE handovers ADD COLUMN protected_included INTEGER NOT NULL DEFAULT 0 "
    "CHECK (protected_included IN (0, 1))",
    "ALTER TABLE handovers ADD COLUMN fictitious_included INTEGER NOT NULL DEFAULT 0 "
    "CHECK (fictitious_included IN (0, 1))",
    "ALTER TABLE handovers ADD COLUMN expires_at TEXT",
    "ALTER TABLE handovers ADD COLUMN conflicts_acknowledged INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE handovers ADD COLUMN state TEXT NOT NULL DEFAULT 'awaiting_receipt' "
    "CHECK (state IN ('awaiting_receipt','accepted','refused'))",
    "ALTER TABLE handovers ADD COLUMN receipt_reason TEXT",
    "ALTER TABLE handovers ADD COLUMN receipt_bundle_id TEXT",
    "ALTER TABLE handovers ADD COLUMN receipt_json TEXT",
    "ALTER TABLE handovers ADD COLUMN receipt_manifest TEXT",
    """
    CREATE TABLE case_provenance (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        bundle_id TEXT NOT NULL UNIQUE,
        bundle_sha256 TEXT NOT NULL,
        contact_id INTEGER NOT NULL,
        sender_municipality TEXT NOT NULL,
        sender_unit TEXT NOT NULL,
        sender_caseworker TEXT NOT NULL,
        sender_fingerprint TEXT NOT NULL,
        sender_case_ref TEXT NOT NULL,
        legal_basis TEXT NOT NULL CHECK (legal_basis IN ('consent','transfer','request_for_help')),
        sections TEXT NOT NULL,
        protected_included INTEGER NOT NULL CHECK (protected_included IN (0, 1)),
        fictitious_included INTEGER NOT NULL CHECK (fictitious_included IN (0, 1)),
        sent_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        accepted_by TEXT NOT NULL,
        conflicts_acknowledged INTEGER NOT NULL DEFAULT 0,
        receipt_bundle_id TEXT NOT NULL,
        receipt_sha256 TEXT NOT NULL
    ) STRICT
    """,
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
