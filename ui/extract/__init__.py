"""Extracts and printing: the extract dialog (sections, period, sekretessprövning), the
rendering of an extract as PDF in memory and on a printer."""
