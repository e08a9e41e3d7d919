"""Who we are and whom we trust: this installation's identity keys, contact cards, contacts with
fingerprint verification, rotation and revocation."""
