"""Put the engine's questions to a person in the terminal. The only module using questionary.

Each question is asked with `unsafe_ask()` (plain `.ask()` swallows Ctrl-C and
returns None); Ctrl-C and Ctrl-D become `Interrupted`, which the caller turns into
"your draft is kept" (words half typed at a text prompt come with it: `Typed`).
Text answers can flip their privacy with a marker at the end: `#private` or `#share`.

No question is answered by a single key: a yes/no is a choice of two spelled-out
answers, taken with Enter, and letters typed at a choice do nothing (j and k do not
move it), so a sentence typed at the wrong moment can never answer one or reach
the shell.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from belonging_cli.engine.privacy import PRIVATE_MARK, SHARE_MARK, privacy_marker
from belonging_cli.engine.questions import AGAIN_CHOICE, OWN_CHOICE, Question
from belonging_cli.errors import Interrupted
from belonging_cli.records import AnswerValue

LONG_TEXT_KEYS = "Enter: done · Esc Enter: new line · Ctrl-X Ctrl-E: editor"


def terminal_available() -> bool:
    """Whether a person can answer: standard input and output are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def _width() -> int:
    """The columns a line may take: the terminal's real width, less one."""
    import shutil

    return max(40, shutil.get_terminal_size().columns - 1)


def say(text: str = "", style: str | None = None, indent: str = "") -> None:
    """A paragraph for the person answering, wrapped at word boundaries to the terminal."""
    import textwrap

    import questionary

    width = _width()
    lines = [
        textwrap.fill(part, width=width, subsequent_indent=indent) if part else ""
        for part in text.split("\n")
    ]
    questionary.print("\n".join(lines), style=style)


class _Shown:
    """The last help text shown: a step's help is said once, not before each of its questions."""

    help: str | None = None


def _run(prompt: Any, typing: Question | None = None) -> Any:
    """The prompt's answer; for a `typing` question, Ctrl-C keeps the words typed so far."""
    try:
        answer = prompt.unsafe_ask()
    except (KeyboardInterrupt, EOFError):
        words = prompt.application.current_buffer.text if typing is not None else ""
        if typing is not None and words.strip():
            from belonging_cli.engine.sources import Typed

            raise Typed(typing, words) from None
        raise Interrupted() from None
    if answer is None:  # a closed prompt
        raise Interrupted()
    return answer


def ask(question: Question) -> tuple[AnswerValue, bool | None]:
    """Ask one question; the answer and, for text, a privacy flip (None: the default)."""
    if question.help and question.help != _Shown.help:
        say(question.help, style="italic")
    _Shown.help = question.help
    if question.ask == "rate":
        return _rate(question)
    if question.ask == "info" and question.message:
        say(f"\n{question.message}", style="bold")  # an info step's heading ("Your month")
    for line in question.details:
        say(line)
    if question.ask == "info":
        return None, None
    asker = _ASKERS[question.ask]
    return asker(question)


def _text(question: Question) -> tuple[AnswerValue, bool | None]:
    import questionary

    multiline = question.ask == "long_text"
    note = _privacy_note(question)
    keys = LONG_TEXT_KEYS if multiline else ""
    # The question goes on its own line(s): prompt_toolkit cannot lay out a
    # multi-line input whose prompt is wider than the terminal.
    say(f"? {question.message}", style="bold")
    hint = " · ".join(part for part in (note, keys) if part)
    if hint:
        say(f"  ({hint})", style="fg:ansibrightblack")
    extra: dict[str, Any] = {}
    if multiline:
        extra = {"key_bindings": _enter_submits(), "enable_open_in_editor": True}
    default = question.default if isinstance(question.default, str) else ""
    if question.check is not None:
        check = question.check
        extra["validate"] = lambda text: check(text) or True
    prompt = questionary.text(
        "", qmark=">", default=default, multiline=multiline, instruction="", **extra
    )
    raw = str(_run(prompt, question))
    if question.private is None:
        return raw.strip(), None
    return privacy_marker(raw)


