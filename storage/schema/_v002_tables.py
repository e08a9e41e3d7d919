"""Schema step 2, part 1: the tables of the case files (see ``v002_cases``).

Part of a released schema step: never edit; change the schema with a new step.
"""

from __future__ import annotations

CASE_TYPES = "('defector','relative','young_at_risk')"
STATUSES = (
    "('referred','preliminary_assessment','joint_assessment','investigation','decided',"
    "'emergency_protection','implementation','follow_up','handed_over','closed')"
)
OUTCOMES = "('completed','discontinued_by_person','conditions_broken','not_applicable')"
LEVELS = "('none','confidentiality_marking','protected_registration','fictitious_identity')"
ENVIRONMENTS = "('criminal_network','violent_extremism','honour_context')"
INTERVENTIONS = (
    "('protected_housing','emergency_housing','counselling','addiction_treatment','psychiatry',"
    "'financial_aid','occupation','debt_restructuring','tattoo_removal','trustee',"
    "'contact_person','relocation_support','drug_testing','other')"
)

TABLES = f"""
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    environment TEXT NOT NULL CHECK (environment IN {ENVIRONMENTS}),
    area TEXT,
    notes TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE group_relations (
    group_a INTEGER NOT NULL REFERENCES groups(id),
    group_b INTEGER NOT NULL REFERENCES groups(id),
    relation TEXT NOT NULL CHECK (relation IN ('same','allied','rival')),
    noted_on TEXT,
    PRIMARY KEY (group_a, group_b),
    CHECK (group_a < group_b)
) WITHOUT ROWID, STRICT;
CREATE TABLE providers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind TEXT NOT NULL CHECK (kind IN ('municipal','private','non_profit')),
    org_number TEXT,
    municipality TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_number TEXT NOT NULL UNIQUE,
    case_type TEXT NOT NULL CHECK (case_type IN {CASE_TYPES}),
    status TEXT NOT NULL CHECK (status IN {STATUSES}),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN {OUTCOMES}),
    home_municipality TEXT NOT NULL,
    stay_municipality TEXT,
    caseworker TEXT NOT NULL,
    referral_source TEXT,
    opened_on TEXT NOT NULL,
    closed_on TEXT,
    gallring_exempt INTEGER NOT NULL DEFAULT 0 CHECK (gallring_exempt IN (0, 1)),
    gallring_exempt_reason TEXT,
    demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status = 'closed') = (outcome IS NOT NULL)),
    CHECK ((status IN ('closed','handed_over')) = (closed_on IS NOT NULL)),
    CHECK (closed_on IS NULL OR closed_on >= opened_on),
    CHECK (gallring_exempt = 0 OR gallring_exempt_reason IS NOT NULL)
) STRICT;
CREATE INDEX cases_status ON cases(status, opened_on);
CREATE INDEX cases_opened ON cases(opened_on);
CREATE TABLE persons (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    role TEXT NOT NULL CHECK (role IN ('principal','relative')),
    name TEXT NOT NULL,
    id_number TEXT,
    id_kind TEXT CHECK (id_kind IS NULL OR id_kind IN ('personnummer','samordningsnummer')),
    birth_year INTEGER,
    gender TEXT NOT NULL CHECK (gender IN ('female','male','other','unknown')),
    language TEXT,
    protection_level TEXT NOT NULL CHECK (protection_level IN {LEVELS}),
    relation TEXT,
    accompanying_child INTEGER NOT NULL DEFAULT 0 CHECK (accompanying_child IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((id_number IS NULL) = (id_kind IS NULL)),
    CHECK (role = 'relative' OR (relation IS NULL AND accompanying_child = 0))
) STRICT;
CREATE INDEX persons_case ON persons(case_id);
CREATE UNIQUE INDEX persons_one_principal ON persons(case_id) WHERE role = 'principal';
CREATE TABLE fictitious_identities (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL UNIQUE REFERENCES persons(id),
    name TEXT NOT NULL,
    id_number TEXT,
    valid_from TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER REFERENCES persons(id),
    agencies TEXT NOT NULL,
    municipalities TEXT NOT NULL,
    signed_on TEXT NOT NULL,
    expires_on TEXT,
    revoked_on TEXT,
    revoked_reason TEXT,
    created_at TEXT NOT NULL,
    CHECK (expires_on IS NULL OR expires_on >= signed_on),
    CHECK (revoked_on IS NULL OR revoked_on >= signed_on)
) STRICT;
CREATE INDEX consents_case ON consents(case_id);
CREATE TABLE agreements (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    signed_on TEXT NOT NULL,
    valid_until TEXT,
    summary TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX agreements_case ON agreements(case_id);
CREATE TABLE conditions (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements(id),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX conditions_agreement ON conditions(agreement_id);
CREATE TABLE condition_breaches (
    id INTEGER PRIMARY KEY,
    condition_id INTEGER NOT NULL REFERENCES conditions(id),
    occurred_on TEXT NOT NULL,
    description TEXT NOT NULL,
    consequence TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX breaches_condition ON condition_breaches(condition_id);
CREATE TABLE threat_assessments (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    source_unit TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('low','medium','high','very_high')),
    summary TEXT NOT NULL,
    measures TEXT,
    next_review_on TEXT,
    created_at TEXT NOT NULL,
    CHECK (next_review_on IS NULL OR next_review_on >= assessed_on)
) STRICT;
CREATE INDEX threats_case ON threat_assessments(case_id, assessed_on);
CREATE TABLE network_links (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    person_id INTEGER REFERENCES persons(id),
    environment TEXT NOT NULL CHECK (environment IN {ENVIRONMENTS}),
    group_id INTEGER REFERENCES groups(id),
    role TEXT,
    left_on TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX network_case ON network_links(case_id);
CREATE INDEX network_group ON network_links(group_id);
CREATE TABLE interventions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    type TEXT NOT NULL CHECK (type IN {INTERVENTIONS}),
    provider_id INTEGER REFERENCES providers(id),
    started_on TEXT NOT NULL,
    ended_on TEXT,
    cost_sek INTEGER CHECK (cost_sek IS NULL OR cost_sek >= 0),
    funding TEXT CHECK (funding IS NULL OR funding IN ('municipal_budget','state_grant','other')),
    control_interval_days INTEGER
        CHECK (control_interval_days IS NULL OR control_interval_days > 0),
    notes TEXT,
    created_at TEXT NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= started_on)
) STRICT;
CREATE INDEX interventions_case ON interventions(case_id);
CREATE TABLE provider_controls (
    id INTEGER PRIMARY KEY,
    intervention_id INTEGER NOT NULL REFERENCES interventions(id),
    planned_on TEXT NOT NULL,
    done_on TEXT,
    done_by TEXT,
    notes TEXT,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX controls_intervention ON provider_controls(intervention_id);
CREATE TABLE placements (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    municipality TEXT NOT NULL,
    moved_in_on TEXT NOT NULL,
    moved_out_on TEXT,
    created_at TEXT NOT NULL,
    CHECK (moved_out_on IS NULL OR moved_out_on >= moved_in_on)
) STRICT;
CREATE INDEX placements_case ON placements(case_id);
CREATE TABLE placement_addresses (
    placement_id INTEGER PRIMARY KEY REFERENCES placements(id),
    street TEXT NOT NULL,
    postal_code TEXT,
    city TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE journal_entries (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    original_id INTEGER REFERENCES journal_entries(id),
    corrects_id INTEGER REFERENCES journal_entries(id),
    version INTEGER NOT NULL DEFAULT 1,
    author TEXT NOT NULL,
    written_at TEXT NOT NULL,
    text TEXT NOT NULL,
    correction_reason TEXT,
    imported INTEGER NOT NULL DEFAULT 0,
    erroneous_by TEXT,
    erroneous_at TEXT,
    erroneous_reason TEXT,
    CHECK ((corrects_id IS NULL) = (original_id IS NULL)),
    CHECK ((corrects_id IS NULL) = (correction_reason IS NULL)),
    CHECK ((corrects_id IS NULL) = (version = 1)),
    CHECK ((erroneous_at IS NULL) = (erroneous_by IS NULL)),
    CHECK ((erroneous_at IS NULL) = (erroneous_reason IS NULL))
) STRICT;
CREATE INDEX journal_case ON journal_entries(case_id, written_at);
CREATE INDEX journal_original ON journal_entries(original_id) WHERE original_id IS NOT NULL;
CREATE UNIQUE INDEX journal_one_correction ON journal_entries(corrects_id)
    WHERE corrects_id IS NOT NULL;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    title TEXT NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL
) STRICT;
CREATE INDEX documents_case ON documents(case_id);
CREATE TABLE document_contents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id),
    content BLOB NOT NULL
) STRICT;
CREATE TABLE follow_ups (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    kind TEXT NOT NULL CHECK (kind IN ('six_months','twelve_months','other')),
    done_on TEXT NOT NULL,
    summary TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_case ON follow_ups(case_id);
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    due_on TEXT NOT NULL,
    text TEXT NOT NULL,
    done_on TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reminders_due ON reminders(due_on) WHERE done_on IS NULL;
CREATE TABLE handovers (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id),
    receiving_municipality TEXT NOT NULL,
    legal_basis TEXT NOT NULL CHECK (legal_basis IN ('consent','transfer','request_for_help')),
    consent_id INTEGER REFERENCES consents(id),
    bundle_id TEXT UNIQUE,
    bundle_sha256 TEXT,
    sent_at TEXT,
    receipt_at TEXT,
    receipt_sha256 TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX handovers_case ON handovers(case_id);
CREATE TABLE gallring_pending (case_id INTEGER PRIMARY KEY) STRICT;
CREATE TABLE gallring_runs (
    id INTEGER PRIMARY KEY,
    run_at TEXT NOT NULL,
    run_on TEXT NOT NULL,
    actor TEXT NOT NULL,
    deleted INTEGER NOT NULL,
    kept_exempt INTEGER NOT NULL,
    kept_research_sample INTEGER NOT NULL,
    reason TEXT NOT NULL
) STRICT;
CREATE TABLE gallring_log (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES gallring_runs(id),
    case_ref TEXT NOT NULL,
    closed_on TEXT NOT NULL,
    last_entry_on TEXT NOT NULL
) STRICT;
"""
