"""Layer 1: what crosses the laptop's edge — identities, contacts, bundles, handover, receipts.

Never imports Qt.
"""
