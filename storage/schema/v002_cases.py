"""Schema step 2: the case files (ärenden) — records, journal, documents, search, gallring.

Rules enforced here, in SQL, so that no code path can get around them:
- journal entries are append-only: text, author, time and links can never be updated; the
  only update allowed is marking an entry erroneous (felmarkerad) once, with who/when/why;
- journal entries, documents and cases can only be deleted by a gallring run, which first
  lists the case in ``gallring_pending`` inside the same transaction;
- a correction (rättelse) links to the version it replaces; a version is corrected once;
- a case has an outcome exactly when it is closed (avslutad), a closed date exactly when it
  is closed or handed over (överlämnad);
- the full-text index ``search_index`` (FTS5, ``unicode61 remove_diacritics 2``, secure
  delete) is kept in step with case numbers, names, journal text and document titles by
  triggers. Its rowid is ``(2**40 - source_id) * 8 + kind`` (kind 1 case number, 2 name,
  3 journal, 4 document title): a change touches exactly one index row, and the newest
  texts come first in rowid order (an ascending scan, which FTS5 streams cheaply).
"""

from __future__ import annotations

from typing import Any

from storage.schema._v002_tables import TABLES

VERSION = 2

SEARCH = """
CREATE VIRTUAL TABLE search_index USING fts5(
    body, case_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4'
);
INSERT INTO search_index(search_index, rank) VALUES ('secure-delete', 1);
"""

TRIGGERS = """
CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal_entries
WHEN NEW.id IS NOT OLD.id OR NEW.case_id IS NOT OLD.case_id
  OR NEW.original_id IS NOT OLD.original_id OR NEW.corrects_id IS NOT OLD.corrects_id
  OR NEW.version IS NOT OLD.version OR NEW.author IS NOT OLD.author
  OR NEW.written_at IS NOT OLD.written_at OR NEW.text IS NOT OLD.text
  OR NEW.correction_reason IS NOT OLD.correction_reason OR NEW.imported IS NOT OLD.imported
  OR OLD.erroneous_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'journal entries are append-only; write a correction (rättelse)');
END;
CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal_entries
WHEN NOT EXISTS (SELECT 1 FROM gallring_pending WHERE case_id = OLD.case_id)
BEGIN SELECT RAISE(ABORT, 'journal entries can only be deleted by gallring'); END;
CREATE TRIGGER journal_correct_latest BEFORE INSERT ON journal_entries
WHEN NEW.corrects_id IS NOT NULL AND (
  (SELECT case_id FROM journal_entries WHERE id = NEW.corrects_id) IS NOT NEW.case_id
  OR NEW.original_id IS NOT
     (SELECT coalesce(original_id, id) FROM journal_entries WHERE id = NEW.corrects_id)
  OR NEW.version IS NOT (SELECT version + 1 FROM journal_entries WHERE id = NEW.corrects_id))
BEGIN
  SELECT RAISE(ABORT, 'a correction must follow the version it corrects in the same case');
END;
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
WHEN NOT EXISTS (SELECT 1 FROM gallring_pending WHERE case_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'cases can only be deleted by gallring'); END;
CREATE TRIGGER cases_number_fixed BEFORE UPDATE OF case_number ON cases
WHEN NEW.case_number IS NOT OLD.case_number
BEGIN SELECT RAISE(ABORT, 'a case number never changes'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
WHEN NOT EXISTS (SELECT 1 FROM gallring_pending WHERE case_id = OLD.case_id)
BEGIN SELECT RAISE(ABORT, 'documents can only be deleted by gallring'); END;
CREATE TRIGGER document_contents_no_update BEFORE UPDATE ON document_contents
BEGIN SELECT RAISE(ABORT, 'a stored document never changes; add a new one'); END;

CREATE TRIGGER search_case_ins AFTER INSERT ON cases BEGIN
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 1, NEW.case_number, NEW.id);
END;
CREATE TRIGGER search_case_del AFTER DELETE ON cases BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 1;
END;
CREATE TRIGGER search_person_ins AFTER INSERT ON persons BEGIN
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 2, NEW.name, NEW.case_id);
END;
CREATE TRIGGER search_person_upd AFTER UPDATE OF name, case_id ON persons BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 2;
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 2, NEW.name, NEW.case_id);
END;
CREATE TRIGGER search_person_del AFTER DELETE ON persons BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 2;
END;
CREATE TRIGGER search_journal_ins AFTER INSERT ON journal_entries BEGIN
  DELETE FROM search_index WHERE NEW.corrects_id IS NOT NULL
    AND rowid = (1099511627776 - NEW.corrects_id) * 8 + 3;
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 3, NEW.text, NEW.case_id);
END;
CREATE TRIGGER search_journal_del AFTER DELETE ON journal_entries BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 3;
END;
CREATE TRIGGER search_document_ins AFTER INSERT ON documents BEGIN
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 4, NEW.title, NEW.case_id);
END;
CREATE TRIGGER search_document_upd AFTER UPDATE OF title ON documents BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 4;
  INSERT INTO search_index(rowid, body, case_id)
    VALUES ((1099511627776 - NEW.id) * 8 + 4, NEW.title, NEW.case_id);
END;
CREATE TRIGGER search_document_del AFTER DELETE ON documents BEGIN
  DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 4;
END;
"""


def _statements(script: str) -> list[str]:
    """Split a script on ``;`` at the end of a line outside trigger bodies."""
    out: list[str] = []
    buf: list[str] = []
    depth = 0
    for line in script.splitlines():
        if not line.strip():
            continue
        buf.append(line)
        words = line.replace(";", " ; ").split()
        depth += words.count("BEGIN") - words.count("END")
        if depth == 0 and line.rstrip().endswith(";"):
            out.append("\n".join(buf))
            buf = []
    if buf:
        out.append("\n".join(buf))
    return out


def upgrade(conn: Any) -> None:
    """Create the case-file tables, the search index and the rule triggers.

    Runs inside the transaction the migration runner opened (``executescript`` would
    commit it, so statements are executed one by one).
    """
    for script in (TABLES, SEARCH, TRIGGERS):
        for statement in _statements(script):
            conn.execute(statement)
