"""Schema step 12: the rest of a shared case kept in step (docs/sync.md §2).

- A ``uid`` column (32 lower-case hex digits, 128 random bits), a unique index and an
  ``AFTER INSERT`` trigger that fills it, as step 11 did, on the remaining tables of a case
  file (:data:`UID_TABLES`): agreements and their conditions and breaches, network links,
  reminders, provider controls, relocation tasks, needs assessments, care contacts, SIPs and
  their actions, decisions and their appeals, the state grant's confirmations, the decisions
  a handover rests on. Existing rows get theirs here. (Placement addresses, fictitious
  identities, need ratings, follow-up results and links, partners of a case and a case's
  reason for ending travel as fields of the record they belong to and need none.)
- The triggers that keep signed records unchangeable let a missing ``uid`` be filled once,
  and nothing else: a needs assessment and a grant confirmation never change; a decision
  only gets its notification date once; an appeal only its outcome once.
- As for journal entries in step 11: ``decisions_one_correction`` becomes non-unique (two
  colleagues may correct the same decision concurrently and both versions are kept; outside
  a merge a trigger still refuses a second correction of one version), and while a merge
  runs (a row in ``team_merging``) a decision's notification date and an appeal's outcome
  may be set to the other colleague's value, so that concurrent ones end the same on every
  laptop.
"""

from __future__ import annotations

from typing import Any

VERSION = 12

UID_TABLES = (
    "agreements",
    "conditions",
    "condition_breaches",
    "network_links",
    "reminders",
    "provider_controls",
    "relocation_tasks",
    "needs_assessments",
    "care_contacts",
    "sips",
    "sip_actions",
    "decisions",
    "decision_appeals",
    "grant_confirmations",
    "handover_bases",
)

DROP = (
    "DROP TRIGGER needs_assessments_no_update",
    "DROP TRIGGER grant_confirmations_no_update",
    "DROP TRIGGER decisions_no_update",
    "DROP TRIGGER decision_appeals_fixed",
    "DROP INDEX decisions_one_correction",
)

TRIGGERS = (
    """
    CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
    WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
      OR NEW.original_id IS NOT OLD.original_id OR NEW.corrects_id IS NOT OLD.corrects_id
      OR NEW.version IS NOT OLD.version OR NEW.provision_id IS NOT OLD.provision_id
      OR NEW.provision_text IS NOT OLD.provision_text OR NEW.outcome IS NOT OLD.outcome
      OR NEW.subject IS NOT OLD.subject OR NEW.intervention_type IS NOT OLD.intervention_type
      OR NEW.reasons IS NOT OLD.reasons OR NEW.decided_by IS NOT OLD.decided_by
      OR NEW.delegation IS NOT OLD.delegation OR NEW.decided_on IS NOT OLD.decided_on
      OR NEW.appeal_info IS NOT OLD.appeal_info OR NEW.signed_by IS NOT OLD.signed_by
      OR NEW.signed_at IS NOT OLD.signed_at OR NEW.correction_reason IS NOT OLD.correction_reason
      OR NEW.imported IS NOT OLD.imported
      OR (NEW.uid IS NOT OLD.uid AND OLD.uid IS NOT NULL)
      OR (OLD.notified_on IS NOT NULL AND NEW.notified_on IS NOT OLD.notified_on
          AND NOT EXISTS (SELECT 1 FROM team_merging))
    BEGIN SELECT RAISE(ABORT, 'a signed decision is never changed; write a correction'); END
    """,
    "CREATE INDEX decisions_corrects ON decisions(corrects_id) WHERE corrects_id IS NOT NULL",
    """
    CREATE TRIGGER decisions_one_correction BEFORE INSERT ON decisions
    WHEN NEW.corrects_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM decisions WHERE corrects_id = NEW.corrects_id)
      AND NOT EXISTS (SELECT 1 FROM team_merging)
    BEGIN SELECT RAISE(ABORT, 'a decision version is corrected once on this laptop'); END
    """,
    """
    CREATE TRIGGER decision_appeals_fixed BEFORE UPDATE ON decision_appeals
    WHEN NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT OLD.decision_id
      OR NEW.lodged_on IS NOT OLD.lodged_on OR NEW.court IS NOT OLD.court
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
      OR (NEW.uid IS NOT OLD.uid AND OLD.uid IS NOT NULL)
      OR (OLD.outcome IS NOT NULL AND (NEW.outcome IS NOT OLD.outcome
          OR NEW.outcome_on IS NOT OLD.outcome_on OR NEW.note IS NOT OLD.note)
          AND NOT EXISTS (SELECT 1 FROM team_merging))
    BEGIN SELECT RAISE(ABORT, 'an appeal is recorded once, and its outcome once'); END
    """,
)


def _fill_uid_only(conn: Any, table: str, message: str) -> None:
    """A trigger that refuses every UPDATE of ``table`` except filling a missing uid."""
    columns = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})") if r[1] != "uid"]
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
    conn.execute(
        f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
        f"WHEN OLD.uid IS NOT NULL OR NEW.uid IS NULL OR {changed} "
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def upgrade(conn: Any) -> None:
    for statement in DROP:
        conn.execute(statement)
    for table in UID_TABLES:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN uid TEXT")
        conn.execute(f"UPDATE {table} SET uid = lower(hex(randomblob(16)))")  # noqa: S608
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table}(uid)")
        fill = f"UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id"  # noqa: S608
        conn.execute(
            f"CREATE TRIGGER {table}_uid_new AFTER INSERT ON {table} WHEN NEW.uid IS NULL "
            f"BEGIN {fill}; END"
        )
    _fill_uid_only(conn, "needs_assessments", "a needs assessment is never changed; make a new one")
    _fill_uid_only(
        conn, "grant_confirmations", "grant confirmations are append-only; add a new one"
    )
    for statement in TRIGGERS:
        conn.execute(statement)
