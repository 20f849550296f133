"""What a client reads about an exercise before doing it: who it is from, the coach's
words, and each question with whether its answer stays on this machine.

The privacy shown is the engine's own rule (engine/privacy.py), so what `exercises
show` promises is what `exercises do` then does. Plain text; the command escapes it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from belonging_cli.records import Answer, Assignment, Session

PRIVATE = "private: stays on this machine"
SHARED = "shared with your coach"
EARLIER = "from an earlier version of this exercise"
# Answers that are a choice or a number: shared like a rating unless the step says
# `private: true` (engine/kinds/choice.py); words follow engine/privacy.py.
_CHOSEN = frozenset({"select", "checkbox", "confirm", "scale"})


def sender(coach: str, contact: str | None, client: str | None) -> str:
    """ "from Sam Rivera (sam@example.org), for Alex"."""
    reach = f" ({contact})" if contact else ""
    whom = f", for {client}" if client else ""
    return f"from {coach}{reach}{whom}"


def from_line(assignment: Assignment) -> str | None:
    """Who an imported exercise is from, or None with no coach named."""
    if not assignment.coach:
        return None
    return sender(assignment.coach, assignment.coach_contact, assignment.client)


def question_private(question: dict[str, Any], private_by_default: bool) -> bool:
    """Whether the words a stored question asks for are private unless the client says
    otherwise (a trailing #share or #private flips it as they answer)."""
    from belonging_cli.content.flows import Step
    from belonging_cli.engine.privacy import step_private

    step = Step.model_validate(question)
    if step.kind in _CHOSEN:
        return step.private is True
    return step_private(step, private_by_default)


def question_text(question: dict[str, Any], behaviour_id: str) -> str:
    """The question as the client will meet it: its words, or what a rubric step asks."""
    kind = question.get("kind")
    behaviour = question.get("behaviour") or behaviour_id
    if behaviour == "focus":
        behaviour = behaviour_id
    if question.get("question"):
        return str(question["question"])
    if kind == "rate":  # the level is shared like every rating; the note is words
        return f"Rate {behaviour} against its levels (the level is shared), with a note"
    if kind == "reflect":
        count = int(question.get("count") or 1)
        return (
            f"A reflection prompt on {behaviour}"
            if count == 1
            else f"{count} reflection prompts on {behaviour}"
        )
    if kind == "experiment":
        return f"An experiment on {behaviour} for the coming week"
    return str(question.get("id"))


def question_lines(
    questions: list[dict[str, Any]], behaviour_id: str, private_by_default: bool
) -> list[tuple[str, bool]]:
    """Each question's text and whether its answer is private."""
    return [
        (question_text(q, behaviour_id), question_private(q, private_by_default)) for q in questions
    ]


def earlier_answers(draft: Session | None, assignment: Assignment) -> list[Answer]:
    """The answers of a draft of `assignment` to questions its (newer) version no longer
    asks: kept with the draft, and saved with it when the exercise is done."""
    import json

    from belonging_cli.content.packs import RESERVED_ID
    from belonging_cli.drafts import from_earlier_version

    if draft is None:
        return []
    asked = [str(q.get("id")) for q in json.loads(assignment.questions_json)]
    return from_earlier_version(draft.answers, [*asked, RESERVED_ID])


def earlier_note(count: int, assignment_id: str) -> str:
    """What an import says when a draft holds answers from an earlier version."""
    answers = f"{count} answer{'s' if count != 1 else ''}"
    return (
        f"  your unfinished {assignment_id} holds {answers} {EARLIER}: kept, and saved "
        "with it when you finish (`belonging exercises show` lists them)"
    )


__all__ = [
    "EARLIER",
    "PRIVATE",
    "SHARED",
    "earlier_answers",
    "earlier_note",
    "from_line",
    "question_lines",
    "question_private",
    "sender",
]
