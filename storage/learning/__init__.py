"""Learning from the cases without a register of persons: the national report (its format
and export), a coordinator's received reports and their merge, the pseudonymised research
extract with its k-anonymity check."""
