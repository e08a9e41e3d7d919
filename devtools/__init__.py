"""Developer tools that never ship in the app: translations, the demo launcher, screenshots."""
