"""Extracts (utdrag ur personakt, registerutdrag): what goes in, the sekretessprövning of
every protected or third-party item, the editable grounds for withholding, and the audit."""
