"""Wire formats below every signed document: a strict ustar archive and checked fields
(text, times, fingerprints, strict JSON)."""
