"""The focus reflections section: what the person wrote to the rubric's prompts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from belonging_cli.reports.model import FocusReflection
from belonging_cli.reports.scope import answer_text, clean

if TYPE_CHECKING:
    from belonging_cli.reports.scope import Scope


def focus_reflections(scope: Scope) -> tuple[FocusReflection, ...]:
    found: list[FocusReflection] = []
    # A rubric prompt is a behaviour's; a step's own wording (a `variants:` id, like the
    # weekly control question's) names none and is not one (Scope.prompted).
    for session, answer, prompt_id, behaviour_id in scope.prompted():
        text = answer_text(answer.value)
        if not text or not scope.wanted(behaviour_id):
            continue
        key = ("answer", session.id, answer.step_id)
        if not scope.privacy.keep(
            answer.private, key, section="Focus reflections", week=session.week, text=text
        ):
            continue
        found.append(
            FocusReflection(
                week=session.week,
                date=scope.local_date(answer.answered_at),
                behaviour_id=behaviour_id,
                behaviour_title=scope.titles.get(behaviour_id),
                prompt_id=prompt_id,
                question=clean(answer.question),
                answer=text,
                private=answer.private,
            )
        )
    return tuple(found)
