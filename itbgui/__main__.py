import sys

from itbgui.cli import main

sys.exit(main())
