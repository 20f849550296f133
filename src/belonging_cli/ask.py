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
from belonging_cli.engine.questions import AGAIN_CHOICE, NOT_SAID, OWN_CHOICE, Question
from belonging_cli.errors import Interrupted
from belonging_cli.records import AnswerValue

LONG_TEXT_KEYS = "Enter: done · Esc Enter: new line · Ctrl-X Ctrl-E: editor"
DIM = "fg:ansibrightblack"


def terminal_available() -> bool:
    """Whether a person can answer: standard input and output are terminals."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def say(text: str = "", style: str | None = None, indent: str | None = None) -> None:
    """A paragraph for the person answering, wrapped at words to the terminal's width,
    each line's continuation under its text (prompt_layout.paragraph)."""
    import questionary

    from belonging_cli.prompt_layout import paragraph

    questionary.print(paragraph(text, indent), style=style)


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
    multiline = question.ask == "long_text"
    keys = LONG_TEXT_KEYS if multiline else ""
    extra: dict[str, Any] = {}
    if multiline:
        extra = {"key_bindings": _enter_submits(), "enable_open_in_editor": True}
    default = question.default if isinstance(question.default, str) else ""
    if question.check is not None:
        check = question.check
        extra["validate"] = lambda text: check(text) or True
    prompt = _typed(question.message, _privacy_note(question), keys, default=default, **extra)
    raw = str(_run(prompt, question))
    if question.private is None:
        return raw.strip(), None
    return privacy_marker(raw)


def _typed(message: str, *hints: str, default: str = "", **extra: Any) -> Any:
    """A text prompt: the question on its own line(s) with its hints in brackets under
    it (prompt_toolkit cannot lay out a multi-line input whose prompt is wider than the
    terminal), then the answer typed after ">", wrapped at words."""
    import questionary

    from belonging_cli.prompt_layout import hints as bracketed
    from belonging_cli.prompt_layout import typed_wrap

    say(f"? {message}", style="bold")
    hint = bracketed(*hints)
    if hint:
        say(hint, style=DIM)
    return questionary.text("", qmark=">", default=default, instruction="", **typed_wrap(), **extra)


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
    shortcuts = len(question.choices) <= 10
    # The line that leaves it out takes no number: "2" is the second choice either way.
    numbered = [c.value for c in question.choices if c.value != NOT_SAID]
    options = [
        (
            c.value,
            _title(question, c.title) if shortcuts else c.title,
            (c.value in numbered and str((numbered.index(c.value) + 1) % 10))
            if shortcuts
            else True,
        )
        for c in question.choices
    ]
    values = question.choice_values()
    default: Any = question.default if question.default in values else None
    numbers = not shortcuts and sum(type(v) is int for v in values) > 1
    menu = _menu(question.message, options, default=default, shortcuts=shortcuts, numbers=numbers)
    answer = _run(_numbers_typed(menu, values) if numbers else menu)
    if question.ask == "experiment" and answer == AGAIN_CHOICE:
        answer = _again(question)
        if answer == AGAIN_CHOICE:  # back to the new ones
            return _select(question)
    if question.ask == "experiment" and answer == OWN_CHOICE:
        note = _privacy_note(question)  # the engine takes the marker off
        text = str(_run(_typed("In one sentence, what will you try?", note))).strip()
        while not privacy_marker(text)[0]:
            text = str(_run(_typed("A few words, at least:"))).strip()
        return text, None
    return answer, None


# A rating screen's own lines, beside its levels: answers none of them can be.
_PICK = "\x00pick"  # week one's first, highlighted line: Enter there answers nothing
_ALL = "\x00all"  # "Show all five levels", on a compact screen


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
    from belonging_cli.fitting import shorten
    from belonging_cli.prompt_layout import width

    last = question.default if isinstance(question.default, int) else 1
    levels = question.details
    first = min(max(last - 1, 1), max(len(levels) - 2, 1))
    room = width() - 2
    return ["  " + shorten(line, room) for line in levels[first - 1 : first + 2]]


def _rate_once(question: Question, compact: bool) -> Any:
    # The question on its own line(s), wrapped at words: prompt_toolkit would cut a
    # long one anywhere ("(Enter keeps the high" / "lighted one)").
    say(f"? {question.message}", style="bold")
    options = [(c.value, _title(question, c.title)) for c in question.choices]
    if compact:
        options.append((_ALL, "Show all five levels"))
    choices: list[tuple[Any, str, Any]] = [
        (value, title, str((i + 1) % 10)) for i, (value, title) in enumerate(options)
    ]
    default: Any = question.default if question.default in question.choice_values() else None
    if default is None:  # nothing preselected: Enter at once answers nothing
        choices.insert(0, (_PICK, "Choose a level", False))
    shortcuts = len(choices) <= 10
    return _run(_menu("", choices, default=default, shortcuts=shortcuts, qmark=" "))


