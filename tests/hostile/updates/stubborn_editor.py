"""An $EDITOR that always writes the same text back, however often it is reopened.

After 50 runs it fails instead (exit 99), so a tool that would reopen it forever
fails its test instead of hanging it.
"""

import os
import sys
from pathlib import Path

source = Path(os.environ["STUBBORN_TEXT"])
runs = Path(f"{source}.runs")
with runs.open("a", encoding="utf-8") as log:
    log.write("ran\n")
if len(runs.read_text(encoding="utf-8").splitlines()) > 50:
    sys.exit(99)
Path(sys.argv[1]).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
