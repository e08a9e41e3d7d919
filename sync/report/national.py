"""Sending a national report to a coordinator, and receiving one (docs/national-report.md).

- ``make_report(store, start, end) -> NationalReport`` — the report of the period, its
  source named after this store's identity (municipality and unit);
- ``export_national_report(store, report, *, coordinator, out, expires_days=30)`` — seals
  the JSON document as a bundle of kind ``national-report`` (sync/bundle/manifest.py) for
  one verified, non-revoked contact, signed with our key and encrypted to theirs; the two
  releases are recorded in the ledger and audited ``national.export`` in the transaction
  that records the bundle, so a failed seal records nothing and leaves no file;
- ``receive_national_report(store, path) -> int`` — at a coordinator: every check of
  :func:`sync.bundle.open.open_bundle` (signed by a verified, non-revoked contact, addressed
  to us, not expired, not replayed, sequence forward), then the kind, the strict document
  (:func:`storage.learning.report_format.parse_report`), the sender's municipality against the
  document's, and a report id not seen before; kept and the bundle marked seen in one
  transaction (audited ``national.receive``). Any refusal leaves the store unchanged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from datetime import timedelta
from pathlib import Path
from typing import Any

from storage.learning import coordinator
from storage.learning.national import (
    NationalReport,
    build_report,
    record_export,
    report_bytes,
)
from storage.learning.report_format import parse_report
from storage.records import validate as v
from sync.bundle.manifest import NATIONAL_REPORT, NATIONAL_REPORT_MEMBER
from sync.bundle.open import open_bundle
from sync.bundle.seal import SealedBundle, seal_bundle
from sync.report.errors import NotANationalReportError, ReportSenderMismatchError
from sync.trust.contacts import usable_contact
from sync.trust.identity import current_keys

DEFAULT_EXPIRES_DAYS = 30


def make_report(store: Any, start: dt.date | str, end: dt.date | str) -> NationalReport:
    info = current_keys(store).info
    return build_report(store, start, end, municipality=info.municipality, unit=info.unit)


def export_national_report(
    store: Any,
    report: NationalReport,
    *,
    coordinator: int,
    out: Path,
    expires_days: int = DEFAULT_EXPIRES_DAYS,
) -> SealedBundle:
    """Seal, record and audit the report for the coordinator (module docstring)."""
    days = v.integer("expires_days", expires_days, low=1, high=366)
    assert days is not None
    contact = usable_contact(store, coordinator)
    data = report_bytes(report)
    digest = hashlib.sha256(data).hexdigest()

    def on_sealed(sealed: SealedBundle) -> None:
        record_export(
            store, report, fmt="bundle", sha256=digest, destination=f"contact:{contact.id}"
        )

    return seal_bundle(
        store,
        kind=NATIONAL_REPORT,
        recipients=[contact.id],
        members=[(NATIONAL_REPORT_MEMBER, data, len(data))],
        out=Path(out),
        expires=timedelta(days=days),
        on_sealed=on_sealed,
    )


def receive_national_report(store: Any, path: Path) -> int:
    """Verify and keep a national report bundle (module docstring); its row id."""
    opened = open_bundle(store, Path(path))
    try:
        if opened.kind != NATIONAL_REPORT:
            raise NotANationalReportError(kind=opened.kind)
        untrusted_body = opened.read_member_bytes(NATIONAL_REPORT_MEMBER)
        report = parse_report(untrusted_body)
        sender = opened.sender
        if report.municipality.casefold() != sender.municipality.casefold():
            raise ReportSenderMismatchError(claimed=report.municipality, sender=sender.municipality)
        with store.transaction():
            row_id = coordinator.store_received(
                store,
                report,
                bundle_id=opened.bundle_id,
                contact_id=sender.id,
                sha256=hashlib.sha256(untrusted_body).hexdigest(),
                body=untrusted_body,
            )
            opened.commit_seen()
    except BaseException:
        opened.discard()
        raise
    return row_id
