"""A caseworker's year across cases: gallring with its protocol, the partner register, the
access log, journal templates, reminders reaching the caseworker (notifications, the calendar
file), case files imported from another system, and the *Verktyg* menu that opens them."""
