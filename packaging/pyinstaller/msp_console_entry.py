"""Entry point of the frozen app: the same `msp-console` command line as the installed package."""

import sys

from msp_console.cli import main

if __name__ == "__main__":
    sys.exit(main())
