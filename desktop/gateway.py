"""The store calls the GUI makes before a session exists: create, unlock, recover, restore,
and the recovery code kept until it is confirmed.

Every method that touches the store runs on the store worker (the screens call them through
ui/runtime/operations.py); ``exists`` only reads the key-slot file's presence. The first run
also creates the installation's identity (sync/trust/identity.py: names and keys); a restore
brings the identity back from the backup (it lives inside the store).

Who works — the audit log's actor, the journal's author, a new case's caseworker — is the
identity's caseworker name, given in the first-run wizard (:func:`who_works`, used here and by
the CLI). The operating-system account name stands in only while the store has no identity
yet (an old store, or one made with ``utvag init`` before ``utvag identity create``).
The client
creates a store with its recovery code kept inside it until the caseworker confirms having
written it down (storage/vault/unconfirmed_code.py); every way in checks for such a code.
"""

from __future__ import annotations

import getpass
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.errors import UtvagError
from storage.vault import KEYSLOTS_FILE
from storage.vault.strength import passphrase_context

if TYPE_CHECKING:
    from storage.vault.crypto import KdfParams
    from storage.vault.quick_unlock import QuickUnlock
    from storage.vault.store import Store
    from ui.access.first_run import Identity

# The key code (storage.vault.keyslots, crypto and the `cryptography` package, throttle, the
# quick unlock) and the unlock path (storage.vault.opening, key_access: the schema steps and
# all they import) are imported by the methods that need them. Those run on the store worker
# once the unlock window is up (its wait time and keyring check) or when the caseworker
# unlocks: the unlock window comes sooner (issue 17; docs/benchmarks.md).

log = logging.getLogger(__name__)

IDENTITY_KEYS = ("municipality", "unit", "caseworker")


def default_actor() -> str:
    """The operating-system account name: the actor only until the store names its caseworker."""
    try:
        return getpass.getuser() or "(unknown)"
    except (OSError, KeyError):
        return "(unknown)"


def who_works(store: Store) -> str | None:
    """``actor_from`` for unlock_store / recover_store / restore_backup: the identity's
    caseworker (sync.trust.identity.caseworker_name)."""
    from sync.trust.identity import caseworker_name

    return caseworker_name(store)


