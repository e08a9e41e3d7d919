"""Team continuity (docs/sync.md): colleagues on a shared case, change bundles, the folder."""
