"""``python -m wizard``: the same as the ``stappenplan`` command (``stappenplan serve`` uses it)."""

import sys

from wizard.cli import main

if __name__ == "__main__":
    sys.exit(main())