class StoreGateway:
    def __init__(
        self,
        path: Path,
        *,
        actor: str | None = None,
        kdf: KdfParams | None = None,
        quick: QuickUnlock | None = None,
        token_module: str = "",
    ) -> None:
        self.path = Path(path)
        self.actor = actor or default_actor()
        self.kdf = kdf
        self._quick = quick
        self._quick_lock = threading.Lock()  # the worker and the GUI thread both ask for it
        #: The card's PKCS#11 module (the settings file's ``pkcs11_module``; '' = none).
        self.token_module = token_module

    @property
    def quick(self) -> QuickUnlock:
        """The quick re-unlock key of this process (memory only; desktop/app.py wipes it on
        every lock that is not an idle lock). Made when first asked for: none is armed
        before the first unlock; one for the whole process (a second one could hold a key
        that is never wiped)."""
        with self._quick_lock:
            if self._quick is None:
                from storage.vault.quick_unlock import QuickUnlock

                self._quick = QuickUnlock()
            return self._quick

    @quick.setter
    def quick(self, quick: QuickUnlock) -> None:
        with self._quick_lock:
            self._quick = quick
        self._quick_lock = threading.Lock()  # the worker and the GUI thread both ask for it

    def wipe_quick(self) -> None:
        """Wipe the quick re-unlock key, if one was ever made (nothing to load otherwise)."""
        if self._quick is not None:
            self._quick.wipe()

    @property
    def passphrase_context(self) -> tuple[str, ...]:
        """The words a new passphrase must not be built on (the account name); the screens'
        strength meter and the core use the same."""
        return passphrase_context(self.actor)

    def exists(self) -> bool:
        """Whether a store is there (a damaged one counts: unlocking then says what is wrong).
        That is whether its key-slot file exists — what ``store_info`` decides by, without
        reading it (the start-up asks this first)."""
        return (self.path / KEYSLOTS_FILE).is_file()

    def retry_after(self) -> float:
        from storage.vault.info import store_info

        return float(store_info(self.path).retry_after)

    def check_keyring(self) -> str:
        """The keyring the device key would go to, by the name its users know (never the
        Python class name); raises a typed refusal."""
        from storage.vault import device_key
        from ui.kit.labels import keyring_name  # with the case labels: not at start-up

        return keyring_name(device_key.backend_name(device_key.resolve_backend()))

    def create(self, passphrase: str, use_device_key: bool, identity: Identity) -> tuple[Any, str]:
        from storage.vault.opening import create_store

        store, code = create_store(
            self.path,
            passphrase,
            actor=identity.caseworker.strip() or self.actor,
            use_device_key=use_device_key,
            kdf=self.kdf,
            keep_code_unconfirmed=True,
        )
        try:
            save_identity(store, identity)
            store.act_as(who_works(store) or store.actor)
        except BaseException:
            store.close()
            raise
        return store, code

    def unlock(self, passphrase: str) -> Store:
        from storage.vault.opening import unlock_store

        return unlock_store(self.path, passphrase, actor=self.actor, actor_from=who_works)

    def recover(self, code: str, new_passphrase: str) -> Store:
        from storage.vault.opening import recover_store

        return recover_store(
            self.path, code, new_passphrase, actor=self.actor, actor_from=who_works
        )

    def restore(
        self,
        backup: Path,
        code: str,
        new_passphrase: str,
        take_over_keyring: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> tuple[Store, Any]:
        """Restore ``backup`` as this store (never over an existing one) and open it with
        the new passphrase; returns ``(store, RestoreResult)``. ``progress`` gets the steps
        ``extract``, ``recover`` (from storage) and ``open``."""
        from storage.backup.restore import restore_backup
        from storage.vault.opening import unlock_store

        result = restore_backup(
            Path(backup),
            self.path,
            code,
            new_passphrase,
            actor=self.actor,
            actor_from=who_works,
            take_over_keyring=take_over_keyring,
            progress=progress,
        )
        if progress is not None:
            progress("open")
        store = unlock_store(result.path, new_passphrase, actor=self.actor, actor_from=who_works)
        return store, result

    # ---------------------------------------------------------------- other ways in

    def keyring_state(self) -> str:
        """``ok``, ``missing``, ``mismatch``, ``unavailable`` or ``not_used``: whether this
        computer's keyring still holds the store's device secret (no KDF runs)."""
        from storage.vault import keyslots
        from storage.vault.passphrase import keyring_state  # not the unlock path

        return keyring_state(keyslots.read(self.path))

    def token_slots(self) -> int:
        """How many cards were added to the store (0 when the file cannot be read)."""
        from storage.vault import keyslots

        try:
            return len(keyslots.read(self.path).tokens)
        except UtvagError:
            return 0

    def unlock_with_token(self, pin: str) -> Store:
        from storage.vault.key_access import unlock_with_token

        return unlock_with_token(
            self.path, self.token_module, pin, actor=self.actor, actor_from=who_works
        )

    def recover_with_token(self, pin: str, new_passphrase: str) -> Store:
        from storage.vault.key_access import recover_with_token

        return recover_with_token(
            self.path,
            self.token_module,
            pin,
            new_passphrase,
            actor=self.actor,
            actor_from=who_works,
        )

    def quick_ready(self) -> bool:
        """Whether a quick re-unlock PIN is armed (memory only; no I/O)."""
        return self._quick is not None and self._quick.is_armed()

    def unlock_with_pin(self, pin: str) -> Store:
        """The quick re-unlock: the PIN opens the KEK held in memory (wrong PINs count in
        memory and in unlock-state.json; the third wipes the key)."""
        from storage.vault import keyslots, throttle
        from storage.vault.crypto import wipe
        from storage.vault.key_access import unlock_with_kek
        from storage.vault.keyslots import KeySlotsDamagedError
        from storage.vault.quick_unlock import QuickUnlockGoneError

        store_id = keyslots.read(self.path).store_id
        tried = self.quick.armed_for(store_id)
        try:
            kek = self.quick.open(store_id, pin)
        except UtvagError:
            if tried:  # a PIN was really tried: counted, audited at the next unlock
                throttle.record_failure(self.path, "quick_pin")
            raise
        try:
            return unlock_with_kek(
                self.path, kek, via="quick_pin", actor=self.actor, actor_from=who_works
            )
        except KeySlotsDamagedError:
            self.quick.wipe()  # the keys were renewed since: the PIN cannot open them
            raise QuickUnlockGoneError() from None
        finally:
            wipe(kek)

    def arm_quick_unlock(self, store: Store, passphrase: str, pin: str, hours: int) -> float:
        """Choose the quick re-unlock PIN (the passphrase opens the KEK once more); audited
        ``quick_unlock.armed``. Returns the wall-clock time it ends."""
        from storage.vault.crypto import wipe
        from storage.vault.quick_unlock import kek_from_passphrase

        store_id, kek = kek_from_passphrase(store.path, passphrase)
        try:
            self.quick.arm(store_id, kek, pin, hours * 3600)
        finally:
            wipe(kek)
        with store.transaction():
            store.audit.append("quick_unlock.armed", details={"minutes": hours * 60})
        return float(self.quick.deadline() or 0.0)

    def unconfirmed_code(self, store: Store) -> str | None:
        """The recovery code kept in the store until confirmed (None when there is none);
        showing it again is audited."""
        from storage.vault.unconfirmed_code import unconfirmed_recovery_code

        return unconfirmed_recovery_code(store)

    def confirm_code(self, store: Store) -> None:
        """ "I have written it down": the kept code is wiped from the store (audited)."""
        from storage.vault.unconfirmed_code import confirm_recovery_code

        confirm_recovery_code(store)

    def identity_text(self, store: Store) -> str:
        """ "Name · unit, municipality" for the status bar ('' when not set)."""
        ident = load_identity(store)
        parts = [
            ident.get("caseworker", ""),
            ", ".join(p for p in (ident.get("unit", ""), ident.get("municipality", "")) if p),
        ]
        return " · ".join(p for p in parts if p)


def save_identity(store: Store, identity: Identity) -> None:
    """Create this installation's identity (names and keys) inside the store."""
    from sync.trust.identity import ensure_identity

    ensure_identity(store, identity.municipality, identity.unit, identity.caseworker)


def load_identity(store: Store) -> dict[str, str]:
    """The identity's names ({} when the store has none yet)."""
    from sync.trust.errors import NoIdentityError
    from sync.trust.identity import get_identity

    try:
        info = get_identity(store)
    except NoIdentityError:
        return {}
    return {key: str(getattr(info, key)) for key in IDENTITY_KEYS}
