"""Getting in: the first-run wizard, the keyring check, unlock, recovery, the recovery code and
restore from a backup."""
