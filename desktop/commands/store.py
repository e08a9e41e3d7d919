"""Store commands: init, status, check, passphrase change, recover, rekey, audit verify/export.

Every command takes ``--store DIR`` (default: desktop/config.py), ``--json``, and, where it
opens the store, ``--passphrase-file FILE`` (otherwise the terminal is asked). Exit status
0 success, 1 refused or failed (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desktop import config
from desktop.cli import print_json
from desktop.gateway import default_actor, who_works
from desktop.passphrase import (
    read_new_passphrase,
    read_passphrase,
    read_secret,
)
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UsageError,
    UtvagError,
)
from storage.vault import (
    device_key,
    keyslots,
)
from storage.vault.crypto import KdfParams
from storage.vault.opening import (
    ActorFrom,
    create_store,
    recover_store,
    store_info,
    unlock_store,
)
from storage.vault.passphrase import (
    validate_new_passphrase,
)
from storage.vault.store import Store
from storage.vault.strength import passphrase_context
from sync.bundle.rewrite import reconcile_outbox

RECOVERY_WARNING = (
    "RECOVERY CODE: write it down now and keep it somewhere safe, away from this computer.\n"
    "It is shown only this once. With it the store can be opened if the passphrase is\n"
    "forgotten or this computer's keyring is lost; anyone holding it and the store files\n"
    "can open the store."
)


STRENGTH_NOTE = (
    "Note: the new passphrase is accepted, but it could be stronger; one or two more words "
    "make it much harder to guess."
)


class CheckFailedError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The store check found {count} problem(s); see above.")
    code = "check_failed"


class AuditTamperedError(UtvagError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "The audit log has been tampered with: entries {seqs} (see above)."
    )
    code = "audit_tampered"


class BadDateError(UsageError):
    message = QT_TRANSLATE_NOOP(
        "Errors", "{option} must be a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ)."
    )
    code = "bad_date"


ACTOR_HELP = (
    "who works, in the audit log and as author "
    "(default: the store's caseworker, else the login name)"
)


def _actor(args: argparse.Namespace) -> str:
    """``--actor`` if given, else the operating-system account (until the store names one)."""
    if getattr(args, "actor", None):
        return str(args.actor)
    return default_actor()


def _actor_from(args: argparse.Namespace) -> ActorFrom | None:
    """Without ``--actor``, the store's caseworker (its identity) is who works."""
    return None if getattr(args, "actor", None) else who_works


def _store_path(args: argparse.Namespace) -> Path:
    return Path(args.store) if args.store else config.default_store_path()


def _open(args: argparse.Namespace) -> tuple[Store, str]:
    path = _store_path(args)
    passphrase = read_passphrase(args.passphrase_file)
    store = unlock_store(path, passphrase, actor=_actor(args), actor_from=_actor_from(args))
    finish_interrupted(store)
    return store, passphrase


def finish_interrupted(store: Store) -> None:
    """After every unlock: bundles and receipts that a killed run recorded but never got
    into place are found there or written again (docs/bundle-format.md §7); the unlock
    itself already finished or removed the run's temp files (storage.vault.outputs). A
    file that cannot be written now stays owed and is tried again next time."""
    with contextlib.suppress(UtvagError):
        reconcile_outbox(store)


def _check_new_passphrase(passphrase: str, args: argparse.Namespace) -> None:
    """The rule for a new passphrase (docs/store.md): refused below the floor with the
    reason and a suggestion; accepted but not strong: a note on stderr."""
    verdict = validate_new_passphrase(passphrase, passphrase_context(_actor(args)))
    if verdict.warning:
        print(STRENGTH_NOTE, file=sys.stderr)


def _show_code(code: str) -> None:
    print(RECOVERY_WARNING)
    print()
    print(f"    {code}")
    print()


def _kdf_text(kdf: KdfParams | None) -> str:
    if kdf is None:
        return "-"
    return f"Argon2id, {kdf.memory_kib // 1024} MiB, {kdf.iterations} passes, {kdf.lanes} lanes"


# ---------------------------------------------------------------- commands


