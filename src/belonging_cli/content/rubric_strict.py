"""`rubric validate --strict`: the measurable rules of Rubric 2.0 content.

The loader's rules make a rubric usable; these make it good (docs/content-guide.md):
one question per prompt, short anchors, experiments a week can show, one home
per strand, retired ids never reused. Each problem is at its file:line:col.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from belonging_cli.content.wording import (
    MAX_ANCHOR_WORDS,
    questions_asked,
    shared_phrases,
    words,
)
from belonging_cli.errors import Problem

if TYPE_CHECKING:
    from belonging_cli.content.rubrics import Behaviour
    from belonging_cli.content.source import Document

MIN_PROMPTS = 10
MAX_MINUTES = 60  # the weekly flow's advice: "Pick something you can do in under an hour"

Loaded = list[tuple["Behaviour", "Document"]]


def strict_problems(behaviours: Loaded) -> list[Problem]:
    """Every strict rule broken by these behaviours (one file, or a whole set)."""
    problems: list[Problem] = []
    for behaviour, doc in behaviours:
        problems.extend(_one_behaviour(behaviour, doc))
    problems.extend(_strands_across(behaviours))
    problems.extend(_retired_reused(behaviours))
    return problems


def _one_behaviour(behaviour: Behaviour, doc: Document) -> Iterator[Problem]:
    if not behaviour.strands:
        yield doc.problem(("id",), "no strands: name the 1-4 key phrases this behaviour owns")
    for i, level in enumerate(behaviour.levels):
        count = len(words(level.descriptor))
        if count > MAX_ANCHOR_WORDS:
            yield doc.problem(
                ("levels", i, "descriptor"),
                f"{count} words: an anchor is one critical incident in at most "
                f"{MAX_ANCHOR_WORDS} words",
            )
    if len(behaviour.prompts) < MIN_PROMPTS:
        yield doc.problem(
            ("prompts",),
            f"{len(behaviour.prompts)} prompts: a behaviour needs at least {MIN_PROMPTS}",
        )
    for i, prompt in enumerate(behaviour.prompts):
        asked = questions_asked(prompt.text)
        if asked > 1:
            yield doc.problem(
                ("prompts", i, "text"),
                f"asks {asked} questions: a prompt asks one (split it, or keep the one "
                "that matters)",
            )
    for i, experiment in enumerate(behaviour.experiments):
        missing = [key for key in ("did", "saw") if getattr(experiment, key) is None]
        if missing:
            old = " (signal: is 1.x)" if experiment.signal is not None else ""
            yield doc.problem(
                ("experiments", i),
                f"no {' or '.join(missing)}: an experiment states what you did (a tally) "
                f"and what others showed within the week{old}",
            )
        if experiment.minutes > MAX_MINUTES:
            yield doc.problem(
                ("experiments", i, "minutes"),
                f"{experiment.minutes} minutes: an experiment fits a week, at most {MAX_MINUTES}",
            )


def _strands_across(behaviours: Loaded) -> Iterator[Problem]:
    """One home per strand: no phrase, nor a run of three words, in two behaviours."""
    seen: list[tuple[str, str, str]] = []  # (strand, behaviour id, its file)
    for behaviour, doc in behaviours:
        for i, strand in enumerate(behaviour.strands):
            for other, owner, path in seen:
                if owner == behaviour.id:
                    continue
                if words(strand) == words(other):
                    why = f"strand {strand!r} is already {owner}'s ({path})"
                else:
                    shared = sorted(shared_phrases(strand, other))
                    if not shared:
                        continue
                    why = (
                        f"strand {strand!r} shares {shared[0]!r} with {owner}'s "
                        f"{other!r} ({path}): each strand has one home"
                    )
                yield doc.problem(("strands", i), why)
                break
            seen.append((strand, behaviour.id, doc.path))


def _retired_reused(behaviours: Loaded) -> Iterator[Problem]:
    """A retired id stays retired: a journal's old answers keep what they were asked."""
    retired: dict[str, str] = {}
    for behaviour, doc in behaviours:
        for identifier in (*behaviour.retired_prompts, *behaviour.retired_experiments):
            retired.setdefault(identifier, doc.path)
    for behaviour, doc in behaviours:
        live = [("prompts", i, p.id) for i, p in enumerate(behaviour.prompts)]
        live += [("experiments", i, e.id) for i, e in enumerate(behaviour.experiments)]
        for kind, i, identifier in live:
            if identifier in retired:
                yield doc.problem(
                    (kind, i, "id"),
                    f"id {identifier!r} is retired ({retired[identifier]}): a changed "
                    "question gets a new id",
                )
