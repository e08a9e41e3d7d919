"""How the GUI runs: the one store worker, how failures are shown, locking (idle, shortcut, OS),
screen-capture privacy and the clipboard."""
