"""What `journal list` prints: summaries as a plain table or JSON.

Listing is on a latency budget (150 ms over a 10-year journal, end to end), so
the table is plain text, not rich's (see `columns`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from belonging_cli.journal.loading import SessionSummary

EMPTY_MESSAGE = "No reflections yet. Start your first with `belonging reflect`."
NO_MATCH_MESSAGE = "No sessions match those filters."
HEADERS = ("date", "id", "flow", "focus", "avg", "tags", "status")


def summary_dict(s: SessionSummary) -> dict[str, Any]:
    average = s.average_rating
    return {
        "id": s.id,
        "date": s.started_at.date().isoformat(),
        "week": s.week,
        "flow_id": s.flow_id,
        "status": s.status,
        "focus_behaviour_id": s.focus_behaviour_id,
        "average_rating": None if average is None else round(average, 2),
        "tags": list(s.tags),
        "started_at": s.started_at.isoformat(),
    }


def columns(
    headers: Sequence[str],
    rows: list[list[str]],
    right: frozenset[int],
    *,
    width: int | None = None,
    shrink: Sequence[int] = (),
) -> str:
    """A plain aligned table. Rich's Table takes ~1 ms a row; a 10-year journal has 520.

    Too wide for `width`, the columns in `shrink` give up room (the widest first, down
    to their header's width), their cells shortened at a word.
    """
    from belonging_cli.fitting import shorten

    widths = _widths(headers, rows)
    if width is not None:
        over = sum(widths) + 2 * (len(widths) - 1) - width
        while over > 0:
            wide = [i for i in shrink if widths[i] > max(len(headers[i]), 4)]
            if not wide:
                break
            widest = max(wide, key=lambda i: widths[i])
            widths[widest] -= 1
            over -= 1
        rows = [[shorten(c, widths[i]) for i, c in enumerate(r)] for r in rows]

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)]) + "\n"


def render(
    found: list[SessionSummary],
    *,
    as_json: bool,
    empty_journal: bool,
    titles: Mapping[str, str] | None = None,
) -> str:
    """What `journal list` prints for `found` (newest first): the focus by its title
    (`titles`; its id when unknown), fitted to the terminal's width."""
    from belonging_cli.fitting import text_width
    from belonging_cli.reports.words import one_decimal
    from belonging_cli.safe_text import strip_controls

    if as_json:
        import json  # here, not at the top: the table needs none

        return json.dumps([summary_dict(s) for s in found], indent=2, ensure_ascii=False) + "\n"
    if not found:
        return (EMPTY_MESSAGE if empty_journal else NO_MATCH_MESSAGE) + "\n"
    titles = titles or {}
    rows = [
        [
            s.started_at.date().isoformat(),
            s.id[:8],
            strip_controls(s.flow_id),
            strip_controls(titles.get(s.focus_behaviour_id or "", s.focus_behaviour_id or "")),
            "" if s.average_rating is None else one_decimal(s.average_rating),
            strip_controls(", ".join(s.tags)),  # typed text: never a terminal's escapes
            s.status,
        ]
        for s in found
    ]
    headers = list(HEADERS)
    width = text_width()
    if width is not None and _too_wide(headers, rows, width):
        # A column that says the same on every line says nothing: on a narrow screen
        # its room goes to the focus and the tags.
        for name in ("status", "flow"):
            i = headers.index(name)
            if len({r[i] for r in rows}) == 1 and _too_wide(headers, rows, width):
                del headers[i]
                rows = [r[:i] + r[i + 1 :] for r in rows]
    shrink = [headers.index(name) for name in ("focus", "tags", "flow") if name in headers]
    right = frozenset({headers.index("avg")})
    return columns(headers, rows, right=right, width=width, shrink=shrink)


def _widths(headers: Sequence[str], rows: list[list[str]]) -> list[int]:
    return [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]


ROOMY = 20  # a focus or tags cell this wide reads well enough to keep every column


def _too_wide(headers: Sequence[str], rows: list[list[str]], width: int) -> bool:
    """Whether the table is too wide even with the focus and tags cut to ROOMY."""
    widths = _widths(headers, rows)
    for i, name in enumerate(headers):
        if name in ("focus", "tags"):
            widths[i] = min(widths[i], ROOMY)
    return sum(widths) + 2 * (len(headers) - 1) > width
