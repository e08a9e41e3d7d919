"""The records of one case file, each with its repository: case, persons, journal, documents,
consents, assessments, interventions, placements, follow-ups, protected fields, list and search."""
