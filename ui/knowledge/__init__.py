"""What a programme learns from its cases: follow-up, the provider register, statistics and the
state grant."""
