"""Properties of reading a hand-edited feedback aggregate (issue 17): whatever figures
an editor changes and however the file is laid out, an aggregate that shows anything
drawn from fewer than three raters is never imported, and the refusal's place is
always inside the file, on a figure."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.errors import BelongingError
from belonging_cli.feedback.aggregate_file import parse_aggregate
from support.feedback_samples import five_raters_three_groups

NAME = "aggregate.json"
PLACE = re.compile(rf"^{re.escape(NAME)}:(\d+):(\d+): ")
SAMPLE = five_raters_three_groups()
# Every count in the sample an editor could change: its key path.
COUNTS: list[tuple[str | int, ...]] = [("raters", "total"), ("raters", "groups", "direct-report")]
for _i, _b in enumerate(SAMPLE["behaviours"]):
    if _b["level"] is not None:
        COUNTS.append(("behaviours", _i, "level", "n"))
        COUNTS += [("behaviours", _i, "level", "by_group", g, "n") for g in _b["level"]["by_group"]]
    COUNTS += [("behaviours", _i, "look_fors", k, "n") for k in range(len(_b["look_fors"]))]


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    at: Any = data
    for key in path[:-1]:
        at = at[key]
    at[path[-1]] = value


@st.composite
def layouts(draw: st.DrawFn, data: dict[str, Any]) -> bytes:
    """The aggregate as some editor might leave it: indented or not, CRLF, a BOM."""
    indent = draw(st.sampled_from([None, 0, 1, 2, 4, "\t"]))
    spaced = draw(st.booleans())
    separators = (", ", ": ") if spaced else (",", ":")
    text = json.dumps(data, indent=indent, separators=separators, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    return b"\xef\xbb\xbf" + raw if draw(st.booleans()) else raw


@st.composite
def edited(draw: st.DrawFn) -> tuple[dict[str, Any], bytes]:
    """The sample with some counts changed (to anything 0-6), maybe a group added."""
    data = copy.deepcopy(SAMPLE)
    for path in draw(st.lists(st.sampled_from(COUNTS), min_size=1, max_size=4)):
        _set(data, path, draw(st.integers(0, 6)))
    if draw(st.booleans()):
        group = draw(st.sampled_from(["peer", "manager", "others"]))
        data["raters"]["groups"][group] = draw(st.integers(0, 6))
        data["raters"]["total"] += draw(st.integers(-2, 6))
        data["raters"]["total"] = max(0, data["raters"]["total"])
    return data, draw(layouts(data))


def shows_too_few(data: dict[str, Any]) -> bool:
    """The spec, said again as a reader of the aggregate would check it by hand: a
    count under three anywhere, groups counting more than the round, a group's level
    from a group not among the raters, or a level whose answers outside the groups
    shown are one or two (the overall figure minus the groups' would reveal them)."""
    raters = data["raters"]
    groups = raters["groups"]
    if raters["total"] < 3 or any(n < 3 for n in groups.values()):
        return True
    if sum(groups.values()) > raters["total"]:
        return True
    for b in data["behaviours"]:
        if any(f["n"] < 3 for f in b["look_fors"]):
            return True
        level = b["level"]
        if level is None:
            continue
        shown = level["by_group"]
        if level["n"] < 3 or any(g not in groups or s["n"] < 3 for g, s in shown.items()):
            return True
        if 0 < level["n"] - sum(s["n"] for s in shown.values()) < 3:
            return True
    return False


@settings(max_examples=300, deadline=None)
@given(edited())
def test_an_aggregate_showing_too_few_is_never_imported(case: tuple[dict[str, Any], bytes]) -> None:
    data, raw = case
    try:
        parse_aggregate(raw, NAME)
    except BelongingError:
        return
    assert not shows_too_few(data)


@settings(max_examples=300, deadline=None)
@given(edited())
def test_a_refusal_is_located_on_a_figure_inside_the_file(
    case: tuple[dict[str, Any], bytes],
) -> None:
    data, raw = case
    if not shows_too_few(data):
        return
    try:
        parse_aggregate(raw, NAME)
    except BelongingError as refused:
        message = str(refused)
    else:
        raise AssertionError("imported an aggregate showing too few raters")
    found = PLACE.match(message)
    assert found is not None, message
    assert "anonymity" in message
    line, column = int(found[1]), int(found[2])
    rows = raw.decode("utf-8-sig").replace("\r\n", "\n").split("\n")
    assert 1 <= line <= len(rows), message
    assert 1 <= column <= len(rows[line - 1]), message
    # A count, or the object of a group's level (for a group not among the raters);
    # never the whole aggregate's opening brace.
    assert (line, column) != (1, 1), message
    assert re.match(r"[0-9{]", rows[line - 1][column - 1 :]), (message, rows[line - 1])
