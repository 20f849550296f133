"""A page printed by headless chromium, and how many pages its PDF has.

pages = printed_pages(chromium, page, tmp_path)   # the page printed to PDF: its pages
"""

from __future__ import annotations

import re
from pathlib import Path

from support.chromium import run_chromium


def pages_of(pdf: Path) -> int:
    """The pages of a PDF chromium wrote: its page objects (not the /Pages tree)."""
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf.read_bytes()))


def printed_pages(chromium: str, page: Path, folder: Path) -> int:
    """Print `page` to a PDF in `folder` with chromium's defaults (A4 or Letter, as the
    machine's locale says, with margins); how many pages it takes."""
    pdf = folder / f"{page.stem}.pdf"
    run_chromium(chromium, page, folder / f"profile-{page.stem}", f"--print-to-pdf={pdf}")
    return pages_of(pdf)
