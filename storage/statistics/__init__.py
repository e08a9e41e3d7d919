"""Statistics for national follow-up and the state grant: tables, suppression, exports."""
