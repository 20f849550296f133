"""Markdown escaping made fast (issue 19: it was half of drawing a roll-up) escapes every
text exactly as the escape it replaced: the reference below is that code, kept as it was.

Any text, and the hostile corpus (tests/hostile/rollup_speed/markdown_texts.json): pipes,
headings, list markers, numbered starts, entities, web addresses, emphasis."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.reports.escape import md_cell, md_inline, md_lines

CORPUS = Path(__file__).resolve().parents[1] / "hostile" / "rollup_speed" / "markdown_texts.json"

# The escape as it was before issue 19's speed work (reports/escape.py, 1 Dec 2026).
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~$])")
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(#+|[-+=]+|\d{1,9}[.)])(?=\s|$)")
_URL = re.compile(r"https?://[^\s<>|`\\\"'{}\[\]]+")
_URL_TAIL = ".,;:!?)'\""


def _old_plain(text: str) -> str:
    return _ENTITY.sub(r"\\&", _ANYWHERE.sub(r"\\\1", text))


def _old_text(text: str) -> str:
    parts: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(_URL_TAIL)
        if len(url) <= len("https://"):
            continue
        parts.append(_old_plain(text[position : match.start()]))
        parts.append(f"<{url}>")
        position = match.start() + len(url)
    parts.append(_old_plain(text[position:]))
    return "".join(parts)


def _old_line_start(escaped: str) -> str:
    start = _LINE_START.match(escaped)
    if start is None:
        return escaped
    token = start.group(1)
    if token[0].isdigit():
        return token[:-1] + "\\" + escaped[len(token) - 1 :]
    return "\\" + escaped


def old_md_inline(text: object) -> str:
    return _old_line_start(_old_text(" ".join(str(text).split())))


def old_md_cell(text: object) -> str:
    return old_md_inline(text if text is not None else "") or "\u2013"


def corpus() -> list[str]:
    return list(json.loads(CORPUS.read_text(encoding="utf-8")))


# Text made of what Markdown reads as structure, so most draws hold some of it.
PIECES = st.sampled_from(
    [*"\\`*_[]<>|~$&#-+=.)0123456789 \t\nab;ü", "http://", "https://", "&amp;", "&#60;"]
)
MARKDOWNISH = st.lists(PIECES, max_size=30).map("".join)


@pytest.mark.parametrize("text", corpus())
def test_the_corpus_is_escaped_as_before(text: str) -> None:
    assert md_inline(text) == old_md_inline(text)
    assert md_cell(text) == old_md_cell(text)


@settings(max_examples=600, deadline=None)
@given(st.one_of(MARKDOWNISH, st.text(max_size=60)))
def test_any_text_is_escaped_as_before(text: str) -> None:
    assert md_inline(text) == old_md_inline(text)
    assert md_cell(text) == old_md_cell(text)


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_lines_without_formatting_are_escaped_as_before(text: str) -> None:
    plain = text.replace("*", "").replace("_", "").replace("[", "")
    expected: list[str] = []
    for raw in plain.splitlines():
        line = " ".join(raw.split())
        if line or (expected and expected[-1]):
            expected.append(old_md_inline(line))
    while expected and not expected[-1]:
        expected.pop()
    assert md_lines(plain) == expected