def _privacy_note(question: Question) -> str:
    if question.private is None or question.kind == "tags":
        return ""
    if question.private:
        return f"private, or end with {SHARE_MARK}"
    return f"shared, or end with {PRIVATE_MARK}"


def _enter_submits() -> Any:
    """Enter submits a long answer; Esc Enter (or Alt-Enter) starts a new line."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("enter")
    def _submit(event: Any) -> None:
        event.current_buffer.validate_and_handle()

    @bindings.add("escape", "enter")
    def _newline(event: Any) -> None:
        event.current_buffer.insert_text("\n")

    return bindings


def _select(question: Question) -> tuple[AnswerValue, bool | None]:
    import questionary

    shortcuts = len(question.choices) <= 10
    choices = [
        questionary.Choice(
            title=_title(question, c.title) if shortcuts else c.title,
            value=c.value,
            shortcut_key=str((i + 1) % 10) if shortcuts else True,
        )
        for i, c in enumerate(question.choices)
    ]
    values = question.choice_values()
    default: Any = question.default if question.default in values else None
    prompt = questionary.select(
        question.message,
        choices=choices,
        default=default,
        use_shortcuts=shortcuts,
        use_jk_keys=False,  # letters typed here must not move the choice
        instruction="(Enter keeps the highlighted one)" if default is not None else None,
    )
    answer = _run(prompt)
    if question.ask == "experiment" and answer == AGAIN_CHOICE:
        answer = _again(question)
        if answer == AGAIN_CHOICE:  # back to the new ones
            return _select(question)
    if question.ask == "experiment" and answer == OWN_CHOICE:
        note = _privacy_note(question)  # the engine takes the marker off
        own = questionary.text("In one sentence, what will you try?", instruction=note or None)
        text = str(_run(own)).strip()
        while not privacy_marker(text)[0]:
            text = str(_run(questionary.text("A few words, at least:"))).strip()
        return text, None
    return answer, None


# A rating screen's own lines, beside its levels: answers none of them can be.
_PICK = "\x00pick"  # week one's first, highlighted line: Enter there answers nothing
_ALL = "\x00all"  # "Show all five levels", on a compact screen
DIM = "fg:ansibrightblack"


def _rate(question: Question) -> tuple[AnswerValue, bool | None]:
    """A rating: the behaviour's title and statement on top, then its levels (after week
    one only last week's and its neighbours, one line each, unless all five are asked
    for), then the question and its choices: one screen at 80x24. With no last
    rating nothing is highlighted but a line that answers nothing."""
    say()
    for n, line in enumerate(question.about):
        say(line, style="bold" if n == 0 else None)
    compact = question.compact and isinstance(question.default, int)
    if compact:
        for line in _around(question):
            say(line, style=DIM)
    else:
        _all_levels(question)
    while True:
        answer = _rate_once(question, compact)
        if answer == _ALL:
            compact = False
            say()
            _all_levels(question)
        elif answer == _PICK:
            say("Type a level's number (or move to it), then press Enter.", style=DIM)
        else:
            return answer, None


def _all_levels(question: Question) -> None:
    for line in question.details:
        say(line, style=DIM, indent="    ")


def _around(question: Question) -> list[str]:
    """Last week's level and its two neighbours (three levels at either end), each on
    one line, shortened at a word boundary to the terminal."""
    last = question.default if isinstance(question.default, int) else 1
    levels = question.details
    first = min(max(last - 1, 1), max(len(levels) - 2, 1))
    width = _width() - 2
    return ["  " + _one_line(line, width) for line in levels[first - 1 : first + 2]]


def _one_line(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def _rate_once(question: Question, compact: bool) -> Any:
    import questionary

    # The question on its own line(s), wrapped at words: prompt_toolkit would cut a
    # long one anywhere ("(Enter keeps the high" / "lighted one)").
    say(f"? {question.message}", style="bold")
    options = [(c.value, _title(question, c.title)) for c in question.choices]
    if compact:
        options.append((_ALL, "Show all five levels"))
    choices = [
        questionary.Choice(title=title, value=value, shortcut_key=str((i + 1) % 10))
        for i, (value, title) in enumerate(options)
    ]
    default: Any = question.default if question.default in question.choice_values() else None
    if default is None:  # nothing preselected: Enter at once answers nothing
        choices.insert(0, questionary.Choice("Choose a level", _PICK, shortcut_key=False))
    prompt = questionary.select(
        "",
        choices=choices,
        default=default,
        qmark=" ",
        use_shortcuts=len(choices) <= 10,
        use_jk_keys=False,  # letters typed here must not move the choice
        instruction="(Enter keeps the highlighted one)" if default is not None else None,
    )
    return _run(prompt)


def _again(question: Question) -> Any:
    """The experiments tried before (the menu's "Again: ..."), or AGAIN_CHOICE: back."""
    import questionary

    choices = [questionary.Choice(title=c.title, value=c.value) for c in question.again]
    choices.append(questionary.Choice(title="Back to the new ones", value=AGAIN_CHOICE))
    return _run(questionary.select("Which one, again?", choices=choices, use_jk_keys=False))


def _title(question: Question, title: str) -> str:
    """Number shortcuts already show "1)": drop a leading "1 " or "1. " from titles."""
    if question.ask in ("rate", "scale") or question.kind == "focus":
        head, _, rest = title.partition(" ")
        if head.rstrip(".").isdigit() and rest:
            return rest
    return title


def _checkbox(question: Question) -> tuple[AnswerValue, bool | None]:
    import questionary

    choices = [questionary.Choice(title=c.title, value=c.value) for c in question.choices]
    picked = _run(questionary.checkbox(question.message, choices=choices))
    return [str(v) for v in picked], None


def _confirm(question: Question) -> tuple[AnswerValue, bool | None]:
    default = question.default if isinstance(question.default, bool) else True
    return _yes_no(question.message, default, "Yes", "No"), None


def confirm(message: str, default: bool = True, *, yes: str = "Yes", no: str = "No") -> bool:
    """A yes/no question outside a flow (save?): the choices `yes` and `no`, spelled out."""
    return _yes_no(message, default, yes, no)


def _yes_no(message: str, default: bool, yes: str, no: str) -> bool:
    """Every yes/no: two spelled-out choices, one taken with Enter (never a single key)."""
    return _choose(message, [("yes", yes), ("no", no)], "yes" if default else "no") == "yes"


def choose(message: str, choices: list[tuple[str, str]], default: str | None = None) -> str:
    """One of `(value, title)` choices, outside a flow."""
    return _choose(message, choices, default)


def _choose(message: str, choices: list[tuple[str, str]], default: str | None) -> str:
    import questionary

    options = [questionary.Choice(title=t, value=v) for v, t in choices]
    # No j/k: letters of a sentence typed here must not move the choice.
    select = questionary.select(message, choices=options, default=default, use_jk_keys=False)
    return str(_run(select))


_ASKERS: dict[str, Callable[[Question], tuple[AnswerValue, bool | None]]] = {
    "text": _text,
    "long_text": _text,
    "select": _select,
    "scale": _select,
    "experiment": _select,
    "checkbox": _checkbox,
    "confirm": _confirm,
}


def pick_some(message: str, groups: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    """Any of `(value, title)` choices under group headings, none picked to begin with:
    Space picks, Enter goes on. No letter does anything (questionary's `a` would pick
    all and `i` invert), so a word typed here picks nothing (`report --share`)."""
    import questionary

    options: list[Any] = []
    for heading, choices in groups:
        options.append(questionary.Separator(heading))
        options += [questionary.Choice(title=t, value=v) for v, t in choices]
    prompt = questionary.checkbox(
        message,
        choices=options,
        use_jk_keys=False,
        instruction="(Space picks, Enter goes on; nothing is picked unless you pick it)",
    )
    for key in ("a", "i"):
        prompt.application.key_bindings.remove(key)  # type: ignore[union-attr]
    return [str(v) for v in _run(prompt)]
