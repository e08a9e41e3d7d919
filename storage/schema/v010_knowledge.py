"""Schema step 10: knowledge of needs, methods and outcomes (docs/knowledge.md).

- ``needs_assessments`` and ``need_ratings`` — a behovsbedömning: every domain rated on
  the documented scale (0 inget behov … 4 akut behov) with a note, by whom and when, and
  when the next one is due. Documentation: never updated, deleted only by gallring.
- ``care_contacts`` — contacts with psychiatry and addiction care (region, unit, contact
  person, dates, the referral sent and answered).
- ``sips`` and ``sip_actions`` — samordnad individuell plan: the person's consent (before
  the meeting), who leads it, participants, agreed actions with who is responsible, the
  follow-up date.
- ``provisions`` — the provision register (lagrum), data a user edits; seeded with the
  references this version could check, each with its source (a number it could not check
  is left empty and the note says so).
- ``decisions`` and ``decision_appeals`` — beslut, signed like journal entries: never
  updated once recorded except that a missing notification date can be added once,
  corrected by a new version, deleted only by gallring; the provision's text is kept as it
  read when the decision was signed; a decision from another system or municipality keeps
  its signer and time and is marked imported. An appeal's outcome is recorded once.
- ``methods`` — the method register; an evidence level other than "ej bedömd" needs its
  source. Seeded with the entries whose level this version can cite.
- ``interventions`` gains ``method_id`` and ``decision_id`` (the decision's first version).
- ``follow_up_needs`` and ``follow_up_interventions`` — what a follow-up evaluates.
- ``case_endings`` — why a closed case ended (avslutsorsak).
- ``research_projects`` and ``research_extracts`` — a research project's purpose, ethics
  approval and its pseudonym key (random, never exported); every extract made.
- ``national_reports`` and ``national_releases`` — at a coordinator: the verified national
  reports received, and every merged release made from them. Append-only.

Case tables cascade on delete of their case, so gallring removes them.
"""

from __future__ import annotations

from typing import Any

VERSION = 10

DOMAINS = (
    "('housing','finances','occupation','education','substance_use','mental_health',"
    "'physical_health','family','criminality','safety')"
)
LEVELS = "('none','low','moderate','high','acute')"
OCCASIONS = "('intake','reassessment','follow_up','closing')"
CARE = "('psychiatry','addiction_care','other_health')"
OUTCOMES = "('granted','partly_granted','refused')"
APPEALS = "('rejected','changed','returned','dismissed','withdrawn')"
EVIDENCE = "('research_support','promising','insufficient','not_assessed')"
END_REASONS = (
    "('plan_completed','no_longer_needed','person_ended','returned_to_crime',"
    "'conditions_broken','moved','deceased','other')"
)
GALLRING_ONLY = "NOT EXISTS (SELECT 1 FROM gallring_pending WHERE case_id = OLD.case_id)"

