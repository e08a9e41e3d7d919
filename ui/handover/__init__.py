"""Handover: the wizard that sends a case, and the dialog that imports a bundle and answers it."""
