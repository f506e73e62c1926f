"""Start ITB Coach from a source checkout: ``python main.py [--data-dir DIR]``."""

import sys

from itbgui.cli import main

if __name__ == "__main__":
    sys.exit(main())
