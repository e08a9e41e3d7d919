"""``utvag keyslot``: the ways into a store besides the passphrase (docs/store.md).

- ``keyslot list`` — every key slot (audited);
- ``keyslot tokens --module LIB`` — the inserted cards, their PIN state, and with
  ``--pin-file`` (or the terminal) the keys Utväg can use on the chosen one;
- ``keyslot add-token --module LIB [--slot N] [--key-id HEX] [--label TEXT]`` — add a card
  (the passphrase opens the KEK, the PIN is asked on the terminal or read with
  ``--pin-file``; never an argument);
- ``keyslot remove-token SLOT_ID``;
- ``keyslot open-with-token --module LIB`` — open the store with the card and close it (a
  check that the card works; audited ``unlock`` via the card);
- ``keyslot bind-keyring (--recovery-code-file F | --module LIB)`` — after a keyring change:
  open with the recovery code or the card, choose the passphrase, bind the store to this
  computer's keyring (a new device secret; audited);
- ``keyslot drill`` — the recovery-code drill: the code is checked against the recovery slot
  only, the date recorded in the store.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.store import (
    _actor,
    _actor_from,
    _check_new_passphrase,
    _common,
    _open,
    _store_path,
)
from desktop.passphrase import (
    read_new_passphrase,
    read_secret,
)
from storage.vault import keyslots
from storage.vault.key_access import (
    last_recovery_drill,
    recover_with_token,
    recovery_drill,
    unlock_with_token,
)
from storage.vault.opening import recover_store
from storage.vault.token.enrol import (
    card_keys,
    enrol_token,
    inserted_tokens,
    list_key_slots,
    remove_token_slot,
)

PIN_PROMPT = "Kortets PIN / card PIN: "


def _pin(args: argparse.Namespace) -> str:
    return read_secret(args.pin_file, prompt=PIN_PROMPT, option="--pin-file")


def cmd_list(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        slots = list_key_slots(store)
        drill = last_recovery_drill(store)
    rows = [
        {
            "kind": s.kind,
            "id": s.slot_id,
            "label": s.label,
            "token_serial": s.token_serial,
            "mechanism": s.mechanism,
            "enrolled": s.enrolled,
            "device_key": s.device_key,
        }
        for s in slots
    ]
    if args.json:
        print_json({"slots": rows, "last_recovery_drill": drill})
        return 0
    for s in slots:
        if s.kind == "passphrase":
            extra = " + device secret in the OS keyring" if s.device_key else " (no device key)"
            print(f"passphrase{extra}")
        elif s.kind == "recovery":
            print(f"recovery code (last drill: {drill or 'never'})")
        else:
            print(
                f"card {s.slot_id}: {s.label or '-'} (serial {s.token_serial}), "
                f"{s.mechanism}, added {s.enrolled}"
            )
    return 0


def cmd_tokens(args: argparse.Namespace) -> int:
    found = inserted_tokens(args.module)
    keys: list[dict[str, Any]] = []
    if args.keys or args.pin_file is not None:
        _info, usable = card_keys(args.module, _pin(args), args.slot)
        keys = [
            {
                "key_id": k.key_id,
                "label": k.label,
                "type": k.key_type,
                "size": k.size,
                "mechanism": k.mechanism,
            }
            for k in usable
        ]
    rows = [
        {
            "slot": t.index,
            "pkcs11_slot": t.slot_id,
            "label": t.info.label,
            "serial": t.info.serial,
            "manufacturer": t.info.manufacturer,
            "model": t.info.model,
            "pin": t.info.pin_state.value,
        }
        for t in found
    ]
    if args.json:
        print_json({"tokens": rows, "keys": keys})
        return 0
    if not rows:
        print("No card is inserted.")
    for row in rows:
        print(
            f"slot {row['slot']} (0x{row['pkcs11_slot']:x}): {row['label']} "
            f"serial {row['serial']}, {row['manufacturer']} {row['model']}, PIN: {row['pin']}"
        )
    for key in keys:
        print(
            f"  key {key['key_id']} {key['label']}: {key['type']} {key['size']} bits, "
            f"{key['mechanism']}"
        )
    return 0


def cmd_add_token(args: argparse.Namespace) -> int:
    store, passphrase = _open(args)
    with store:
        pin = _pin(args)
        slot = enrol_token(
            store,
            passphrase,
            args.module,
            pin,
            slot=args.slot,
            key_id=args.key_id,
            label=args.label,
        )
    if args.json:
        print_json({"slot_id": slot.slot_id, "mechanism": slot.mechanism, "label": slot.label})
    else:
        print(f"Card added as key slot {slot.slot_id} ({slot.label}, {slot.mechanism}).")
        print("The passphrase and the recovery code still open the store.")
    return 0


def cmd_remove_token(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        remove_token_slot(store, args.slot_id)
    if args.json:
        print_json({"removed": args.slot_id})
    else:
        print(f"Card slot {args.slot_id} removed.")
    return 0


def cmd_open_with_token(args: argparse.Namespace) -> int:
    path = _store_path(args)
    pin = _pin(args)
    with unlock_with_token(
        path, args.module, pin, actor=_actor(args), actor_from=_actor_from(args)
    ):
        pass
    if args.json:
        print_json({"store": str(path), "opened": True})
    else:
        print("The card opened the store.")
    return 0


def cmd_bind_keyring(args: argparse.Namespace) -> int:
    path = _store_path(args)
    if args.module is None:
        code = read_secret(
            args.recovery_code_file,
            prompt="Återställningskod / recovery code: ",
            option="--recovery-code-file",
        )
        keyslots.parse_recovery_code(code)  # a typo is reported before anything else
        new = read_new_passphrase(args.new_passphrase_file, option="--new-passphrase-file")
        _check_new_passphrase(new, args)
        opened = recover_store(path, code, new, actor=_actor(args), actor_from=_actor_from(args))
    else:
        pin = _pin(args)
        new = read_new_passphrase(args.new_passphrase_file, option="--new-passphrase-file")
        _check_new_passphrase(new, args)
        opened = recover_with_token(
            path, args.module, pin, new, actor=_actor(args), actor_from=_actor_from(args)
        )
    with opened:
        pass
    if args.json:
        print_json({"store": str(path), "bound": True})
    else:
        print("The store is bound to this computer's keyring with a new device secret;")
        print("the passphrase you chose opens it here.")
    return 0


def cmd_drill(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        code = read_secret(
            args.recovery_code_file,
            prompt="Återställningskod / recovery code: ",
            option="--recovery-code-file",
        )
        when = recovery_drill(store, code)
    if args.json:
        print_json({"drill": "ok", "at": when})
    else:
        print(f"The recovery code is correct. The drill was recorded ({when}).")
    return 0


def _module_option(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--module",
        metavar="LIB",
        type=Path,
        required=required,
        help="the card's PKCS#11 module (e.g. opensc-pkcs11.so, libsofthsm2.so)",
    )
    parser.add_argument(
        "--pin-file", metavar="FILE", type=Path, help="read the card's PIN from FILE"
    )


def register(subparsers: Any) -> None:
    group = subparsers.add_parser(
        "keyslot", help="key slots: cards (PKCS#11), keyring binding, recovery-code drill"
    )
    sub = group.add_subparsers(dest="keyslot_command", metavar="COMMAND", required=True)

    p = sub.add_parser("list", help="list the store's key slots (audited)")
    _common(p)
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("tokens", help="the inserted cards and their PIN state (and keys)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _module_option(p, required=True)
    p.add_argument("--slot", type=int, metavar="N", help="the card (index or PKCS#11 slot id)")
    p.add_argument("--keys", action="store_true", help="also list the usable keys (asks PIN)")
    p.set_defaults(func=cmd_tokens)

    p = sub.add_parser("add-token", help="add a card as a key slot (needs a recovery slot)")
    _common(p)
    _module_option(p, required=True)
    p.add_argument("--slot", type=int, metavar="N", help="the card (index or PKCS#11 slot id)")
    p.add_argument("--key-id", metavar="HEX", help="the key on the card (CKA_ID, hex)")
    p.add_argument("--label", metavar="TEXT", help="a name for the slot (default: the card's)")
    p.set_defaults(func=cmd_add_token)

    p = sub.add_parser("remove-token", help="remove a card's key slot")
    _common(p)
    p.add_argument("slot_id", metavar="SLOT_ID")
    p.set_defaults(func=cmd_remove_token)

    p = sub.add_parser("open-with-token", help="open the store with the card (a check)")
    _common(p, opens=False)
    p.add_argument("--actor", metavar="NAME", help="who works, in the audit log")
    _module_option(p, required=True)
    p.set_defaults(func=cmd_open_with_token)

    p = sub.add_parser(
        "bind-keyring",
        help="after a keyring change: open with the recovery code or a card, bind to this keyring",
    )
    _common(p, opens=False)
    p.add_argument("--actor", metavar="NAME", help="who works, in the audit log")
    p.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    p.add_argument("--new-passphrase-file", metavar="FILE", type=Path)
    _module_option(p, required=False)
    p.set_defaults(func=cmd_bind_keyring)

    p = sub.add_parser("drill", help="recovery-code drill: check the code, record the date")
    _common(p)
    p.add_argument("--recovery-code-file", metavar="FILE", type=Path)
    p.set_defaults(func=cmd_drill)
