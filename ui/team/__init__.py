"""Team continuity in the GUI: the case's colleagues and conflicts, sharing, "Synka nu"."""
