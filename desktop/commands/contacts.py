"""Identity and contact commands (registered by ``desktop/commands/handover.py``).

- ``identity init --municipality M --unit U --caseworker C`` — once per store;
- ``identity show`` — names, key id and the fingerprint to read aloud (and its QR payload);
- ``identity export-card [--out FILE]`` — the ``.utvagkort`` to give to other units
  (standard output without ``--out``; base64 in ``--json``);
- ``contact import FILE`` — an unverified contact; ``contact verify ID --fingerprint "…"``
  after comparing the digits over the phone or in person; ``contact list``;
  ``contact revoke ID [--reason R]``.

All take ``--store``, ``--passphrase-file``, ``--actor`` and ``--json``. Exit 0 / 1 / 2.
"""

from __future__ import annotations

import argparse
import base64
import sys
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _common,
    _open,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
    clean_untrusted,
)
from storage.vault.outputs import write_output
from sync.trust import (
    contacts,
    identity,
)
from sync.trust.contacts import Contact
from sync.trust.errors import NoIdentityError


class InputFileError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The file {path} could not be read.")
    code = "input_file"


def read_input(path: str, limit: int = 1024 * 1024) -> bytes:
    """A small input file (a card), or :class:`InputFileError`."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(limit + 1)
    except OSError:
        raise InputFileError(path=clean_untrusted(path)) from None


class IdentityExistsError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors",
        "This store already has an identity ({names}); names change only with a key rotation.",
    )
    code = "identity_exists"


def contact_row(c: Contact) -> dict[str, Any]:
    return {
        "id": c.id,
        "status": c.status,
        "municipality": c.municipality,
        "unit": c.unit,
        "caseworker": c.caseworker,
        "fingerprint": c.fingerprint,
        "key_id": c.key_id_hex,
        "generation": c.generation,
        "post_quantum": c.keys.age_pq is not None,
        "imported_at": c.imported_at,
        "verified_at": c.verified_at,
        "revoked_at": c.revoked_at,
    }


def _identity_row(info: identity.IdentityInfo) -> dict[str, Any]:
    return {
        "municipality": info.municipality,
        "unit": info.unit,
        "caseworker": info.caseworker,
        "generation": info.generation,
        "created": info.created,
        "key_id": info.key_id_hex,
        "fingerprint": info.fingerprint,
        "qr_payload": info.qr_payload,
    }


def cmd_identity_init(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        try:
            info = identity.get_identity(store)
        except NoIdentityError:
            info = identity.ensure_identity(store, args.municipality, args.unit, args.caseworker)
        else:
            names = (info.municipality, info.unit, info.caseworker)
            if names != (args.municipality.strip(), args.unit.strip(), args.caseworker.strip()):
                raise IdentityExistsError(names=", ".join(names))
    return _print_identity(args, info)


def _print_identity(args: argparse.Namespace, info: identity.IdentityInfo) -> int:
    if args.json:
        print_json(_identity_row(info))
        return 0
    print(f"{info.municipality} / {info.unit} / {info.caseworker}")
    print(f"Nyckelgeneration / key generation: {info.generation}  (key id {info.key_id_hex})")
    print(f"Fingeravtryck / fingerprint: {info.fingerprint}")
    print(f"QR: {info.qr_payload}")
    return 0


def cmd_identity_show(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        info = identity.get_identity(store)
    return _print_identity(args, info)


def cmd_export_card(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        card = identity.export_card(store)
        info = identity.get_identity(store)
        if args.out:  # registered in the store first: a kill leaves no temp file behind
            write_output(store, Path(args.out).absolute(), card, "card")
    if args.json:
        data: dict[str, Any] = {"fingerprint": info.fingerprint, "bytes": len(card)}
        if args.out:
            data["out"] = args.out
        else:
            data["card_base64"] = base64.b64encode(card).decode("ascii")
        print_json(data)
    elif args.out:
        print(f"Kontaktkort skrivet / card written: {args.out}")
        print(f"Läs upp fingeravtrycket för mottagaren / read this aloud: {info.fingerprint}")
    else:
        sys.stdout.flush()
        sys.stdout.buffer.write(card)
        sys.stdout.buffer.flush()
    return 0


def cmd_contact_import(args: argparse.Namespace) -> int:
    data = read_input(args.file)
    store, _ = _open(args)
    with store:
        contact = contacts.get_contact(store, contacts.import_card(store, data))
    if args.json:
        print_json(contact_row(contact))
        return 0
    print(
        f"Kontakt / contact {contact.id}: {contact.municipality} / {contact.unit} / "
        f"{contact.caseworker}  [{contact.status}]"
    )
    print(f"Fingeravtryck / fingerprint: {contact.fingerprint}")
    if contact.status != contacts.VERIFIED:
        print("Jämför siffrorna med kontakten per telefon eller på plats, sedan:")
        print(f'  utvag contact verify {contact.id} --fingerprint "<siffrorna / the digits>"')
    return 0


def cmd_contact_verify(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        contact = contacts.verify_contact(store, args.id, args.fingerprint)
    if args.json:
        print_json(contact_row(contact))
    else:
        print(f"Kontakt / contact {contact.id} ({contact.municipality}) är verifierad / verified.")
    return 0


def cmd_contact_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        rows = contacts.list_contacts(store, include_revoked=not args.active)
    if args.json:
        print_json([contact_row(c) for c in rows])
        return 0
    for c in rows:
        print(f"{c.id:4}  {c.status:10}  {c.municipality} / {c.unit} / {c.caseworker}")
        print(f"      {c.fingerprint}")
    print(f"{len(rows)} kontakter / contacts")
    return 0


def cmd_contact_revoke(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        contact = contacts.revoke_contact(store, args.id, args.reason or "")
    if args.json:
        print_json(contact_row(contact))
    else:
        print(f"Kontakt / contact {contact.id} ({contact.municipality}) är spärrad / revoked.")
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("identity", help="this store's identity and contact card")
    sub = group.add_subparsers(dest="identity_command", metavar="COMMAND", required=True)
    p = sub.add_parser("init", help="create the identity (once): municipality, unit, caseworker")
    _common(p)
    for name in ("municipality", "unit", "caseworker"):
        p.add_argument(f"--{name}", required=True, metavar="TEXT")
    p.set_defaults(func=cmd_identity_init)
    p = sub.add_parser("show", help="names, key id and fingerprint")
    _common(p)
    p.set_defaults(func=cmd_identity_show)
    p = sub.add_parser("export-card", help="write the contact card (.utvagkort)")
    _common(p)
    p.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    p.set_defaults(func=cmd_export_card)

    group = subparsers.add_parser("contact", help="other units: import, verify, list, revoke")
    sub = group.add_subparsers(dest="contact_command", metavar="COMMAND", required=True)
    p = sub.add_parser("import", help="import a contact card (unverified until verified)")
    _common(p)
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_contact_import)
    p = sub.add_parser("verify", help="verify a contact by its fingerprint (read aloud)")
    _common(p)
    p.add_argument("id", metavar="ID", type=int)
    p.add_argument("--fingerprint", required=True, metavar="DIGITS")
    p.set_defaults(func=cmd_contact_verify)
    p = sub.add_parser("list", help="list contacts")
    _common(p)
    p.add_argument("--active", action="store_true", help="leave out revoked contacts")
    p.set_defaults(func=cmd_contact_list)
    p = sub.add_parser("revoke", help="revoke a contact (its key never comes back)")
    _common(p)
    p.add_argument("id", metavar="ID", type=int)
    p.add_argument("--reason", metavar="R")
    p.set_defaults(func=cmd_contact_revoke)
