"""The commented example pack that `belonging coach pack new` writes."""

from __future__ import annotations

from pathlib import Path
from string import Template

from belonging_cli.content.rubrics import Rubric

TEMPLATES = Path(__file__).resolve().parent / "templates"

# The built-in rubric's behaviours that fit the two example exercises; another
# rubric gets its first two behaviours, so the example always validates.
_PREFERRED = ("prompt-insight", "protect-time")


def example_pack(rubric: Rubric) -> str:
    ids = rubric.ids()
    chosen = [b if b in ids else ids[min(i, len(ids) - 1)] for i, b in enumerate(_PREFERRED)]
    text = (TEMPLATES / "example-pack.yaml").read_text(encoding="utf-8")
    return Template(text).substitute(behaviour_a=chosen[0], behaviour_b=chosen[1])
