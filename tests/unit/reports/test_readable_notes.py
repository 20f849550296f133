"""A person's line breaks are kept in the Markdown and the HTML report alike."""

from __future__ import annotations

from markdown_it import MarkdownIt

from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.escape import md_note
from belonging_cli.reports.html_text import markdown_html
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render
from support.report_builders import NOW, TODAY, rubric, session

NOTE = "René said the Q1 date is fixed.\nIf both are true, we cut scope.\n- not a list"


def test_html_keeps_a_notes_line_breaks() -> None:
    html = markdown_html("René said the Q1 date is fixed.\nIf both are true,\nwe cut scope.")
    assert html.count("<br") == 2


def test_markdown_keeps_a_notes_line_breaks_inside_a_list_item() -> None:
    item = "- W45, Cultivate belonging: " + md_note(NOTE)
    tokens = MarkdownIt("commonmark").parse(item)
    inline = next(t for t in tokens if t.type == "inline")
    kinds = [c.type for c in inline.children or []]
    assert kinds.count("hardbreak") == 2
    assert [t.type for t in tokens].count("bullet_list_open") == 1  # one item, not three
    text = "".join(c.content for c in inline.children or [] if c.type == "text")
    assert "If both are true, we cut scope." in text and "- not a list" in text


def test_the_markdown_report_keeps_rating_notes_lines() -> None:
    week = "2026-W48"
    data = JournalData(
        sessions=(
            session(
                week, {"cultivate-belonging": 3}, evidence={"cultivate-belonging": (NOTE, False)}
            ),
        )
    )
    span = resolve_period("quarter", today=TODAY, journal_weeks=[week])
    text = render(build_report(data, rubric(), span, now=NOW, share=False), "md")
    assert "René said the Q1 date is fixed.\\\n  If both are true, we cut scope.\\\n" in text
