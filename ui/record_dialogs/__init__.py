"""Small dialogs that create or change one record of a case file through the domain."""
