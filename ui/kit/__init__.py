"""Pieces every screen shares: labels and vocabularies, masked fields, small dialog helpers, the
new-passphrase input."""
