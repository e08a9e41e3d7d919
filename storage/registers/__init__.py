"""The registers shared by every case: groups (with their relations) and providers (utförare)
with the control of them."""
