"""Screenshots of the desktop client: ``python -m devtools.screenshots OUT_DIR``."""
