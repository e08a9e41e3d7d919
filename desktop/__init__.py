"""Layer 3: the program — entry point, command line, configuration, session, wiring."""
