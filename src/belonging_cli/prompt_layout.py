"""Questions, choices and typed answers laid out to the terminal's real width, at words.

prompt_toolkit wraps whatever is wider than the terminal by character ("(Enter keeps
the high" / "lighted one)"); so before asking, ask.py has every question, instruction
and choice title broken here at spaces, continuation lines indented under the text
they continue, and a typed answer is shown by `TypedWrap`, which moves a word that
would cross the edge to the next row. Imported only when a question is asked.
"""

from __future__ import annotations

from typing import Any

from belonging_cli.fitting import fold, terminal_columns

TYPED_PROMPT = ">  "  # questionary's text prompt as ask.py draws it: qmark ">", no message
CHECKBOX_COLUMN = 5  # a checkbox's titles start after " » " and "○ "


def width() -> int:
    """The columns a line may take: the terminal's real width, less one (a line that
    fills the last column makes some terminals wrap twice)."""
    return max(40, terminal_columns() - 1)


def paragraph(text: str, indent: str | None = None) -> str:
    """`text` wrapped at words; each line's continuation goes under its text (under the
    words after "? " for a question) unless `indent` says where."""
    lines = []
    for part in text.split("\n"):
        if not part.strip():
            lines.append(part)
            continue
        lead = part[: len(part) - len(part.lstrip(" "))]
        under = (
            indent
            if indent is not None
            else lead + ("  " if part.lstrip().startswith("? ") else "")
        )
        lines += fold(part, width(), under)
    return "\n".join(lines)


def hints(*parts: str) -> str:
    """Hints in brackets under a question, wrapped between them rather than inside one
    where each fits a line ("Enter: done" stays together)."""
    units = [unit for part in parts if part for unit in part.split(" · ")]
    glued = [unit.replace(" ", "\x00") for unit in units]
    if not glued:
        return ""
    lines = fold(f"  ({' · '.join(glued)})", width(), "   ")
    return "\n".join(lines).replace("\x00", " ")


def laid_out(
    message: str, instruction: str, titles: list[str], column: int
) -> tuple[str, list[str]]:
    """A choice's message and titles for questionary, whose choices start at `column`
    (pointer and shortcut before them): titles wrapped under themselves; a question
    that, with its instruction or its answer after it, is wider than the terminal is
    wrapped under itself, and the instruction (later the answer) gets a line of its own
    at the choices' column."""
    room = width()
    titles = ["\n".join(fold(t, room, " " * column, start=column)) for t in titles]
    if not message:
        return message, titles
    lines = fold(f"? {message}", room, "  ")
    tail = max([instruction, *(t.split("\n")[0] for t in titles)], key=len)
    if len(lines) == 1 and len(lines[0]) + 1 + len(tail) <= room:
        return message, titles
    # questionary draws "?", a space, the message and a space before what follows.
    return "\n".join(lines)[2:] + "\n" + " " * (column - 1), titles


def typed_wrap() -> dict[str, Any]:
    """questionary.text's options that show a typed answer wrapped at words, its rows
    indented under the first."""
    return {
        "input_processors": [TypedWrap(len(TYPED_PROMPT))],
        "prompt_continuation": " " * len(TYPED_PROMPT),
    }


class TypedWrap:
    """A prompt_toolkit input processor: before a word that would cross the terminal's
    edge, display-only spaces that fill the row, so the word starts the next one. What
    is typed is unchanged; the cursor is mapped across the spaces."""

    def __init__(self, prompt: int) -> None:
        self.prompt = prompt  # the first row starts after the prompt, the others under it

    def apply_transformation(self, ti: Any) -> Any:
        from prompt_toolkit.formatted_text.utils import fragment_list_to_text
        from prompt_toolkit.layout.processors import Transformation
        from prompt_toolkit.layout.utils import explode_text_fragments

        fragments = explode_text_fragments(ti.fragments)
        text = fragment_list_to_text(fragments)
        pads = _pads(text, self.prompt, self.prompt, ti.width)
        if not pads:
            return Transformation(ti.fragments)
        shown: list[Any] = []
        for i, fragment in enumerate(fragments):
            if i in pads:
                shown.append((fragment[0], " " * pads[i]))
            shown.append(fragment)

        def to_display(i: int) -> int:
            return i + sum(p for k, p in pads.items() if k <= i)

        def to_source(d: int) -> int:
            i = 0
            while i < len(text) and to_display(i + 1) <= d:
                i += 1
            return i

        return Transformation(shown, source_to_display=to_display, display_to_source=to_source)


def _pads(text: str, start: int, under: int, columns: int) -> dict[int, int]:
    """Spaces to show before each word that would otherwise be split at the edge, as the
    window wraps: a row is `columns` wide, the first starts at `start`, the others at
    `under`. A word longer than a row is left to the window (it cannot fit whole)."""
    pads: dict[int, int] = {}
    x = start
    for i, ch in enumerate(text):
        if ch != " " and (i == 0 or text[i - 1] == " "):
            end = text.find(" ", i)
            length = (len(text) if end < 0 else end) - i
            if x + length > columns and x > under and length <= columns - under:
                pads[i] = columns - x
                x = columns
        if x + 1 > columns:
            x = under
        x += 1
    return pads
