"""The HTML report's overview chart says what it draws: a journal of the 2.0 weekly (the
demo) has no control-influence scale, so its caption names no dashed line."""

from __future__ import annotations

from pathlib import Path

from support.cli import CliRunner


def test_a_2_0_journal_s_chart_caption_names_no_balance_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    home, page = tmp_path / "demo", tmp_path / "r.html"
    assert cli("demo", str(home), "--weeks", "8").code == 0
    made = cli("--home", str(home), "report", "--format", "html", "--out", str(page))
    assert made.code == 0, made.err
    html = page.read_text(encoding="utf-8")
    assert "<b>Ratings by week.</b>" in html
    assert "(dashed)" not in html
