"""Importing case files from another system (the JSON format of docs/case-import.md)."""
