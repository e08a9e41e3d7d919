"""Full-text search over case numbers, names, journal text, document titles and the text
inside documents (PDF and plain text, read from memory when the document is added).

Public API:

- ``search(store, text, limit=50) -> list[SearchHit]`` — ranked, best hit per case, masked:
  a hit carries the case's :class:`~storage.records.CaseSummary` and which kinds of source
  matched (``case_number``, ``name``, ``journal``, ``document`` for a title,
  ``document_text`` for the text inside a document), never the text itself.
- ``search_case_ids(store, text, limit=50) -> list[int]`` — the same ranking, ids only.
- ``fts_query(text) -> str | None`` — how user input becomes an FTS5 query.

The index is the FTS5 table ``search_index`` inside the encrypted database, tokenizer
``unicode61 remove_diacritics 2``: "ostergotland" finds "Östergötland". Every word the user
types becomes a quoted prefix term (``"jons"*`` finds "Jönsson"), so no input is ever read as
FTS syntax: ``"``, ``AND (``, ``NEAR`` or ``*`` are just words or nothing. Words are ANDed
within one indexed text; when no single text holds all the words, a case matches if its texts
together hold them all. Triggers keep the index in step with every insert, correction and
gallring (schema step 2). Fictitious identities are never indexed.

Ranking: bm25 over every matching text. bm25 must look at each match, so when a search
matches more than :data:`RANK_WINDOW` texts (a very common word), the newest
matches are taken instead (at least :data:`RANK_WINDOW`, more until they cover the cases
asked for, at most :data:`MAX_SCAN`): case numbers, names and document titles first, then
journal text, then the text inside documents, newest first; ``SearchHit.score`` is then
``0.0``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sqlcipher3.dbapi2 as sqlcipher

from storage.casefile.repo import StoreLike
from storage.casefile.summaries import case_summaries
from storage.records.case import CaseSummary

MAX_TERMS = 8
RANK_WINDOW = 300
MAX_SCAN = 3000
ACROSS_SCAN = 1000  # per word, when the words are looked for across a case's texts
KINDS = {1: "case_number", 2: "name", 3: "journal", 4: "document", 5: "document_text"}
#: Order of kinds when a common word is ordered without bm25.
KIND_ORDER = {1: 0, 2: 1, 4: 2, 3: 3, 5: 4}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

Found = dict[int, tuple[float, list[str]]]  # case id -> (score, kinds matched)


@dataclass(frozen=True)
class SearchHit:
    case_id: int
    summary: CaseSummary
    score: float  # bm25 of the best hit, lower is better; 0.0 when ordered by recency
    matched: tuple[str, ...]  # kinds of source that matched, best first


def _terms(text: str) -> list[str]:
    normal = unicodedata.normalize("NFKC", text or "")
    words = _WORD.findall(normal)
    return [f'"{w}"*' for w in words[:MAX_TERMS]]


def fts_query(text: str) -> str | None:
    """The FTS5 query for user input (prefix terms, ANDed), or ``None`` for no words."""
    terms = _terms(text)
    return " ".join(terms) if terms else None


def _fts_error(exc: Exception) -> bool:
    """An FTS5 complaint about a word the tokenizer splits differently from ``_WORD``
    (a phrase in disguise): such a word simply matches nothing."""
    return isinstance(exc, sqlcipher.OperationalError) and "fts5" in str(exc).lower()


def _newest(
    store: StoreLike, query: str, want_cases: int, max_scan: int = 0
) -> list[tuple[int, int]]:
    """The newest matches — index rowids grow towards older texts (schema step 2), so this
    is an ascending scan: at least :data:`RANK_WINDOW` rows, more (up to :data:`MAX_SCAN`)
    until they cover ``want_cases`` cases."""
    cursor = store.conn.execute(
        "SELECT case_id, rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid",
        (query,),
    )
    try:
        rows = [(int(c), int(r)) for c, r in cursor.fetchmany(RANK_WINDOW)]
        cases = {c for c, _ in rows}
        cap = max_scan or MAX_SCAN
        while len(rows) >= RANK_WINDOW and len(cases) < want_cases and len(rows) < cap:
            more = [(int(c), int(r)) for c, r in cursor.fetchmany(RANK_WINDOW)]
            if not more:
                break
            rows += more
            cases.update(c for c, _ in more)
        return rows
    finally:
        cursor.close()


def _matches(
    store: StoreLike, query: str, want_cases: int, max_scan: int = 0
) -> list[tuple[int, int, float]]:
    """``(case_id, rowid, score)`` of the matching texts, best first."""
    try:
        newest = _newest(store, query, want_cases, max_scan)
        if len(newest) < RANK_WINDOW:
            ranked = store.conn.execute(
                "SELECT case_id, rowid, rank FROM search_index WHERE search_index MATCH ? "
                "ORDER BY rank",
                (query,),
            ).fetchall()
            return [(int(c), int(r), float(s)) for c, r, s in ranked]
    except Exception as exc:
        if _fts_error(exc):
            return []
        raise
    newest.sort(key=lambda row: (KIND_ORDER.get(row[1] & 7, 9), row[1]))
    return [(c, r, 0.0) for c, r in newest]


def _collect(matches: list[tuple[int, int, float]], limit: int) -> Found:
    found: Found = {}
    for case_id, rowid, score in matches:
        kind = KINDS.get(rowid & 7, "other")
        entry = found.get(case_id)
        if entry is None:
            if len(found) < limit:
                found[case_id] = (score, [kind])
        elif kind not in entry[1]:
            entry[1].append(kind)
    return found


def _across_texts(store: StoreLike, terms: list[str], limit: int) -> Found:
    """Cases whose texts together hold every term (each term may match a different text)."""
    per_term = [_collect(_matches(store, term, ACROSS_SCAN, ACROSS_SCAN), 10**9) for term in terms]
    common = set(per_term[0]).intersection(*per_term[1:])
    scored = []
    for case_id in common:
        score = sum(hits[case_id][0] for hits in per_term)
        kinds: list[str] = []
        for hits in per_term:
            kinds += [k for k in hits[case_id][1] if k not in kinds]
        scored.append((score, case_id, kinds))
    scored.sort()
    return {case_id: (score, kinds) for score, case_id, kinds in scored[:limit]}


def _search(store: StoreLike, text: str, limit: int) -> Found:
    terms = _terms(text)
    if not terms or limit <= 0:
        return {}
    found = _collect(_matches(store, " ".join(terms), limit), limit)
    if not found and len(terms) > 1:
        found = _across_texts(store, terms, limit)
    return found


def search_case_ids(store: StoreLike, text: str, limit: int = 50) -> list[int]:
    return list(_search(store, text, limit))


def search(store: StoreLike, text: str, limit: int = 50) -> list[SearchHit]:
    """Ranked, masked hits for what the user typed."""

    found = _search(store, text, limit)
    summaries = {s.case_id: s for s in case_summaries(store, list(found))}
    return [
        SearchHit(case_id, summaries[case_id], score, tuple(kinds))
        for case_id, (score, kinds) in found.items()
        if case_id in summaries
    ]
