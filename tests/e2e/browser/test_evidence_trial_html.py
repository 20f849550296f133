"""The HTML report's Evidence tables in headless chromium: a week stays on one line
('2026-W09', never '2026-' over 'W09') however long the rating's heading beside it."""

from __future__ import annotations

import json
import re
from pathlib import Path

from support.chromium import require_chromium, run_chromium
from support.cli import CliRunner
from support.evidence_reports import PERIOD, evidence_journal

# Measures each Evidence week cell against one line of its own text, in the page.
PROBE = """<script>
const out = [];
for (const cell of document.querySelectorAll('#measured tbody td:first-child')) {
  const line = document.createElement('span');
  line.textContent = 'X';
  cell.appendChild(line);
  out.push([cell.firstChild.textContent, cell.getBoundingClientRect().height,
            line.getBoundingClientRect().height]);
  line.remove();
}
document.body.setAttribute('data-weeks', JSON.stringify(out));
</script>"""


def test_a_week_stays_on_one_line_in_a_narrow_window(cli: CliRunner, tmp_path: Path) -> None:
    chromium = require_chromium()
    evidence_journal(cli)
    done = cli("report", *PERIOD, "--format", "html")
    assert done.code == 0, done.err
    # The page as the report wrote it, but for its policy (which refuses any script)
    # and the probe.
    page = tmp_path / "report.html"
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", done.out)
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom, _ = run_chromium(chromium, page, tmp_path / "profile", "--dump-dom", size=(480, 900))
    found = re.search(r"data-weeks=\"([^\"]*)\"", dom)
    assert found is not None, dom[-2000:]
    weeks = json.loads(found.group(1).replace("&quot;", '"'))
    assert [w for w, _, _ in weeks][:2] == ["2026-W06", "2026-W07"]
    padding = 20  # the cell's own top and bottom padding, and its border, with room
    for week, cell, line in weeks:
        assert cell <= line + padding, f"{week} takes {cell}px: more than one line ({line}px)"


def test_the_css_keeps_the_week_column_unwrapped(cli: CliRunner) -> None:
    evidence_journal(cli)
    html = cli("report", *PERIOD, "--format", "html").out
    assert "#measured td:first-child" in html and "white-space: nowrap" in html
