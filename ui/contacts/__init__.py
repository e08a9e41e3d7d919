"""Contacts: other units' cards, fingerprint verification (digits and QR code)."""
