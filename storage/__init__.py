"""Layer 0: the encrypted store, records and rules, search, audit. Never imports Qt."""
