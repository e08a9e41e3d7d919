"""The national report as a bundle: sealed for a verified coordinator contact, and opened,
verified and kept at the coordinator (docs/national-report.md)."""