def _menu(
    message: str,
    options: list[tuple[Any, str, Any]],
    *,
    default: Any = None,
    shortcuts: bool = False,
    qmark: str = "?",
    keeps: bool = True,
    numbers: bool = False,
) -> Any:
    """Every choice: `(value, title, shortcut key)` options under `message`, laid out
    at words to the terminal's width (prompt_layout); Enter takes the highlighted one
    (`keeps`: the instruction says so when one is highlighted to begin with)."""
    import questionary

    from belonging_cli.prompt_layout import laid_out

    if numbers:  # _numbers_typed: a number typed moves to its line
        instruction = "(Type a number, or use arrow keys)"
    elif default is not None and default != NOT_SAID and keeps:  # none chosen: none kept
        instruction = "(Enter keeps the highlighted one)"
    else:  # questionary's own, said here to be measured
        instruction = "(Use shortcuts or arrow keys)" if shortcuts else "(Use arrow keys)"
    column = 6 if shortcuts else 3  # " » " and "1) " come before a title
    message, titles = laid_out(message, instruction, [t for _, t, _ in options], column)
    choices = [
        questionary.Choice(title=title, value=value, shortcut_key=key)
        for (value, _, key), title in zip(options, titles, strict=True)
    ]
    return questionary.select(
        message,
        choices=choices,
        default=default,
        qmark=qmark,
        use_shortcuts=shortcuts,
        use_jk_keys=False,  # letters typed here must not move the choice
        instruction=instruction,
    )


def _numbers_typed(menu: Any, values: list[Any]) -> Any:
    """A long menu of numbers (how sure, 0 to 10) takes the number typed: the highlight
    moves to its line ("1" then "0" is 10) and Enter takes it. A person asked for a
    number types one; without this, the digits did nothing and Enter took the first line."""
    lines = {v: i for i, v in enumerate(values) if type(v) is int}
    control = next(
        (c for c in menu.application.layout.find_all_controls() if hasattr(c, "pointed_at")),
        None,
    )
    if control is None:  # not questionary's menu as we know it: arrows only, as before
        return menu
    last = [""]

    def move(digit: str) -> None:
        number = 10 if last[0] == "1" and digit == "0" and 10 in lines else int(digit)
        last[0] = "" if number == 10 else digit
        if number in lines:
            control.pointed_at = lines[number]

    for digit in "0123456789":
        menu.application.key_bindings.add(digit)(lambda event, d=digit: move(d))
    return menu


def _again(question: Question) -> Any:
    """The experiments tried before (the menu's "Again: ..."), or AGAIN_CHOICE: back."""
    options = [(c.value, c.title, True) for c in question.again]
    options.append((AGAIN_CHOICE, "Back to the new ones", True))
    return _run(_menu("Which one, again?", options))


def _title(question: Question, title: str) -> str:
    """Number shortcuts already show "1)": drop a leading "1 " or "1. " from titles."""
    if question.ask in ("rate", "scale") or question.kind in ("focus", "set_goals"):
        head, _, rest = title.partition(" ")
        if head.rstrip(".").isdigit() and rest:
            return rest
    return title


def _checkbox(question: Question) -> tuple[AnswerValue, bool | None]:
    import questionary

    from belonging_cli.prompt_layout import CHECKBOX_COLUMN, laid_out

    instruction = "(Use arrow keys to move, <space> to select, <a> to toggle, <i> to invert)"
    titles = [c.title for c in question.choices]
    message, titles = laid_out(question.message, instruction, titles, CHECKBOX_COLUMN)
    choices = [
        questionary.Choice(title=t, value=c.value)
        for c, t in zip(question.choices, titles, strict=True)
    ]
    picked = _run(questionary.checkbox(message, choices=choices, instruction=instruction))
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
    options = [(v, t, True) for v, t in choices]
    return str(_run(_menu(message, options, default=default, keeps=False)))


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

    from belonging_cli.prompt_layout import CHECKBOX_COLUMN, laid_out

    instruction = "(Space picks, Enter goes on; nothing is picked unless you pick it)"
    titles = [t for _, choices in groups for _, t in choices]
    message, fitted = laid_out(message, instruction, titles, CHECKBOX_COLUMN)
    options: list[Any] = []
    for heading, choices in groups:
        options.append(questionary.Separator(heading))
        options += [questionary.Choice(title=fitted.pop(0), value=v) for v, _ in choices]
    prompt = questionary.checkbox(
        message, choices=options, use_jk_keys=False, instruction=instruction
    )
    for key in ("a", "i"):
        prompt.application.key_bindings.remove(key)  # type: ignore[union-attr]
    return [str(v) for v in _run(prompt)]
