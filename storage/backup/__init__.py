"""Encrypted backups of a store: the archive format, making and checking a backup, restoring one."""
