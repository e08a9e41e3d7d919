"""Team continuity in the store: stable record ids, the operation log, the clock, merging."""
