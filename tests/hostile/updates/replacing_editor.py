"""An $EDITOR that replaces $REPLACE_OLD with $REPLACE_NEW in the file it is given."""

import os
import sys
from pathlib import Path

path = Path(sys.argv[1])
text = path.read_text(encoding="utf-8")
path.write_text(text.replace(os.environ["REPLACE_OLD"], os.environ["REPLACE_NEW"]), "utf-8")
