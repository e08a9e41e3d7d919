"""The case list, its item model, the case picker and the reminders."""
