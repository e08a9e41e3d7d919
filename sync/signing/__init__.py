"""minisign-compatible Ed25519 signatures."""
