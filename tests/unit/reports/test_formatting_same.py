"""A person's formatting is treated the same in the Markdown and the HTML report (issue 14).

The rule (reports/html_text.py): inline emphasis, links written `[text](url)` to safe
addresses and line breaks are rendered; `#`, `>`, `-`, `*`, `1.`
at a line start, code spans, HTML, entities and backslashes are shown as typed. The
Markdown is read as a viewer reads it (CommonMark); the corpus is
tests/hostile/formatting/notes.yaml.
"""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from belonging_cli.reports.escape import md_note, md_quote
from belonging_cli.reports.html_text import markdown_html
from support import places

CASES: list[dict[str, Any]] = yaml.safe_load(
    (places.HOSTILE / "formatting" / "notes.yaml").read_text(encoding="utf-8")
)


def viewer(markdown: str) -> str:
    """What a Markdown viewer makes of it: CommonMark, as GitHub and editors read it."""
    rendered: str = MarkdownIt("commonmark").render(markdown)
    return rendered


def seen(fragment: str) -> dict[str, Any]:
    """What a reader notices in an HTML fragment: the text, what is bold or in italics,
    where links go; block structure (headings, lists, quotes, code) is counted."""
    flat = re.sub(r"<br ?/?>|\s+", " ", fragment)

    def inner(tag: str) -> list[str]:
        found = re.findall(rf"<{tag}>(.*?)</{tag}>", flat)
        return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", f)).split()) for f in found]

    return {
        "shown": " ".join(html.unescape(re.sub(r"<[^>]+>", "", flat)).split()),
        "strong": inner("strong"),
        "em": inner("em"),
        "links": re.findall(r'href="([^"]*)"', flat),
        "blocks": re.findall(r"<(h\d|ul|ol|li|hr|code|pre|table|img)\b", flat),
    }


def expected(case: dict[str, Any]) -> dict[str, Any]:
    return {
        "shown": case["shown"],
        "strong": case.get("strong", []),
        "em": case.get("em", []),
        "links": case.get("links", []),
        "blocks": [],
    }


def outer(fragment: str, tag: str) -> str:
    """The fragment inside the one `tag` element a note or quote is written in."""
    found = re.search(rf"<{tag}>(.*)</{tag}>", fragment, re.S)
    assert found is not None, fragment
    return found.group(1)


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:30] for c in CASES])
def test_the_html_and_the_markdown_show_a_note_alike(case: dict[str, Any]) -> None:
    text = case["text"]
    want = expected(case)
    assert seen(markdown_html(text)) == want
    # A note in a list item (md_note) and a quoted answer (md_quote), read by a viewer.
    assert seen(outer(viewer(f"- {md_note(text)}\n"), "li")) == want
    assert seen(outer(viewer(md_quote(text) + "\n"), "blockquote")) == want


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab *_#>-1.`[]()\n\\&<"), max_size=40))
def test_any_note_reads_the_same_in_both(text: str) -> None:
    from_html = seen(markdown_html(text))
    quoted = md_quote(text)
    from_md = seen(outer(viewer(quoted + "\n"), "blockquote")) if quoted else seen("")
    assert from_md == from_html


def test_a_bare_web_address_links_in_the_markdown_only() -> None:
    # The one difference: markdownlint asks the Markdown for no bare URL, and the HTML
    # file links nowhere it was not asked to (its own test: nothing fetched, no href).
    text = "**Read** https://example.org/a_b."
    assert seen(markdown_html(text))["links"] == []
    assert seen(outer(viewer(md_quote(text) + "\n"), "blockquote"))["links"] == [
        "https://example.org/a_b"
    ]
    assert seen(markdown_html(text))["shown"] == "Read https://example.org/a_b."


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("_1*1*_", "<p><em>11</em></p>"),  # italic in italic: italic once
        ("*1*_1_", "<p><em>11</em></p>"),  # two side by side: one
        ("*a* and *b*", "<p><em>a</em> and <em>b</em></p>"),  # apart: two
    ],
)
def test_emphasis_markdown_cannot_write_back_is_given_the_shape_it_can(
    text: str, html: str
) -> None:
    assert markdown_html(text).strip() == html
    assert seen(outer(viewer(md_quote(text) + "\n"), "blockquote")) == seen(markdown_html(text))
