"""Text and JSON rendering of handover previews, conflicts and handovers for the CLI."""

from __future__ import annotations

from typing import Any

from storage.casefile.summaries import case_summary
from storage.records.enums import CaseStatus
from storage.vault.store import Store
from sync.handover.conflicts import ConflictReport
from sync.handover.exporting import ExportPreview
from sync.handover.importing import ImportPreview
from sync.handover.records import HandoverRecord
from sync.handover.sections import SECTIONS


def conflict_rows(report: ConflictReport) -> dict[str, Any]:
    return {
        "municipality": report.municipality,
        "window_months": report.window_months,
        "relations": list(report.relations),
        "groups": list(report.groups),
        "checked": report.checked,
        "matches": [
            {
                "case_id": m.case_id,
                "case": m.case_label,
                "relation": m.relation,
                "their_group": m.their_group,
                "via_group": m.via_group,
                "source": m.source,
                "since": m.since,
                "until": m.until,
                "current": m.current,
            }
            for m in report.matches
        ],
    }


def print_conflicts(report: ConflictReport) -> None:
    if not report.checked:
        print("Nätverkskontroll: ärendet har inga grupper att jämföra / no groups to compare.")
        return
    if not report.has_conflicts:
        print(f"Nätverkskontroll / network check ({report.municipality}): inga konflikter / none.")
        return
    print(
        f"NÄTVERKSKONFLIKT / NETWORK CONFLICT in {report.municipality} "
        f"(last {report.window_months} months):"
    )
    for m in report.matches:
        when = "nu / now" if m.current else f"till / until {m.until}"
        print(
            f"  {m.case_label}: {m.relation} — {m.their_group} (mot / vs {m.via_group}); "
            f"{m.source}, {when}"
        )


def export_preview_row(p: ExportPreview) -> dict[str, Any]:
    r = p.recipient
    return {
        "case_number": p.case_number,
        "case": p.case_label,
        "recipient": {
            "id": r.id,
            "municipality": r.municipality,
            "unit": r.unit,
            "caseworker": r.caseworker,
            "fingerprint": r.fingerprint,
        },
        "legal_basis": p.basis.kind.value,
        "consent_id": p.basis.consent_id,
        "basis_id": p.basis.basis_id,
        "sections": list(p.sections),
        "withheld": {
            "names": p.withheld_names,
            "addresses": p.withheld_addresses,
            "fictitious_identities": p.withheld_fictitious,
        },
        "documents": p.document_count,
        "bytes": p.total_bytes,
        "conflicts": conflict_rows(p.conflicts),
    }


def _withheld(names: int, addresses: int, fictitious: int) -> str:
    parts = [
        f"{names} skyddade namn/personnummer" if names else "",
        f"{addresses} skyddade adresser" if addresses else "",
        f"{fictitious} fingerade identiteter" if fictitious else "",
    ]
    return ", ".join(p for p in parts if p) or "inget / nothing"


def print_export_preview(p: ExportPreview) -> None:
    r = p.recipient
    print(f"Ärende / case: {p.case_label}")
    print(f"Till / to: {r.municipality} / {r.unit} / {r.caseworker}  (kontakt {r.id})")
    print(f"Rättslig grund / legal basis: {p.basis.label} (sedan {p.basis.since})")
    print(f"Delar / sections: {', '.join(SECTIONS[s] for s in p.sections)}")
    print(
        f"Skickas inte / withheld: "
        f"{_withheld(p.withheld_names, p.withheld_addresses, p.withheld_fictitious)}"
    )
    print(f"Handlingar / documents: {p.document_count}; storlek / size: {p.total_bytes} bytes")
    print_conflicts(p.conflicts)


def import_preview_row(p: ImportPreview) -> dict[str, Any]:
    c, s = p.case, p.sender
    return {
        "bundle_id": p.bundle_id,
        "kind": p.kind,
        "created": p.created,
        "expires": p.expires,
        "sender": {
            "contact_id": s.id,
            "municipality": s.municipality,
            "unit": s.unit,
            "caseworker": s.caseworker,
            "fingerprint": p.sender_fingerprint,
            "verified": s.status == "verified",
        },
        "case_ref": p.case_ref,
        "case": c.label,
        "case_type": c.case_type.value,
        "sender_status": c.case_status,
        "protection_level": c.protection_level.value,
        "legal_basis": p.legal_basis,
        "sections": list(c.sections),
        "counts": c.counts,
        "protected_included": c.protected_included,
        "fictitious_included": c.fictitious_included,
        "withheld": {
            "names": c.withheld_names,
            "addresses": c.withheld_addresses,
            "fictitious_identities": c.withheld_fictitious,
        },
        "members": [{"name": n, "size": size} for n, size in p.members],
        "bytes": p.total_bytes,
        "conflicts": conflict_rows(p.conflicts),
    }


def print_import_preview(p: ImportPreview) -> None:
    c, s = p.case, p.sender
    print(f"Från / from: {s.municipality} / {s.unit} / {s.caseworker}  (verifierad kontakt {s.id})")
    print(f"Fingeravtryck / fingerprint: {p.sender_fingerprint}")
    print(f"Bunt / bundle: {p.bundle_id} ({p.kind}), skapad {p.created}, giltig till {p.expires}")
    status = CaseStatus(c.case_status).label if c.case_status in CaseStatus.codes() else "-"
    print(f"Ärende / case: {c.label}  ({c.case_type.label}; hos avsändaren: {status})")
    print(f"Rättslig grund / legal basis: {p.legal_basis}")
    print(f"Delar / sections: {', '.join(SECTIONS[x] for x in c.sections)}")
    counts = ", ".join(f"{k} {n}" for k, n in c.counts.items()) or "-"
    print(f"Poster / records: {counts}")
    print(
        f"Ej skickat / withheld by the sender: "
        f"{_withheld(c.withheld_names, c.withheld_addresses, c.withheld_fictitious)}"
    )
    for name, size in p.members:
        print(f"  {name:24} {size:>12} bytes")
    print_conflicts(p.conflicts)
    print("Inget är importerat än / nothing imported yet: --accept or --refuse REASON.")


def handover_row(store: Store, h: HandoverRecord) -> dict[str, Any]:
    return {
        "id": h.id,
        "case_id": h.case_id,
        "case_number": case_summary(store, h.case_id).case_number,
        "state": h.display_state,
        "receiving_municipality": h.receiving_municipality,
        "contact_id": h.contact_id,
        "legal_basis": h.legal_basis.value,
        "bundle_id": h.bundle_id,
        "bundle_sha256": h.bundle_sha256,
        "sent_at": h.sent_at,
        "expires_at": h.expires_at,
        "sections": list(h.sections),
        "protected_included": h.protected_included,
        "fictitious_included": h.fictitious_included,
        "conflicts_acknowledged": h.conflicts_acknowledged,
        "receipt_at": h.receipt_at,
        "receipt_bundle_id": h.receipt_bundle_id,
        "receipt_reason": h.receipt_reason,
        "bundle_file": h.bundle_file,
        "cancelled_at": h.cancelled_at,
        "cancel_reason": h.cancel_reason,
    }