def cmd_init(args: argparse.Namespace) -> int:
    path = _store_path(args)
    passphrase = read_new_passphrase(args.passphrase_file)
    _check_new_passphrase(passphrase, args)
    kdf = KdfParams.minimum() if args.kdf_minimum else None
    store, code = create_store(
        path, passphrase, actor=_actor(args), use_device_key=not args.no_device_key, kdf=kdf
    )
    with store:
        info = store_info(path)
    if args.json:
        print_json(
            {
                "store": str(path),
                "store_id": info.store_id,
                "device_key": info.device_key,
                "kdf": info.kdf.to_json() if info.kdf else None,
                "recovery_code": code,
            }
        )
        return 0
    print(f"Store created: {path}")
    print(f"Store id: {info.store_id}")
    if info.device_key:
        print("Protection: passphrase + device secret in this computer's keyring")
    else:
        print("Protection: passphrase only (WEAKER: --no-device-key; the files and the")
        print("passphrase open the store on any computer)")
    print(f"Key derivation: {_kdf_text(info.kdf)}")
    print()
    _show_code(code)
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    path = _store_path(args)
    info = store_info(path)
    backend, secure = device_key.describe_backend()
    protection = None
    if info.exists:
        protection = "passphrase+device_key" if info.device_key else "passphrase_only"
    if args.json:
        print_json(
            {
                "store": str(path),
                "exists": info.exists,
                "store_id": info.store_id,
                "created": info.created,
                "device_key": info.device_key,
                "protection": protection,
                "kdf": info.kdf.to_json() if info.kdf else None,
                "keyring": {"backend": backend, "secure": secure},
                "failed_attempts": info.failed_attempts,
                "retry_after": info.retry_after,
            }
        )
        return 0
    print(f"Store: {path}")
    print(f"Exists: {'yes' if info.exists else 'no'}")
    if info.exists:
        print(f"Store id: {info.store_id}")
        print(f"Created: {info.created}")
        if info.device_key:
            print("Protection: passphrase + device secret in the OS keyring")
        else:
            print("Protection: passphrase only (WEAKER, created with --no-device-key)")
        print(f"Key derivation: {_kdf_text(info.kdf)}")
        if info.failed_attempts:
            wait = f", next attempt in {info.retry_after:.0f} s" if info.retry_after else ""
            print(f"Failed unlock attempts: {info.failed_attempts}{wait}")
    print(f"Keyring: {backend} ({'secure' if secure else 'NOT usable for a device secret'})")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        report = store.check()
    if args.json:
        print_json({"ok": report.ok, "problems": report.problems, "schema": report.schema_version})
    else:
        print(f"Schema version: {report.schema_version}")
        print(f"Audit entries: {report.audit.count if report.audit else 0}")
        for problem in report.problems:
            print(f"PROBLEM: {problem}")
        if report.ok:
            print("The store is intact.")
    if not report.ok:
        raise CheckFailedError(count=len(report.problems))
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    path = _store_path(args)
    old = read_passphrase(args.passphrase_file, prompt="Nuvarande lösenfras / current passphrase: ")
    new = read_new_passphrase(args.new_passphrase_file, option="--new-passphrase-file")
    _check_new_passphrase(new, args)
    with unlock_store(path, old, actor=_actor(args), actor_from=_actor_from(args)) as store:
        store.change_passphrase(old, new)
    if args.json:
        print_json({"store": str(path), "changed": True})
    else:
        print("The passphrase was changed (the data was not re-encrypted).")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    path = _store_path(args)
    code = read_secret(
        args.recovery_code_file,
        prompt="Återställningskod / recovery code: ",
        option="--recovery-code-file",
    )
    keyslots.parse_recovery_code(code)  # a typo is reported before anything else is asked
    new = read_new_passphrase(args.new_passphrase_file, option="--new-passphrase-file")
    _check_new_passphrase(new, args)
    with recover_store(path, code, new, actor=_actor(args), actor_from=_actor_from(args)):
        pass
    if args.json:
        print_json({"store": str(path), "recovered": True})
    else:
        print("The store was opened with the recovery code; the new passphrase and a new")
        print("device secret on this computer are set. Run 'utvag rekey' to get a new")
        print("recovery code (the one used here has been typed on this computer).")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    store, passphrase = _open(args)
    with store:
        code = store.rekey(passphrase)
    if args.json:
        print_json({"store": str(store.path), "rekeyed": True, "recovery_code": code})
        return 0
    print("The data key and the key-encryption key were replaced; the database was re-encrypted.")
    print("The old recovery code no longer works.")
    print()
    _show_code(code)
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        result = store.audit.verify()
    if args.json:
        print_json(
            {
                "ok": result.ok,
                "problems": result.problems,
                "entries": result.bad_seqs,
                "count": result.count,
                "head": {"seq": result.head_seq, "hash": result.head_hash},
            }
        )
    else:
        for problem in result.problems:
            print(f"PROBLEM: {problem}")
        print(f"Entries: {result.count}; head: {result.head_seq} {result.head_hash}")
        if result.ok:
            print("The audit log is intact.")
    if not result.ok:
        raise AuditTamperedError(seqs=", ".join(str(s) for s in result.bad_seqs) or "-")
    return 0


