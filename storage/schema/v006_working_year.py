"""Schema step 6: a caseworker's working year (issue 15: journal, people, relocation, gallring).

- ``journal_entries`` gains ``event_date`` (händelsedatum, the day the contact happened;
  ``NULL`` on older entries, which read as their written day) and ``entry_type``
  (anteckningstyp; older entries become ``other``, övrigt). A new trigger keeps both fixed
  once written, beside step 2's append-only triggers, which are not touched.
- ``journal_drafts`` — utkast: editable by their author, outside the journal until signed.
  Signing inserts an ordinary journal entry (step 2's triggers hold from then on) and
  removes the draft in one transaction. Drafts are a table of their own so that nothing
  which reads the journal (handover, sync, extracts, statistics, search) can meet one.
- ``journal_templates`` — mallar per entry type, editable; one starting template per type.
- ``persons.id_hash`` — HMAC-SHA256 of the normalised personnummer or samordningsnummer
  under a random per-store key (``meta`` ``person_number_key``), indexed: finding a person
  by number compares keyed hashes and never reads or indexes the number itself. Triggers
  refuse a row whose number and hash disagree in presence, or a number changed without
  its hash.
- ``case_links`` — two cases about the same person (the duplicate check's "link").
- ``partners``, ``case_partners`` — the partner register (samverkansparter) and its links
  to cases.
- ``relocation_tasks`` — the flyttchecklista of a placement: task, who, when, done.
- The gallring protocol: ``gallring_runs`` gains ``decision_ref`` (beslut) and
  ``kept_open_handover``; ``gallring_kept`` lists what a run kept and why. Runs, their
  log and what they kept are append-only (triggers), except that a later run blanks the
  case number of a kept case it deletes (the hash stays).
- Indexes on the audit log by subject and by actor for the access log (``case.open``
  entries; docs/data-model.md says why the audit log carries it).

Every new case table cascades on delete of its case (or placement), so gallring removes it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

VERSION = 6

PERSON_KEY = "person_number_key"
ENTRY_TYPES = "('conversation','home_visit','phone','network_meeting','authority_contact','other')"
PARTNER_KINDS = "('police','probation','lawyer','school','employer','psychiatry','other')"
TASKS = (
    "('protected_registration','school','social_insurance','employment_service',"
    "'health_care','police_security','housing_provider','other')"
)
KEPT_REASONS = "('exemption','research_sample','open_handover','open_share')"

#: The starting templates (Swedish, the working language; the user edits them freely).
TEMPLATES = (
    ("conversation", "Samtal", "Syfte:\nDeltagare:\nSamtalets innehåll:\nÖverenskommet:\n"),
    (
        "home_visit",
        "Hembesök",
        "Närvarande:\nBoendet:\nIntryck:\nÖverenskommet:\nNästa kontakt:\n",
    ),
    ("phone", "Telefon", "Vem ringde:\nÄrende:\nÖverenskommet:\n"),
    (
        "network_meeting",
        "Nätverksmöte",
        "Deltagare (myndighet och funktion):\nSyfte:\nBeslut och ansvar:\nNästa möte:\n",
    ),
    (
        "authority_contact",
        "Myndighetskontakt",
        "Myndighet och funktion:\nÄrende:\nUppgifter som lämnats (stöd):\nSvar:\n",
    ),
    ("other", "Övrigt", ""),
)

STATEMENTS = (
    "ALTER TABLE journal_entries ADD COLUMN event_date TEXT",
    f"ALTER TABLE journal_entries ADD COLUMN entry_type TEXT NOT NULL DEFAULT 'other' "
    f"CHECK (entry_type IN {ENTRY_TYPES})",
    """
    CREATE TRIGGER journal_event_fixed BEFORE UPDATE OF event_date, entry_type ON journal_entries
    WHEN NEW.event_date IS NOT OLD.event_date OR NEW.entry_type IS NOT OLD.entry_type
    BEGIN
      SELECT RAISE(ABORT, 'journal entries are append-only; write a correction (rättelse)');
    END
    """,
    "CREATE INDEX journal_case_type ON journal_entries(case_id, entry_type)",
    f"""
    CREATE TABLE journal_drafts (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        author TEXT NOT NULL,
        entry_type TEXT NOT NULL CHECK (entry_type IN {ENTRY_TYPES}),
        event_date TEXT,
        text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX journal_drafts_case ON journal_drafts(case_id)",
    f"""
    CREATE TABLE journal_templates (
        id INTEGER PRIMARY KEY,
        entry_type TEXT NOT NULL CHECK (entry_type IN {ENTRY_TYPES}),
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (entry_type, name)
    ) STRICT
    """,
    "ALTER TABLE persons ADD COLUMN id_hash TEXT",
    "CREATE INDEX persons_id_hash ON persons(id_hash) WHERE id_hash IS NOT NULL",
    """
    CREATE TRIGGER persons_id_hash_insert BEFORE INSERT ON persons
    WHEN (NEW.id_number IS NULL) <> (NEW.id_hash IS NULL)
    BEGIN SELECT RAISE(ABORT, 'a personnummer needs its search hash'); END
    """,
    """
    CREATE TRIGGER persons_id_hash_update BEFORE UPDATE ON persons
    WHEN (NEW.id_number IS NULL) <> (NEW.id_hash IS NULL)
      OR (NEW.id_number IS NOT OLD.id_number AND NEW.id_hash IS OLD.id_hash
          AND NEW.id_number IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'a personnummer needs its search hash'); END
    """,
    """
    CREATE TABLE case_links (
        case_a INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        case_b INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN ('same_person')),
        linked_by TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (case_a, case_b),
        CHECK (case_a < case_b)
    ) WITHOUT ROWID, STRICT
    """,
    "CREATE INDEX case_links_b ON case_links(case_b)",
    f"""
    CREATE TABLE partners (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN {PARTNER_KINDS}),
        name TEXT NOT NULL,
        organisation TEXT,
        phone TEXT,
        email TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE case_partners (
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        partner_id INTEGER NOT NULL REFERENCES partners(id),
        role TEXT,
        linked_by TEXT NOT NULL,
        linked_at TEXT NOT NULL,
        PRIMARY KEY (case_id, partner_id)
    ) WITHOUT ROWID, STRICT
    """,
    "CREATE INDEX case_partners_partner ON case_partners(partner_id)",
    f"""
    CREATE TABLE relocation_tasks (
        id INTEGER PRIMARY KEY,
        placement_id INTEGER NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
        task TEXT NOT NULL CHECK (task IN {TASKS}),
        description TEXT,
        responsible TEXT,
        due_on TEXT,
        done_on TEXT,
        done_by TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((done_on IS NULL) = (done_by IS NULL)),
        CHECK (task <> 'other' OR description IS NOT NULL)
    ) STRICT
    """,
    "CREATE INDEX relocation_tasks_placement ON relocation_tasks(placement_id)",
    "CREATE INDEX relocation_tasks_open ON relocation_tasks(due_on) WHERE done_on IS NULL",
    "ALTER TABLE gallring_runs ADD COLUMN decision_ref TEXT",
    "ALTER TABLE gallring_runs ADD COLUMN kept_open_handover INTEGER NOT NULL DEFAULT 0",
    f"""
    CREATE TABLE gallring_kept (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES gallring_runs(id),
        case_ref TEXT NOT NULL,
        case_number TEXT,
        reason TEXT NOT NULL CHECK (reason IN {KEPT_REASONS}),
        due_on TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX gallring_kept_run ON gallring_kept(run_id)",
    "CREATE INDEX gallring_kept_ref ON gallring_kept(case_ref)",
    """
    CREATE TRIGGER gallring_runs_kept BEFORE UPDATE ON gallring_runs
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    """
    CREATE TRIGGER gallring_runs_no_delete BEFORE DELETE ON gallring_runs
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    """
    CREATE TRIGGER gallring_log_kept BEFORE UPDATE ON gallring_log
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    """
    CREATE TRIGGER gallring_log_no_delete BEFORE DELETE ON gallring_log
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    """
    CREATE TRIGGER gallring_kept_fixed BEFORE UPDATE ON gallring_kept
    WHEN NEW.id IS NOT OLD.id OR NEW.run_id IS NOT OLD.run_id
      OR NEW.case_ref IS NOT OLD.case_ref OR NEW.reason IS NOT OLD.reason
      OR NEW.due_on IS NOT OLD.due_on OR NEW.case_number IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    """
    CREATE TRIGGER gallring_kept_no_delete BEFORE DELETE ON gallring_kept
    BEGIN SELECT RAISE(ABORT, 'the gallring protocol is append-only'); END
    """,
    "CREATE INDEX audit_log_subject ON audit_log(subject, ts)",
    "CREATE INDEX audit_log_actor ON audit_log(actor, ts)",
)


def number_hash(key: bytes, normalised: str) -> str:
    """The search hash of a stored number (``YYYYMMDD-NNNC``) — as storage/casefile/people.py."""
    return hmac.new(key, normalised.encode("ascii"), hashlib.sha256).hexdigest()


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    key = secrets.token_bytes(32)
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)", (PERSON_KEY, key.hex()))
    rows = conn.execute("SELECT id, id_number FROM persons WHERE id_number IS NOT NULL").fetchall()
    conn.executemany(
        "UPDATE persons SET id_hash = ? WHERE id = ?",
        [(number_hash(key, str(number)), int(pid)) for pid, number in rows],
    )
    now = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    conn.executemany(
        "INSERT INTO journal_templates (entry_type, name, text, created_by, created_at, "
        "updated_at) VALUES (?, ?, ?, 'Utväg', ?, ?)",
        [(kind, name, text, now, now) for kind, name, text in TEMPLATES],
    )
