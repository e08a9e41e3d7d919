"""A case's needs and plan: needs assessments, psychiatry and addiction contacts, SIP,
decisions and appeals, what a follow-up evaluates, and why a case ended."""
