"""Schema step 8: the text of documents in the search index, and the grounds for withholding.

- ``document_texts`` — one row per document whose text was read for the search index
  (``storage.casefile.documents.index_text``): ``indexed``, ``no_text`` (an image, DOCX, ODT,
  or a PDF of scanned pages) or ``unreadable`` (damaged or password-protected), with the
  number of pages and characters and whether the text was cut at the index limit. The text
  itself lives only in ``search_index`` (kind 5, rowid ``(2**40 - document_id) * 8 + 5``).
  The index row goes when gallring deletes the document (trigger); the status row cascades.
  Documents stored before this step are read now, from the database, inside this step's
  transaction.
- ``disclosure_grounds`` — the provisions a caseworker cites when an extract masks or
  withholds something (sekretessprövning). Data the user can edit, never code: this step
  seeds the provisions as they read in December 2026, each with a note saying how it was
  checked; ``storage.extract.grounds`` adds, edits and retires them (audited).
"""

from __future__ import annotations

from typing import Any

from storage.casefile.documents import index_missing_texts

VERSION = 8

STATEMENTS = (
    """
    CREATE TABLE document_texts (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        status TEXT NOT NULL CHECK (status IN ('indexed', 'no_text', 'unreadable')),
        pages INTEGER,
        chars INTEGER NOT NULL DEFAULT 0,
        truncated INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
        indexed_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TRIGGER search_document_text_del AFTER DELETE ON documents BEGIN
      DELETE FROM search_index WHERE rowid = (1099511627776 - OLD.id) * 8 + 5;
    END
    """,
    """
    CREATE TABLE disclosure_grounds (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE,
        provision TEXT NOT NULL,
        description TEXT NOT NULL,
        note TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 100,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT,
        updated_at TEXT
    ) STRICT
    """,
)

#: (label, provision, description, note, active, sort order). Swedish: the text goes into
#: extracts as it stands. Checked against public material in December 2026.
SEED_GROUNDS = (
    (
        "OSL 26 kap. 1 §",
        "Offentlighets- och sekretesslagen (2009:400) 26 kap. 1 §",
        "Sekretess inom socialtjänsten för uppgift om en enskilds personliga förhållanden, "
        "om det inte står klart att uppgiften kan röjas utan att den enskilde eller någon "
        "närstående till denne lider men.",
        "Lydelsen kontrollerad mot SFS 2010:208 (gällande lydelse av 26 kap. 1 §).",
        1,
        10,
    ),
    (
        "OSL 26 kap. 5 §",
        "Offentlighets- och sekretesslagen (2009:400) 26 kap. 5 §",
        "Sekretess för uppgift om vem som har gjort en anmälan eller lämnat en uppgift, om "
        "det kan antas att den som lämnat uppgiften eller någon närstående till denne utsätts "
        "för våld eller annat allvarligt men om uppgiften röjs.",
        "Innehållet kontrollerat mot offentliga juridiska svar om anmälarskydd; "
        "paragrafens exakta lydelse har inte kontrollerats mot SFS. Gäller enskilda "
        "anmälare, inte tjänstemän i tjänsten.",
        1,
        20,
    ),
    (
        "OSL 21 kap. 3 §",
        "Offentlighets- och sekretesslagen (2009:400) 21 kap. 3 §",
        "Sekretess för uppgift om en enskilds bostadsort, hemadress och andra uppgifter som "
        "kan lokalisera den enskilde, om det av särskild anledning kan antas att den enskilde "
        "eller någon närstående till denne kan komma att utsättas för våld eller lida annat "
        "allvarligt men om uppgiften röjs (förföljda personer).",
        "Paragrafnumret och lydelsen kunde inte kontrolleras mot en källa i denna version; "
        "kontrollera mot SFS innan ni förlitar er på den.",
        1,
        30,
    ),
    (
        "SoL (2025:400)",
        "Socialtjänstlagen (2025:400)",
        "Socialtjänstlagen (2025:400) ersatte socialtjänstlagen (2001:453) den 1 juli 2025. "
        "Den är ingen egen grund för att hålla inne uppgifter; ange sekretessbestämmelsen i "
        "OSL som gäller.",
        "Lagens nummer och ikraftträdande kontrollerade (prop. 2024/25:89). Avstängd från "
        "början eftersom den inte är en sekretessgrund; paragrafer om dokumentation och "
        "partsinsyn i den nya lagen har inte kontrollerats.",
        0,
        90,
    ),
)


def upgrade(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
    now = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    for label, provision, description, note, active, order in SEED_GROUNDS:
        conn.execute(
            "INSERT INTO disclosure_grounds (label, provision, description, note, active, "
            "sort_order, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, 'Utväg', ?)",
            (label, provision, description, note, active, order, now),
        )
    index_missing_texts(conn)
