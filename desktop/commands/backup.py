"""Backup commands: ``utvag backup create|verify|restore|status`` (docs/backup.md).

- ``backup create --out FILE [--overwrite]`` — an encrypted backup of the store (opens it
  with the passphrase, which also gives the data key for the copy).
- ``backup verify FILE [--recovery-code-file F | --passphrase-file F | --deep]`` — structure
  and hashes; with a secret also the MAC and the database (``--deep`` asks for the
  recovery code on the terminal). Without one it says that only the structure was checked.
- ``backup restore FILE --store DIR [--recovery-code-file F] [--new-passphrase-file F]
  [--replace] [--take-over-keyring]`` — never over an existing store unless ``--replace``
  (the old folder is moved aside, not deleted).
- ``backup status [--set-interval DAYS]`` — last backup, when the next is due.

Exit status 0 success, 1 refused or failed (one line on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    ACTOR_HELP,
    _actor,
    _actor_from,
    _common,
    _open,
    _store_path,
)
from desktop.passphrase import (
    read_new_passphrase,
    read_secret,
)
from storage.backup.backups import (
    BackupReport,
    backup_due,
    create_backup,
    set_backup_interval,
    verify_backup,
)
from storage.backup.restore import restore_backup
from storage.errors import (
    QT_TRANSLATE_NOOP,
    UtvagError,
)
from storage.vault import keyslots

CODE_PROMPT = "Återställningskod / recovery code: "


class BackupCheckFailedError(UtvagError):
    message = QT_TRANSLATE_NOOP("Errors", "The backup check found {count} problem(s); see above.")
    code = "backup_check_failed"


def cmd_create(args: argparse.Namespace) -> int:
    store, passphrase = _open(args)
    with store:
        info = create_backup(store, Path(args.out), passphrase, overwrite=args.overwrite)
    m = info.manifest
    if args.json:
        print_json(
            {
                "out": str(info.path),
                "sha256": info.sha256,
                "size": info.size,
                "store_id": m.store_id,
                "created": m.created,
                "schema_version": m.schema_version,
                "audit_head": {"seq": m.audit_seq, "hash": m.audit_hash},
                "audit_ok": info.audit_ok,
            }
        )
        return 0
    print(f"Backup written: {info.path} ({info.size} bytes, encrypted)")
    print(f"SHA-256: {info.sha256}")
    print(f"Audit head in the backup: {m.audit_seq} {m.audit_hash}")
    if not info.audit_ok:
        print("WARNING: the audit log in the store does not verify; run 'utvag audit verify'.")
    print("Restoring it on another computer needs the recovery code that is valid now.")
    return 0


def _report_json(report: BackupReport) -> dict[str, Any]:
    m = report.manifest
    return {
        "file": str(report.path),
        "ok": report.ok,
        "deep": report.deep,
        "problems": list(report.problems),
        "store_id": m.store_id if m else None,
        "created": m.created if m else None,
        "schema_version": m.schema_version if m else None,
    }


def cmd_verify(args: argparse.Namespace) -> int:
    code = passphrase = None
    if args.recovery_code_file is not None or (args.deep and args.passphrase_file is None):
        code = read_secret(
            args.recovery_code_file, prompt=CODE_PROMPT, option="--recovery-code-file"
        )
    elif args.passphrase_file is not None:
        passphrase = read_secret(args.passphrase_file, prompt="", option="--passphrase-file")
    report = verify_backup(Path(args.file), recovery_code=code, passphrase=passphrase)
    if args.json:
        print_json(_report_json(report))
    else:
        m = report.manifest
        if m is not None:
            print(f"Store id: {m.store_id}; made {m.created}; schema {m.schema_version}")
        for problem in report.problems:
            print(f"PROBLEM: {problem}")
        if report.ok and report.deep:
            print("The backup is intact: structure, hashes, MAC, database and audit log.")
        elif report.ok:
            print("Structure and hashes are intact. Only the structure was checked: give the")
            print("recovery code (--recovery-code-file FILE or --deep) to check the database.")
    if not report.ok:
        raise BackupCheckFailedError(count=len(report.problems))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    target = _store_path(args)
    code = read_secret(args.recovery_code_file, prompt=CODE_PROMPT, option="--recovery-code-file")
    keyslots.parse_recovery_code(code)  # a typo is reported before anything else is asked
    new = read_new_passphrase(args.new_passphrase_file, option="--new-passphrase-file")
    result = restore_backup(
        Path(args.file),
        target,
        code,
        new,
        actor=_actor(args),
        actor_from=_actor_from(args),
        replace=args.replace,
        take_over_keyring=args.take_over_keyring,
    )
    if args.json:
        print_json(
            {
                "store": str(result.path),
                "store_id": result.store_id,
                "backup_created": result.backup_created,
                "device_key": result.device_key,
                "moved_aside": str(result.moved_aside) if result.moved_aside else None,
                "audit_ok": result.audit_ok,
            }
        )
        return 0
    print(f"Restored the backup of {result.backup_created} to {result.path}.")
    if result.moved_aside:
        print(f"The store that was there has been moved to {result.moved_aside}.")
    if result.device_key:
        print("A new passphrase and a new device secret in this computer's keyring are set.")
    print("Run 'utvag rekey' for a new recovery code (the one used here was typed here).")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        if args.set_interval is not None:
            set_backup_interval(store, args.set_interval)
        due = backup_due(store)
    if args.json:
        print_json(
            {
                "last_backup": due.last_backup,
                "interval_days": due.interval_days,
                "due_on": due.due_on.isoformat(),
                "due": due.due,
            }
        )
        return 0
    print(f"Last backup: {due.last_backup or 'never'}")
    print(f"Reminder after {due.interval_days} days; next due {due.due_on.isoformat()}")
    if due.due:
        print("A backup is due: run 'utvag backup create --out FILE'.")
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("backup", help="encrypted backup, verify and restore")
    sub = group.add_subparsers(dest="backup_command", metavar="COMMAND", required=True)

    p = sub.add_parser("create", help="write an encrypted backup of the store")
    _common(p)
    p.add_argument("--out", metavar="FILE", required=True, help="the backup file to write")
    p.add_argument("--overwrite", action="store_true", help="replace an existing FILE")
    p.set_defaults(func=cmd_create)

    p = sub.add_parser("verify", help="check a backup file (deep with the recovery code)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    p.add_argument(
        "--passphrase-file",
        metavar="FILE",
        type=Path,
        help="the passphrase (only on the computer that made the backup)",
    )
    p.add_argument("--deep", action="store_true", help="ask for the recovery code")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("restore", help="restore a backup with the recovery code")
    p.add_argument("file", metavar="FILE")
    _common(p, opens=False)
    p.add_argument(
        "--actor",
        metavar="NAME",
        help=ACTOR_HELP,
    )
    p.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    p.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    p.add_argument(
        "--replace",
        action="store_true",
        help="restore over an existing store (moved aside, not deleted)",
    )
    p.add_argument(
        "--take-over-keyring",
        action="store_true",
        help="replace this computer's keyring entry for the same store",
    )
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("status", help="last backup and when the next is due")
    _common(p)
    p.add_argument(
        "--set-interval",
        metavar="DAYS",
        type=int,
        help="remind after DAYS days without a backup (default 7)",
    )
    p.set_defaults(func=cmd_status)
