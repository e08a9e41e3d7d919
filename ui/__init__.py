"""Layer 2: Qt widgets, item models, dialogs, translations. Talks to the core through its APIs."""
