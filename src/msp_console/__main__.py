"""`python -m msp_console`: the same as the `msp-console` command (Help → Open the demo starts it so)."""

import sys

from msp_console.cli import main

sys.exit(main())