TABLES = (
    f"""
    CREATE TABLE needs_assessments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        assessed_on TEXT NOT NULL,
        occasion TEXT NOT NULL CHECK (occasion IN {OCCASIONS}),
        assessed_by TEXT NOT NULL,
        next_review_on TEXT,
        note TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (next_review_on IS NULL OR next_review_on > assessed_on)
    ) STRICT
    """,
    "CREATE INDEX needs_assessments_case ON needs_assessments(case_id, assessed_on)",
    f"""
    CREATE TABLE need_ratings (
        assessment_id INTEGER NOT NULL REFERENCES needs_assessments(id) ON DELETE CASCADE,
        domain TEXT NOT NULL CHECK (domain IN {DOMAINS}),
        level TEXT NOT NULL CHECK (level IN {LEVELS}),
        note TEXT,
        PRIMARY KEY (assessment_id, domain)
    ) WITHOUT ROWID, STRICT
    """,
    f"""
    CREATE TABLE care_contacts (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN {CARE}),
        region TEXT NOT NULL,
        unit TEXT NOT NULL,
        contact_person TEXT,
        started_on TEXT NOT NULL,
        ended_on TEXT,
        referral_sent_on TEXT,
        referral_answered_on TEXT,
        referral_answer TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (ended_on IS NULL OR ended_on >= started_on),
        CHECK (referral_answered_on IS NULL OR referral_sent_on IS NOT NULL),
        CHECK (referral_answered_on IS NULL OR referral_answered_on >= referral_sent_on)
    ) STRICT
    """,
    "CREATE INDEX care_contacts_case ON care_contacts(case_id)",
    """
    CREATE TABLE sips (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        consent_on TEXT NOT NULL,
        lead TEXT NOT NULL CHECK (lead IN ('municipality','region')),
        lead_name TEXT,
        participants TEXT NOT NULL,
        follow_up_on TEXT,
        followed_up_on TEXT,
        ended_on TEXT,
        notes TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (consent_on <= held_on),
        CHECK (follow_up_on IS NULL OR follow_up_on >= held_on),
        CHECK (followed_up_on IS NULL OR followed_up_on >= held_on),
        CHECK (ended_on IS NULL OR ended_on >= held_on)
    ) STRICT
    """,
    "CREATE INDEX sips_case ON sips(case_id)",
    """
    CREATE TABLE sip_actions (
        id INTEGER PRIMARY KEY,
        sip_id INTEGER NOT NULL REFERENCES sips(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        responsible TEXT NOT NULL,
        due_on TEXT,
        done_on TEXT,
        created_at TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX sip_actions_sip ON sip_actions(sip_id)",
    """
    CREATE TABLE provisions (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        law TEXT NOT NULL,
        reference TEXT,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        source_date TEXT,
        note TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    ) STRICT
    """,
    f"""
    CREATE TABLE decisions (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        original_id INTEGER REFERENCES decisions(id),
        corrects_id INTEGER REFERENCES decisions(id),
        version INTEGER NOT NULL DEFAULT 1,
        provision_id INTEGER NOT NULL REFERENCES provisions(id),
        provision_text TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN {OUTCOMES}),
        subject TEXT NOT NULL,
        intervention_type TEXT,
        reasons TEXT,
        decided_by TEXT NOT NULL,
        delegation TEXT NOT NULL,
        decided_on TEXT NOT NULL,
        notified_on TEXT,
        appeal_info INTEGER NOT NULL CHECK (appeal_info IN (0, 1)),
        signed_by TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        correction_reason TEXT,
        imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
        CHECK ((corrects_id IS NULL) = (original_id IS NULL)),
        CHECK ((corrects_id IS NULL) = (correction_reason IS NULL)),
        CHECK ((corrects_id IS NULL) = (version = 1)),
        CHECK (outcome = 'granted' OR reasons IS NOT NULL),
        CHECK (notified_on IS NULL OR notified_on >= decided_on)
    ) STRICT
    """,
    "CREATE INDEX decisions_case ON decisions(case_id, decided_on)",
    "CREATE UNIQUE INDEX decisions_one_correction ON decisions(corrects_id) "
    "WHERE corrects_id IS NOT NULL",
    f"""
    CREATE TABLE decision_appeals (
        id INTEGER PRIMARY KEY,
        decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
        lodged_on TEXT NOT NULL,
        court TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN {APPEALS}),
        outcome_on TEXT,
        note TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((outcome IS NULL) = (outcome_on IS NULL)),
        CHECK (outcome_on IS NULL OR outcome_on >= lodged_on)
    ) STRICT
    """,
    "CREATE INDEX decision_appeals_decision ON decision_appeals(decision_id)",
    f"""
    CREATE TABLE methods (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        description TEXT,
        target_group TEXT,
        evidence_level TEXT NOT NULL CHECK (evidence_level IN {EVIDENCE}),
        evidence_source TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('shipped','local','imported')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (evidence_level = 'not_assessed' OR evidence_source IS NOT NULL)
    ) STRICT
    """,
    "ALTER TABLE interventions ADD COLUMN method_id INTEGER REFERENCES methods(id)",
    "ALTER TABLE interventions ADD COLUMN decision_id INTEGER REFERENCES decisions(id)",
    f"""
    CREATE TABLE follow_up_needs (
        follow_up_id INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
        domain TEXT NOT NULL CHECK (domain IN {DOMAINS}),
        PRIMARY KEY (follow_up_id, domain)
    ) WITHOUT ROWID, STRICT
    """,
    """
    CREATE TABLE follow_up_interventions (
        follow_up_id INTEGER NOT NULL REFERENCES follow_ups(id) ON DELETE CASCADE,
        intervention_id INTEGER NOT NULL REFERENCES interventions(id) ON DELETE CASCADE,
        PRIMARY KEY (follow_up_id, intervention_id)
    ) WITHOUT ROWID, STRICT
    """,
    "CREATE INDEX follow_up_interventions_by ON follow_up_interventions(intervention_id)",
    f"""
    CREATE TABLE case_endings (
        case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        reason TEXT NOT NULL CHECK (reason IN {END_REASONS}),
        note TEXT,
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE research_projects (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        purpose TEXT NOT NULL,
        ethics_ref TEXT NOT NULL,
        pseudonym_key BLOB NOT NULL CHECK (length(pseudonym_key) = 32),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE research_extracts (
        id INTEGER PRIMARY KEY,
        project_id INTEGER NOT NULL REFERENCES research_projects(id),
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        rows INTEGER NOT NULL,
        k INTEGER NOT NULL,
        generalisation TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        made_by TEXT NOT NULL,
        made_at TEXT NOT NULL
    ) STRICT
    """,
    """
    CREATE TABLE national_reports (
        id INTEGER PRIMARY KEY,
        report_id TEXT NOT NULL UNIQUE,
        bundle_id TEXT NOT NULL UNIQUE,
        contact_id INTEGER NOT NULL REFERENCES sync_contacts(id),
        sender_municipality TEXT NOT NULL,
        sender_unit TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        created TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        body TEXT NOT NULL,
        received_by TEXT NOT NULL,
        received_at TEXT NOT NULL
    ) STRICT
    """,
    "CREATE INDEX national_reports_period ON national_reports(period_start, period_end)",
    """
    CREATE TABLE national_releases (
        id INTEGER PRIMARY KEY,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        reports TEXT NOT NULL,
        threshold INTEGER NOT NULL CHECK (threshold >= 2),
        cells TEXT NOT NULL,
        format TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        released_by TEXT NOT NULL,
        released_at TEXT NOT NULL
    ) STRICT
    """,
)

TRIGGERS = (
    """
    CREATE TRIGGER needs_assessments_no_update BEFORE UPDATE ON needs_assessments
    BEGIN SELECT RAISE(ABORT, 'a needs assessment is never changed; make a new one'); END
    """,
    f"""
    CREATE TRIGGER needs_assessments_no_delete BEFORE DELETE ON needs_assessments
    WHEN {GALLRING_ONLY}
    BEGIN SELECT RAISE(ABORT, 'needs assessments can only be deleted by gallring'); END
    """,
    """
    CREATE TRIGGER need_ratings_no_update BEFORE UPDATE ON need_ratings
    BEGIN SELECT RAISE(ABORT, 'a needs assessment is never changed; make a new one'); END
    """,
    """
    CREATE TRIGGER need_ratings_no_delete BEFORE DELETE ON need_ratings
    WHEN EXISTS (SELECT 1 FROM needs_assessments WHERE id = OLD.assessment_id)
    BEGIN SELECT RAISE(ABORT, 'needs assessments can only be deleted by gallring'); END
    """,
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
      OR NEW.imported IS NOT OLD.imported OR OLD.notified_on IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'a signed decision is never changed; write a correction'); END
    """,
    f"""
    CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions WHEN {GALLRING_ONLY}
    BEGIN SELECT RAISE(ABORT, 'decisions can only be deleted by gallring'); END
    """,
    """
    CREATE TRIGGER decisions_correct_latest BEFORE INSERT ON decisions
    WHEN NEW.corrects_id IS NOT NULL AND (
      (SELECT case_id FROM decisions WHERE id = NEW.corrects_id) IS NOT NEW.case_id
      OR NEW.original_id IS NOT
         (SELECT coalesce(original_id, id) FROM decisions WHERE id = NEW.corrects_id)
      OR NEW.version IS NOT (SELECT version + 1 FROM decisions WHERE id = NEW.corrects_id))
    BEGIN
      SELECT RAISE(ABORT, 'a correction must follow the version it corrects in the same case');
    END
    """,
    """
    CREATE TRIGGER decision_appeals_fixed BEFORE UPDATE ON decision_appeals
    WHEN NEW.id IS NOT OLD.id OR NEW.decision_id IS NOT OLD.decision_id
      OR NEW.lodged_on IS NOT OLD.lodged_on OR NEW.court IS NOT OLD.court
      OR NEW.created_by IS NOT OLD.created_by OR NEW.created_at IS NOT OLD.created_at
      OR OLD.outcome IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'an appeal is recorded once, and its outcome once'); END
    """,
    """
    CREATE TRIGGER decision_appeals_no_delete BEFORE DELETE ON decision_appeals
    WHEN EXISTS (SELECT 1 FROM decisions WHERE id = OLD.decision_id)
    BEGIN SELECT RAISE(ABORT, 'decisions can only be deleted by gallring'); END
    """,
    """
    CREATE TRIGGER research_projects_key_fixed BEFORE UPDATE ON research_projects
    BEGIN SELECT RAISE(ABORT, 'a research project is never changed'); END
    """,
    *(
        f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{what} is append-only'); END"
        for table, what in (
            ("research_extracts", "the list of research extracts"),
            ("national_reports", "the list of received national reports"),
            ("national_releases", "the list of national releases"),
        )
        for event in ("UPDATE", "DELETE")
    ),
)

NOT_CHECKED = (
    "Kapitel och paragraf i den nya lagen kunde inte kontrolleras när registret skapades. "
    "Kontrollera mot lagtexten (riksdagen.se) och skriv in dem här."
)
#: (code, law, reference, title, source, source date, note)
PROVISIONS = (
    (
        "sol-2025-bistand",
        "Socialtjänstlag (2025:400)",
        None,
        "Bistånd till den enskilde (motsvarar 4 kap. 1 § socialtjänstlagen (2001:453))",
        "Socialtjänstlag (2025:400), i kraft 1 juli 2025 (prop. 2024/25:89)",
        "2025-07-01",
        NOT_CHECKED,
    ),
    (
        "sol-2025-sip",
        "Socialtjänstlag (2025:400)",
        None,
        "Samordnad individuell plan, kommunens del (motsvarar 2 kap. 7 § socialtjänstlagen "
        "(2001:453))",
        "Socialtjänstlag (2025:400), i kraft 1 juli 2025 (prop. 2024/25:89)",
        "2025-07-01",
        NOT_CHECKED,
    ),
    (
        "hsl-16-4",
        "Hälso- och sjukvårdslag (2017:30)",
        "16 kap. 4 §",
        "Samordnad individuell plan, regionens del",
        "SKR, ”Vad ska en individuell plan innehålla?” (publicerad 31 oktober 2022), som "
        "hänvisar till 16 kap. 4 § hälso- och sjukvårdslagen (2017:30)",
        "2022-10-31",
        None,
    ),
    (
        "sol-2001-4-1",
        "Socialtjänstlag (2001:453)",
        "4 kap. 1 §",
        "Rätt till bistånd (beslut fattade före 1 juli 2025)",
        "SFS 2021:159, lydelse från 1 april 2021",
        "2021-04-01",
        "Lagen ersattes den 1 juli 2025 av socialtjänstlag (2025:400); använd för äldre beslut.",
    ),
    (
        "sol-2001-2-7",
        "Socialtjänstlag (2001:453)",
        "2 kap. 7 §",
        "Samordnad individuell plan (planer före 1 juli 2025)",
        "SFS 2009:981, i kraft 1 januari 2010",
        "2010-01-01",
        "Lagen ersattes den 1 juli 2025 av socialtjänstlag (2025:400); använd för äldre planer.",
    ),
)

IPS_SOURCE = (
    "Socialstyrelsen, Nationella riktlinjer för vård och stöd vid schizofreni och "
    "schizofreniliknande tillstånd: individanpassat stöd till arbete (IPS-modellen), "
    "prioritet 1 – ”markant bättre effekt på återgång i arbete än arbetsförberedande "
    "träning”. https://roi.socialstyrelsen.se/riktlinjer/nationella-riktlinjer-for-vard-och-"
    "stod-vid-schizofreni-och-schizofreniliknande-tillstand/4/"
)
#: (code, name, description, target group, evidence level, source)
METHODS = (
    (
        "ips",
        "Individanpassat stöd till arbete (IPS)",
        "Stöd att få och behålla ett arbete på den öppna arbetsmarknaden, utan arbetsträning "
        "först, utifrån personens egen vilja att arbeta.",
        "Så har metoden utvärderats: personer med schizofreni eller schizofreniliknande "
        "tillstånd och ingen eller svag anknytning till arbetsmarknaden. För avhoppare är den "
        "inte utvärderad.",
        "research_support",
        IPS_SOURCE,
    ),
    (
        "mi",
        "Motiverande samtal (MI)",
        "Samtalsmetod som stärker personens egen motivation till förändring.",
        None,
        "not_assessed",
        None,
    ),
    (
        "relapse-prevention",
        "Återfallsprevention",
        "Strukturerat stöd att känna igen och hantera situationer som leder till återfall.",
        None,
        "not_assessed",
        None,
    ),
    (
        "mentor",
        "Mentor eller stödperson med egen erfarenhet",
        "Regelbunden kontakt med en person som själv har lämnat en kriminell miljö.",
        None,
        "not_assessed",
        None,
    ),
    (
        "defector-process",
        "Myndighetsgemensam process för stöd till avhoppare",
        "Processkarta och stödtexter från Socialstyrelsen, Polismyndigheten, Kriminalvården och "
        "Statens institutionsstyrelse för socialtjänstens utredning av en avhoppares behov av "
        "stöd och skydd (slutrapport till regeringen 29 januari 2024).",
        "Avhoppare, barn och vuxna",
        "not_assessed",
        None,
    ),
)


def _seed(conn: Any) -> None:
    now = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')").fetchone()[0]
    conn.executemany(
        "INSERT INTO provisions (code, law, reference, title, source, source_date, note, "
        "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Utväg', ?, ?)",
        [(*row, now, now) for row in PROVISIONS],
    )
    conn.executemany(
        "INSERT INTO methods (code, name, name_key, description, target_group, evidence_level, "
        "evidence_source, origin, created_by, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 'shipped', 'Utväg', ?, ?)",
        [
            (code, name, " ".join(name.split()).casefold(), text, group, level, source, now, now)
            for code, name, text, group, level, source in METHODS
        ],
    )


def upgrade(conn: Any) -> None:
    for statement in (*TABLES, *TRIGGERS):
        conn.execute(statement)
    _seed(conn)
