"""The main window: its frame and menus, the tools menu, settings, the audit log and backup."""
