"""The text inside documents: read from memory, indexed in the encrypted search, masked hits,
gone with gallring; reading a document is audited by purpose; older stores are indexed when
schema step 8 runs."""

from __future__ import annotations

import secrets
import shutil
from pathlib import Path

import pytest

from storage.casefile import documents, search
from storage.casefile.document_text import (
    MAX_INDEX_CHARS,
    DocumentUnreadableError,
    PdfPages,
    decode_text,
    extract_text,
)
from storage.casework import gallring
from storage.errors import UtvagError
from storage.vault.opening import unlock_store
from storage.vault.store import Store
from tests.case_fixtures import (
    audit_actions,
    closed_case,
    days,
    new_case,
    snapshot,
    store,
    store_template,
)
from tests.pdf_fixtures import make_pdf
from tests.test_store_support import ROOT, keys, open_raw

__all__ = ["store", "store_template"]


def marker() -> str:
    """A word no other text holds (32 random hex digits after a letter)."""
    return "Q" + secrets.token_hex(16)


def test_pdf_text_is_found_and_hits_stay_masked(store: Store) -> None:
    word = marker()
    case_id = new_case(store, name="Jonas Jönsson")
    pdf = make_pdf([["Promemoria", f"Samtal om {word} i Östergötland"], ["Sida två: flytt"]])
    doc = documents.add_document(store, case_id, title="PM", filename="pm.pdf", content=pdf)
    assert documents.document_text_status(store, doc) == "indexed"
    hits = search.search(store, word)
    assert [h.case_id for h in hits] == [case_id]
    assert hits[0].matched == ("document_text",)
    assert hits[0].summary.label.startswith(hits[0].summary.case_number)
    assert "Jönsson" not in repr(hits[0]) and word not in repr(hits[0])
    assert search.search_case_ids(store, "ostergotland") == [case_id]  # diacritics folded
    assert search.search_case_ids(store, "flytt sida") == [case_id]  # the second page too


def test_windows_1252_text_is_accepted_shown_and_indexed(store: Store) -> None:
    case_id = new_case(store)
    old = "Åsa flyttade till Göteborg.\r\nÖverenskommelse följer.".encode("cp1252")
    assert documents.sniff_media_type(old) == documents.TEXT
    doc = documents.add_document(store, case_id, title="Gammal", filename="g.txt", content=old)
    assert decode_text(documents.document_content(store, doc)).startswith("Åsa flyttade")
    assert search.search_case_ids(store, "goteborg") == [case_id]
    assert decode_text("ren UTF-8: å".encode()) == "ren UTF-8: å"


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "no_text"),
        (b"%PDF-1.4\n not really a pdf \n%%EOF\n", "unreadable"),
        (make_pdf([[]]), "no_text"),
    ],
)
def test_documents_without_text_are_stored_and_say_so(
    store: Store, content: bytes, status: str
) -> None:
    case_id = new_case(store)
    doc = documents.add_document(store, case_id, title="Bild", filename="b", content=content)
    assert documents.document_text_status(store, doc) == status
    rows = store.conn.execute(
        "SELECT count(*) FROM search_index WHERE rowid = ?", (((1 << 40) - doc) * 8 + 5,)
    )
    assert rows.fetchone()[0] == 0
    assert documents.document_content(store, doc) == content


def test_a_long_text_is_cut_at_the_index_limit() -> None:
    found = extract_text(("ord " * (MAX_INDEX_CHARS // 2)).encode(), "text/plain")
    assert found.truncated and len(found.text) == MAX_INDEX_CHARS


def test_pdf_pages_render_from_memory_and_refuse_junk() -> None:
    pages = PdfPages(make_pdf([["ett"], ["två"], ["tre"]]))
    try:
        assert pages.count == 3 and pages.size(1) == (595.0, 842.0)
        page = pages.render(0, 1.0)
        assert (page.width, page.height) == (595, 842)
        assert page.stride >= 4 * page.width and len(page.pixels) == page.stride * page.height
        assert set(page.pixels[:64]) == {255}  # the white margin, four bytes a pixel
        assert any(b != 255 for b in page.pixels)  # and the text drew something
    finally:
        pages.close()
    with pytest.raises(DocumentUnreadableError):
        PdfPages(b"%PDF-1.4 broken")


def test_reading_is_audited_by_purpose_and_an_unknown_purpose_changes_nothing(
    store: Store,
) -> None:
    case_id = new_case(store)
    doc = documents.add_document(store, case_id, title="T", filename="t.txt", content=b"text")
    for purpose in ("open", "print", "export"):
        documents.document_content(store, doc, purpose)
        assert audit_actions(store)[-1] == f"document.{purpose}"
    before = snapshot(store)
    with pytest.raises(UtvagError) as exc:
        documents.document_content(store, doc, "peek")
    assert exc.value.code == "document_purpose" and snapshot(store) == before


def test_gallring_removes_the_text_of_documents(store: Store) -> None:
    word = marker()
    case_id = closed_case(store, days(-6 * 366))
    documents.add_document(
        store,
        case_id,
        title="Gammal PM",
        filename="pm.pdf",
        content=make_pdf([[f"Uppgift {word}"]]),
        added_at=f"{days(-6 * 366).isoformat()}T10:00:00Z",
    )
    assert search.search_case_ids(store, word) == [case_id]
    gallring.run_gallring(store)
    assert search.search_case_ids(store, word) == []
    assert store.conn.execute("SELECT count(*) FROM document_texts").fetchone()[0] == 0
    left = store.conn.execute("SELECT count(*) FROM search_index WHERE case_id = ?", (case_id,))
    assert left.fetchone()[0] == 0


def test_schema_step_10_indexes_documents_stored_before_it(tmp_path: Path) -> None:
    word = marker()
    fixture = ROOT / "tests" / "fixtures" / "store-v005"
    path = tmp_path / "store"
    shutil.copytree(fixture, path)
    passphrase = "fixture passphrase v005"
    conn = open_raw(path, keys(path, passphrase)[1])
    try:  # a document added the way schema 5 stored it: no text in the index
        case_id = conn.execute("SELECT id FROM cases ORDER BY id LIMIT 1").fetchone()[0]
        pdf = make_pdf([[f"Anteckning {word}"]])
        conn.execute(
            "INSERT INTO documents (case_id, title, filename, media_type, size, sha256, "
            "added_by, added_at) VALUES (?, 'PM', 'pm.pdf', 'application/pdf', ?, 'x', 'a', "
            "'2025-01-01T10:00:00Z')",
            (case_id, len(pdf)),
        )
        doc = conn.execute("SELECT max(id) FROM documents").fetchone()[0]
        conn.execute(
            "INSERT INTO document_contents (document_id, content) VALUES (?, ?)", (doc, pdf)
        )
    finally:
        conn.close()
    with unlock_store(path, passphrase, actor="upgrader") as upgraded:
        assert search.search_case_ids(upgraded, word) == [case_id]
        assert documents.document_text_status(upgraded, doc) == "indexed"
        grounds = upgraded.conn.execute(
            "SELECT label FROM disclosure_grounds WHERE active = 1 ORDER BY sort_order"
        ).fetchall()
        assert [g[0] for g in grounds] == ["OSL 26 kap. 1 §", "OSL 26 kap. 5 §", "OSL 21 kap. 3 §"]
