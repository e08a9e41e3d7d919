"""Knowledge shared between units and coordinators: the signed method-register file."""
