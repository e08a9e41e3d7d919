"""Handing a case to another municipality: what is sent, the legal basis, the network-conflict
check, export, import in one transaction, and receipts."""
