"""`python -m belonging_cli` runs the same entry point as the `belonging` command."""

import sys

from belonging_cli.main import main

sys.exit(main())
