"""``python -m devtools.screenshots OUT_DIR``: render every screen to PNG."""

import sys

from devtools.screenshots.run import main

raise SystemExit(main(sys.argv[1:]))