def _bound(value: str | None, option: str, *, end: bool) -> str | None:
    """--from/--to: a date (whole days, --to inclusive) or an exact UTC time."""
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        if len(value) >= 20 and value.endswith("Z") and value[10] == "T":
            return value
        raise BadDateError(option=option) from None
    day = day + timedelta(days=1) if end else day
    return f"{day.isoformat()}T00:00:00.000000Z"


def cmd_audit_export(args: argparse.Namespace) -> int:
    since = _bound(args.date_from, "--from", end=False)
    until = _bound(args.date_to, "--to", end=True)
    store, _ = _open(args)
    with store:
        result = store.audit.export(Path(args.out) if args.out else sys.stdout, since, until)
    if args.out:
        summary: dict[str, Any] = {"out": args.out, "count": result.count}
        summary["head"] = {"seq": result.head_seq, "hash": result.head_hash}
        if args.json:
            print_json(summary)
        else:
            print(f"Exported {result.count} entries to {args.out}")
            print(f"Head (for anchoring): {result.head_seq} {result.head_hash}")
    return 0


# ---------------------------------------------------------------- parsers


def _common(parser: argparse.ArgumentParser, *, opens: bool = True) -> None:
    parser.add_argument("--store", metavar="DIR", help="store folder (default: user data dir)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    if opens:
        parser.add_argument(
            "--passphrase-file", metavar="FILE", type=Path, help="read the passphrase from FILE"
        )
        parser.add_argument(
            "--actor",
            metavar="NAME",
            help=ACTOR_HELP,
        )


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("init", help="create a new encrypted store")
    _common(p)
    p.add_argument("--no-device-key", action="store_true", help="passphrase only (weaker)")
    p.add_argument("--kdf-minimum", action="store_true", help="Argon2id floor, no calibration")
    p.set_defaults(func=cmd_init)

    p = subparsers.add_parser("status", help="show the store's state (no passphrase needed)")
    _common(p, opens=False)
    p.set_defaults(func=cmd_status)

    p = subparsers.add_parser("check", help="verify the database, its encryption and the audit log")
    _common(p)
    p.set_defaults(func=cmd_check)

    p = subparsers.add_parser("rekey", help="rotate the data key; gives a new recovery code")
    _common(p)
    p.set_defaults(func=cmd_rekey)

    p = subparsers.add_parser("recover", help="open with the recovery code; set a new passphrase")
    _common(p, opens=False)
    p.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    p.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    p.add_argument(
        "--actor",
        metavar="NAME",
        help=ACTOR_HELP,
    )
    p.set_defaults(func=cmd_recover)

    group = subparsers.add_parser("passphrase", help="passphrase commands")
    sub = group.add_subparsers(dest="passphrase_command", metavar="COMMAND", required=True)
    p = sub.add_parser("change", help="change the passphrase (rewraps; no re-encryption)")
    _common(p)
    p.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    p.set_defaults(func=cmd_passphrase_change)

    group = subparsers.add_parser("audit", help="audit log commands")
    sub = group.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    p = sub.add_parser("verify", help="verify the hash chain; names tampered entries")
    _common(p)
    p.set_defaults(func=cmd_audit_verify)
    p = sub.add_parser("export", help="export entries as JSON lines (with the head hash)")
    _common(p)
    p.add_argument("--out", metavar="FILE", help="write to FILE (default: standard output)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="from this day (UTC)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="up to and including this day")
    p.set_defaults(func=cmd_audit_export)
