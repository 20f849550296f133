"""Rendering: Markdown that user text cannot break, HTML that cannot run script,
the JSON bundle of docs/report-json.md, sharing, and users' own templates."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from belonging_cli.errors import BelongingError
from belonging_cli.records import JournalData
from belonging_cli.reports.build import build_report
from belonging_cli.reports.charts import Line, sparkline, svg_chart
from belonging_cli.reports.data import render_json, report_data
from belonging_cli.reports.escape import md_inline, md_quote
from belonging_cli.reports.html_text import _parser, markdown_html, safe_link
from belonging_cli.reports.model import Report
from belonging_cli.reports.period import resolve_period
from belonging_cli.reports.render import render, render_user_template
from support import places
from support.report_builders import (
    NOW,
    TODAY,
    answer,
    assignment,
    experiment,
    rubric,
    sample_journal,
    session,
    weeks_back,
)

HOSTILE = (
    "| pipe | # not a heading\n```\nfence\n```\n<script>alert(1)</script> "
    "<img src=x onerror=alert(1)> [x](javascript:alert(1)) <a href='javascript:alert(2)'>a</a> "
    "[y](JAVA\tSCRIPT:alert(3)) *em* _u_ 1. list\n- item\n\n> quote\n    indented\ttab "
    "&amp; $math$ https://example.com/a_b|c. ---\n==="
)


def report_of(data: JournalData, *, share: bool = False, period: str = "quarter") -> Report:
    span = resolve_period(period, today=TODAY, journal_weeks=[s.week for s in data.sessions])
    return build_report(
        data, rubric(), span, now=NOW, share=share, person="Sam", tool_version="0.1.0"
    )


def hostile_journal() -> JournalData:
    """Every user-text field holds markup, script and structure-breaking characters."""
    weeks = weeks_back(3)
    sessions = [
        session(
            week,
            {"cultivate-belonging": 2 + n, "protect-time": 3},
            focus="cultivate-belonging",
            evidence={"cultivate-belonging": (HOSTILE, False)},
            answers=[
                answer(
                    "reflect.1",
                    HOSTILE,
                    week,
                    prompt_id="cultivate-belonging.quietest-voice",
                    behaviour_id="cultivate-belonging",
                    question=HOSTILE,
                ),
                answer("balance", 2 + n, week),
                answer("control", HOSTILE, week),
                answer("influence", HOSTILE, week),
            ],
        )
        for n, week in enumerate(weeks)
    ]
    sessions.append(
        session(
            weeks[-1],
            assignment_id="coach-pack/one",
            answers=[answer("q1", HOSTILE, weeks[-1], question=HOSTILE)],
        )
    )
    return JournalData(
        sessions=tuple(sessions),
        experiments=(
            experiment(weeks[0], "cultivate-belonging", HOSTILE, happened=HOSTILE, learned=HOSTILE),
            experiment(weeks[2], "protect-time", HOSTILE, status="open"),
        ),
        assignments=(assignment("one", "cultivate-belonging", due=TODAY),),
    )


# Markdown ------------------------------------------------------------------------


def commonmark() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table")


def inline_text(markdown: str) -> str:
    """The text a reader sees in rendered inline Markdown (autolinks count as text)."""
    tokens = commonmark().parseInline(markdown)[0].children or []
    assert not any(t.type == "html_inline" for t in tokens), markdown
    return "".join(t.content for t in tokens if t.type in ("text", "code_inline"))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=60))
def test_escaped_text_reads_back_exactly_as_written(text: str) -> None:
    escaped = md_inline(text)
    expected = " ".join(text.split())
    assert inline_text(escaped) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_escaped_text_stays_inside_its_table_cell(text: str) -> None:
    table = f"| a | b |\n| --- | --- |\n| {md_inline(text)} | end |\n"
    tokens = commonmark().parse(table)
    cells = [t for t in tokens if t.type == "td_open"]
    assert len(cells) == 2
    assert [t.type for t in tokens if t.type.startswith(("heading", "bullet", "ordered"))] == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_a_quoted_answer_is_one_block_quote_of_paragraphs(text: str) -> None:
    quoted = md_quote(text)
    if not quoted:
        return
    document = f"Before.\n\n{quoted}\n\nAfter.\n"
    tokens = commonmark().parse(document)
    top = [t.type for t in tokens if t.level == 0]
    assert top == [
        "paragraph_open",
        "paragraph_close",
        "blockquote_open",
        "blockquote_close",
        "paragraph_open",
        "paragraph_close",
    ]
    inside = {t.type for t in tokens if t.level > 0}
    assert inside <= {"paragraph_open", "inline", "paragraph_close"}


def test_the_markdown_report_keeps_its_structure_with_hostile_notes() -> None:
    text = render(report_of(hostile_journal()), "md")
    tokens = commonmark().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Progress report",
        "At a glance",
        "Ratings",
        "Highs and lows",
        "What moved your ratings",
        "Focus reflections",
        "Cultivate belonging",
        "Experiments",
        "Control or influence",
        "Coach exercises",
        "Next week",
    ]
    assert not any(t.type in ("html_block", "html_inline") for t in tokens)
    fences = [t.info for t in tokens if t.type == "fence"]
    assert fences == ["mermaid", "mermaid"]
    # Every row of every table has as many cells as its header: no note split a cell.
    widths: list[int] = []
    for token in tokens:
        if token.type == "tr_open":
            widths.append(0)
        elif token.type in ("th_open", "td_open"):
            widths[-1] += 1
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []


def test_markdown_has_a_mermaid_chart_and_the_report_words() -> None:
    text = render(report_of(sample_journal()), "md")
    assert "```mermaid\nxychart-beta\n" in text
    assert 'y-axis "Level" 1 --> 5' in text
    assert "You reflected in 6 of the 12 weeks" in text
    assert "| 1. Cultivate belonging | 2 | 4 | +2 | 3.0 |" in text
    assert "Suggested focus: **Navigate paradox and tension**" in text
    assert text.endswith("on 27 Nov 2026.\n")


@pytest.mark.skipif(shutil.which("markdownlint") is None, reason="markdownlint-cli not installed")
def test_markdownlint_default_rules_pass_line_length_aside(tmp_path: Path) -> None:
    files = []
    for name, data in (("sample", sample_journal()), ("hostile", hostile_journal())):
        for share in (False, True):
            path = tmp_path / f"{name}-{share}.md"
            path.write_text(render(report_of(data, share=share), "md"), encoding="utf-8")
            files.append(str(path))
    done = subprocess.run(
        ["markdownlint", "--disable", "MD013", "--", *files], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


# HTML ----------------------------------------------------------------------------


EVENT_ATTRIBUTE = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)


def test_html_is_one_safe_self_contained_file() -> None:
    html = render(report_of(hostile_journal()), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html.lower()
    assert not EVENT_ATTRIBUTE.search(html)
    assert "javascript:" not in [m.lower() for m in re.findall(r'href="([^"]*)"', html)]
    assert not re.search(r'href="\s*java', html, re.IGNORECASE)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # nothing fetched
    assert "<style>" in html and "@media print" in html


def test_html_charts_are_inline_svg_with_a_size() -> None:
    html = render(report_of(sample_journal()), "html")
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == 4  # the overview and one per rated behaviour
    assert all(re.search(r'width="\d+" height="\d+"', s) for s in svgs)


@pytest.mark.parametrize(
    "note",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](  JavaScript:alert(1))",
        "[click](java\nscript:alert(1))",
        "<javascript:alert(1)>",
        "[d](data:text/html;base64,PHNjcmlwdD4=)",
        "[v](vbscript:msgbox(1))",
        "![pixel](https://tracker.example/p.png)",
        '<a href="javascript:alert(1)">x</a>',
        "<svg onload=alert(1)>",
    ],
)
def test_a_hostile_note_renders_as_text(note: str) -> None:
    html = markdown_html(note)
    assert "<script" not in html
    assert not EVENT_ATTRIBUTE.search(html)
    assert "<img" not in html and "<svg" not in html
    for href in re.findall(r'href="([^"]*)"', html):
        assert safe_link(href), href


def test_safe_links_are_http_https_mailto_and_relative() -> None:
    assert markdown_html("[site](https://example.org)").count('href="https://example.org"') == 1
    assert 'href="mailto:a@b.org"' in markdown_html("[mail](mailto:a@b.org)")
    assert 'href="notes/week.md"' in markdown_html("[notes](notes/week.md)")
    assert "href" not in markdown_html("[f](file:///etc/passwd)")
    assert "<strong>bold</strong>" in markdown_html("**bold**")
    assert "<h1>" not in markdown_html("# heading")  # a note cannot reshape the report


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_the_plain_prose_shortcut_matches_markdown_it(text: str) -> None:
    assert markdown_html(text) == _parser().render(text)


# JSON ----------------------------------------------------------------------------


def test_json_follows_the_documented_bundle() -> None:
    bundle = json.loads(render(report_of(sample_journal()), "json"))
    assert bundle["format"] == "belonging-report" and bundle["format_version"] == 1
    assert list(bundle) == [
        "format",
        "format_version",
        "format_minor",
        "generated_at",
        "tool_version",
        "person",
        "period",
        "rubric",
        "behaviour_filter",
        "summary",
        "top",
        "ratings",
        "timeline",
        "highlights",
        "focus_reflections",
        "experiments",
        "experiment_links",
        "balance",
        "writing",
        "suggested_next_focus",
        "shared",
        "private_left_out",
        "prep",
        "feedback",
        "goals",
        "evidence",
        "listed",
    ]
    assert "exercises" not in bundle  # absent, not empty, without coach exercises
    assert bundle["generated_at"] == "2026-11-27T18:00:00+00:00"
    assert bundle["period"] == {
        "name": "quarter",
        "start": "2026-09-07",
        "end": "2026-11-29",
        "first_week": "2026-W37",
        "last_week": "2026-W48",
        "weeks": 12,
    }
    assert bundle["rubric"]["id"] == "belonging-core"
    rating = bundle["ratings"][0]
    assert rating["series"][0] == {
        "week": "2026-W43",
        "level": 2,
        "evidence": None,
        "private": False,
        "previous": None,
    }
    assert set(bundle["experiments"]["counts"]) == {
        "tried",
        "partly",
        "not_tried",
        "open",
        "dropped",
        "skipped",
        "total",
    }
    assert bundle["balance"]["series"][-1] == {"week": "2026-W48", "value": 4}
    documented = places.REPO / "docs" / "report-json.md"
    text = documented.read_text(encoding="utf-8")
    assert all(f"`{key}`" in text for key in bundle)


def test_json_streamed_equals_the_plain_data() -> None:
    report = report_of(hostile_journal())
    streamed = json.loads(render_json(report))
    assert streamed == json.loads(json.dumps(report_data(report)))
    assert streamed["exercises"]["items"][0]["state"] == "due"


# Sharing -------------------------------------------------------------------------


SECRETS = ("ZEBRA-REFLECTION", "ZEBRA-EVIDENCE", "ZEBRA-CONTROL", "ZEBRA-EXPERIMENT", "ZEBRA-EX")


def secret_journal() -> JournalData:
    weeks = weeks_back(2)
    return JournalData(
        sessions=(
            session(
                weeks[0],
                {"protect-time": 2},
                evidence={"protect-time": ("ZEBRA-EVIDENCE lives here", True)},
                answers=[
                    answer(
                        "reflect.1",
                        "ZEBRA-REFLECTION about my colleague",
                        weeks[0],
                        prompt_id="protect-time.calendar",
                        behaviour_id="protect-time",
                        private=True,
                    ),
                    answer("control", "ZEBRA-CONTROL note", weeks[0], private=True),
                ],
            ),
            session(weeks[1], {"protect-time": 3}, answers=[answer("balance", 3, weeks[1])]),
            session(
                weeks[1],
                assignment_id="coach-pack/one",
                answers=[answer("q1", "ZEBRA-EX answer", weeks[1], private=True)],
            ),
        ),
        experiments=(
            dataclasses.replace(
                experiment(
                    weeks[0],
                    "protect-time",
                    "ZEBRA-EXPERIMENT title",
                    happened="ZEBRA-EXPERIMENT happened",
                    learned="ZEBRA-EXPERIMENT learned",
                    private=True,
                ),
                happened_private=True,  # each note private on its own
                learned_private=True,
            ),
        ),
        assignments=(assignment("one", "protect-time", due=None),),
    )


def test_private_text_appears_in_no_shared_output(tmp_path: Path) -> None:
    private = report_of(secret_journal())
    shared = report_of(secret_journal(), share=True)
    template = tmp_path / "mine.md"
    template.write_text("{{ report | tojson }}\n", encoding="utf-8")
    for fmt in ("md", "html", "json"):
        normal = render(private, fmt)
        assert all(secret in normal for secret in SECRETS), fmt  # the owner sees everything
        text = render(shared, fmt)
        for secret in SECRETS:
            assert secret not in text, (fmt, secret)
        # An experiment's title and each of its notes are texts of their own: 7, not 5.
        assert "7 private notes left out" in text or '"private_left_out":7' in text
    assert not any(s in render_user_template(shared, template) for s in SECRETS)


# Users' templates ----------------------------------------------------------------


def test_a_user_template_gets_plain_data_and_the_helpers(tmp_path: Path) -> None:
    template = tmp_path / "brief.md"
    template.write_text(
        "{{ report.person.name }}: {{ report.summary.weeks_reflected }} weeks\n"
        "{% for r in report.ratings if r.count %}{{ r.title | md }} {{ r.series | sparkline }}\n"
        "{% endfor %}{{ report.period.start }}\n",
        encoding="utf-8",
    )
    text = render_user_template(report_of(sample_journal()), template)
    assert text.startswith("Sam: 6 weeks\nCultivate belonging ▂▂▄▄▆▆\n")
    assert "2026-09-07\n" in text  # plain data: dates are text


def test_html_templates_are_autoescaped(tmp_path: Path) -> None:
    template = tmp_path / "mine.html"
    template.write_text("<p>{{ report.focus_reflections[0].answer }}</p>", encoding="utf-8")
    html = render_user_template(report_of(hostile_journal()), template)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_markdown_templates_are_not_escaped(tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    template.write_text("{{ '<b>' }} & {{ report.rubric.id }}", encoding="utf-8")
    assert render_user_template(report_of(sample_journal()), template) == "<b> & belonging-core"


def test_a_missing_value_names_the_template_line(tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    template.write_text("line one\n\n{{ report.nope.deeper }}\n", encoding="utf-8")
    with pytest.raises(BelongingError, match=r"mine\.md:3: .*nope"):
        render_user_template(report_of(sample_journal()), template)


def test_a_syntax_error_names_the_template_line(tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    template.write_text("ok\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(BelongingError, match=r"mine\.md:2: "):
        render_user_template(report_of(sample_journal()), template)


def test_the_sandbox_refuses_to_reach_python(tmp_path: Path) -> None:
    template = tmp_path / "evil.md"
    template.write_text("{{ report.__class__.__mro__[1].__subclasses__() }}\n", encoding="utf-8")
    with pytest.raises(BelongingError, match=r"evil\.md:1: "):
        render_user_template(report_of(sample_journal()), template)


def test_a_missing_or_binary_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(BelongingError, match="template not found"):
        render_user_template(report_of(sample_journal()), tmp_path / "none.md")
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(BelongingError, match="UTF-8"):
        render_user_template(report_of(sample_journal()), binary)


# Charts --------------------------------------------------------------------------


def test_sparklines_and_svg_gaps() -> None:
    assert sparkline([1, 2, 3, 4, 5, None]) == "▁▂▄▆█ "
    weeks = weeks_back(5)
    points = [(weeks[0], 2.0), (weeks[1], 3.0), (weeks[3], 4.0)]
    svg = svg_chart([Line("x", points, "#000")], weeks, width=300, height=100, title="t")
    assert svg.count("<polyline") == 1  # the skipped week breaks the line
    assert svg.count("<circle") == 3
    assert 'width="300" height="100"' in svg


def test_reports_over_an_empty_period_still_render() -> None:
    empty = report_of(JournalData())
    assert empty.is_empty
    for fmt in ("md", "html", "json"):
        assert render(empty, fmt)
    assert "No ratings in this period yet." in render(empty, "md")


def test_long_lists_show_the_latest_entries_and_say_so() -> None:
    weeks = weeks_back(200, last="2026-W48")
    sessions = tuple(
        session(
            week,
            {"protect-time": 3},
            answers=[
                answer("reflect.1", f"Note {n}", week, prompt_id="p.x", behaviour_id="protect-time")
            ],
        )
        for n, week in enumerate(weeks)
    )
    text = render(report_of(JournalData(sessions=sessions), period="all"), "md")
    assert "The latest 150 of 200 reflections" in text
    assert "Note 199" in text and "Note 49\n" not in text
    assert dt.date(2026, 11, 27).year == 2026


def test_built_in_templates_come_compiled_with_the_package(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jinja2 import Environment

    report = report_of(sample_journal())
    first = {fmt: render(report, fmt) for fmt in ("md", "html")}
    assert not (isolated_home / "cache").exists()  # nothing compiled is kept in the home

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled a built-in template at run time")

    monkeypatch.setattr(Environment, "compile", no_compiling)
    assert {fmt: render(report, fmt) for fmt in ("md", "html")} == first


def test_a_custom_period_is_named_by_its_dates() -> None:
    span = resolve_period(
        "quarter", today=TODAY, since=dt.date(2026, 10, 1), until=dt.date(2026, 10, 31)
    )
    report = build_report(sample_journal(), rubric(), span, now=NOW)
    text = render(report, "md")
    assert "Covering 28 Sep to 1 Nov 2026.\n" in text
    assert "You reflected in 2 of the 5 weeks (2 sessions)." in text
