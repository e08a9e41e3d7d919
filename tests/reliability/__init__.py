"""Reliability and security suite (issue 7): crashes, full disks, hostile files, leaks, brute
force, audit tamper. ``make test`` runs a seeded sample of each; ``make reliability`` runs
the long versions and regenerates docs/reliability.md (scripts/reliability_report.py)."""
