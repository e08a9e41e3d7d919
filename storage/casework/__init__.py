"""A case over time: reminders, the timeline, closing with an outcome and the follow-ups after it,
and gallring."""
