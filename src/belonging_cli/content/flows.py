"""Reflection flows: the steps of a session, loaded from YAML in `prompts/`.

A flow is data: a list of steps, each of one kind (a question, a rating, the
focus choice, prompts drawn from the rubric...). The session engine turns the
steps into questions; this module only says what a valid flow is. See
docs/flows.md for the format, with examples.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from belonging_cli.content.conditions import condition_problem
from belonging_cli.content.folders import check_paths, each_loaded, no_files, yaml_files
from belonging_cli.content.rubrics import DottedId, Short, Slug, Text
from belonging_cli.content.source import Document, read_document, require_mapping
from belonging_cli.content.validation import ONE_LINE, Strict, validate
from belonging_cli.errors import BelongingError, ContentError, Problem
from belonging_cli.records import Role, StepKind
from belonging_cli.settings import current, flows_folder

DEFAULT_FLOW = "weekly"


COMMON_FIELDS = frozenset({"id", "kind", "optional", "when", "role", "turn"})
# The kinds of step each role fits: what the report reads from it (docs/flows.md).
ROLE_KINDS: dict[Role, frozenset[StepKind]] = {
    "review": frozenset({"review"}),
    "balance": frozenset({"scale"}),  # a level 1-5
    "control": frozenset({"text", "long_text"}),
    "influence": frozenset({"text", "long_text"}),
    "takeaway": frozenset({"text", "long_text"}),
    "prep": frozenset({"text", "long_text"}),
    "levers": frozenset({"select"}),  # structural, relational, both or neither
}
# The report reads one answer of these a session: a second step would be ignored.
ONCE_PER_FLOW: frozenset[Role] = frozenset({"review", "balance", "control", "influence", "levers"})

ChoiceValue = Annotated[str, StringConstraints(min_length=1, max_length=80), ONE_LINE]
# A text step's default is put into the person's prompt as it is: one clean line.
Default = Annotated[str, ONE_LINE] | int | bool | None


class Choice(Strict):
    value: ChoiceValue
    label: Short | None = None

    @property
    def title(self) -> str:
        return self.label or self.value


class Variant(Strict):
    """Another wording of a text step's question, asked in its turn (engine/rotation.py)."""

    id: DottedId
    question: Text


def _unique_variants(variants: list[Variant] | None, info: ValidationInfo) -> list[Variant] | None:
    """Each variant's id is its own (and not the step's: its `question` is that one),
    so the journal's answers say which wording was asked. Every clash at its place."""
    if variants is None:
        return None
    from pydantic_core import InitErrorDetails, PydanticCustomError

    taken = {info.data.get("id")}
    clashes: list[InitErrorDetails] = []
    for i, variant in enumerate(variants):
        if variant.id in taken:
            message = (
                f"the step's own question is the variant {variant.id!r}; give this one another id"
                if variant.id == info.data.get("id")
                else f"variant id {variant.id!r} is used twice"
            )
            error = PydanticCustomError("variant_id", message)  # an id has no braces
            clashes.append(InitErrorDetails(type=error, loc=(i, "id"), input=variant.id))
        taken.add(variant.id)
    if clashes:
        raise ValidationError.from_exception_data("variants", clashes)
    return variants


class Condition(Strict):
    """Ask a step only when an earlier answer fits: `{step: balance, at_most: 2}`, or
    when the journal holds a fact no step asks: `{feedback: recent}`."""

    step: DottedId | None = None  # every test but `feedback` tests this step's answer
    equals: str | int | bool | None = None
    not_equals: str | int | bool | None = None
    in_: list[str | int] | None = Field(default=None, alias="in")
    at_least: int | None = None
    at_most: int | None = None
    answered: bool | None = None
    moved: bool | None = None  # a rating (of a rate step, or any of a pulse) moved since last time
    # A feedback round collected within about six months (focus_rule.recent_round).
    feedback: Literal["recent"] | None = None

    @model_validator(mode="after")
    def _one_test(self) -> Condition:
        tests = [
            self.equals,
            self.not_equals,
            self.in_,
            self.at_least,
            self.at_most,
            self.answered,
            self.moved,
            self.feedback,
        ]
        if sum(t is not None for t in tests) != 1:
            raise ValueError(
                "a condition needs exactly one of equals, not_equals, in, at_least, "
                "at_most, answered, moved, feedback"
            )
        if self.feedback is not None and self.step is not None:
            raise ValueError("a `feedback` condition tests no step's answer: leave out `step`")
        if self.feedback is None and self.step is None:
            raise ValueError("a condition names the earlier step it tests: add `step`")
        return self


class Step(Strict):
    id: DottedId
    kind: StepKind
    question: Text | None = None
    help: Text | None = None
    optional: bool = False
    private: bool | None = None  # None: the `private_by_default` setting (false unless set)
    when: Condition | None = None
    choices: list[Choice] | None = Field(default=None, min_length=2, max_length=30)
    labels: list[Short] | None = Field(default=None, min_length=2, max_length=10)
    default: Default = None
    behaviour: Slug | None = None  # a behaviour id, or "focus" for the session's focus
    evidence: Literal["moved", "always", "never"] | None = None
    # A pulse's ratings: as engine/pulse_plan.py plans them (the few, or every behaviour
    # in a month's first week...), or always the few (a quick week: no full pulse
    # unless the person asks for it with `--all`).
    rates: Literal["planned", "few"] = "planned"
    count: int | None = Field(default=None, ge=1, le=10)
    # An experiment step: also ask when and with whom, and how sure (engine/kinds/plan.py).
    plan: bool = False
    days: int | None = Field(default=None, ge=7, le=366)
    role: Role | None = None  # what the step means to the report, whatever its id
    # Steps that share a `turn` take turns: a sitting asks one of them, the one asked
    # longest ago in this flow (engine/rotation.py), so a week stays short.
    turn: Slug | None = None
    # Other wordings of `question`, taken in turn (engine/rotation.py); ids unique.
    variants: list[Variant] | None = Field(default=None, min_length=1, max_length=30)

    _variants_unique = field_validator("variants")(_unique_variants)

    @model_validator(mode="after")
    def _fits_kind(self) -> Step:
        # What a kind uses and needs is its own module's (engine/kinds/): one place.
        from belonging_cli.engine.kinds import KINDS

        kind = KINDS[self.kind]
        allowed = kind.fields | COMMON_FIELDS
        for name in sorted(self.model_fields_set - allowed):
            raise ValueError(f"`{name}` is not used by a {self.kind} step")
        if self.role is not None and self.kind not in ROLE_KINDS[self.role]:
            fits = " or ".join(sorted(ROLE_KINDS[self.role]))
            raise ValueError(f"the role {self.role} is for a {fits} step, not {self.kind}")
        if kind.needs_question and self.question is None:
            raise ValueError(f"a {self.kind} step needs a `question`")
        if self.kind in ("select", "checkbox") and not self.choices:
            raise ValueError(f"a {self.kind} step needs `choices`")
        if self.kind == "scale" and not self.labels:
            raise ValueError("a scale step needs `labels` (one per point, lowest first)")
        if self.choices:
            values = [c.value for c in self.choices]
            if len(set(values)) != len(values):
                raise ValueError("choice values must be unique")
        self._check_default()
        return self

    def wordings(self) -> list[Variant]:
        """The question and its variants, the question first (its id is the step's)."""
        return [Variant(id=self.id, question=self.question or self.id), *(self.variants or ())]

    def _check_default(self) -> None:
        if self.default is None:
            return
        if self.kind == "confirm" and not isinstance(self.default, bool):
            raise ValueError("the default of a confirm step is true or false")
        if self.kind == "select" and self.default not in [c.value for c in self.choices or ()]:
            raise ValueError("the default must be one of the choices' values")
        if self.kind == "scale" and not (
            isinstance(self.default, int)
            and not isinstance(self.default, bool)
            and 1 <= self.default <= len(self.labels or ())
        ):
            raise ValueError(f"the default must be a number 1 to {len(self.labels or ())}")
        if self.kind == "text" and not isinstance(self.default, str):
            raise ValueError("the default of a text step is text")


class Flow(Strict):
    id: Slug
    title: Short
    description: Text
    minutes: int = Field(ge=1, le=120)
    intro: Text | None = None
    outro: Text | None = None
    needs_behaviour: bool = False  # run with --behaviour (or ask for one at the focus step)
    # The week's reflection (the weekly, the quick week): once an ISO week (`week_flows`).
    weekly: bool = False
    steps: list[Step] = Field(min_length=1)

    @field_validator("steps")
    @classmethod
    def _unique_ids(cls, steps: list[Step]) -> list[Step]:
        seen: set[str] = set()
        earlier: dict[str, Step] = {}
        has_focus = False
        roles: dict[str, str] = {}
        for step in steps:
            if step.id in seen:
                raise ValueError(f"step id {step.id!r} is used twice")
            if step.role in ONCE_PER_FLOW and step.role in roles:
                raise ValueError(
                    f"step {step.id!r}: only one step can have the role {step.role} "
                    f"(it is {roles[step.role]!r}'s)"
                )
            if step.role is not None:
                roles.setdefault(step.role, step.id)
            if step.when is not None:
                later = [s.id for s in steps if s.id not in seen and s is not step]
                found = condition_problem(step.when, earlier, later)
                if found is not None:
                    raise ValueError(f"step {step.id!r}: {found[1]}")
            seen.add(step.id)
            earlier[step.id] = step
            if _needs_focus(step) and not has_focus:
                raise ValueError(
                    f"step {step.id!r} works on the focus behaviour: put a focus step before it"
                )
            has_focus = has_focus or step.kind == "focus"
        return steps

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)


def _needs_focus(step: Step) -> bool:
    if step.kind == "reflect":
        return True
    if step.kind in ("experiment", "traps", "lookfor"):
        return step.behaviour in (None, "focus")
    return step.kind == "rate" and step.behaviour in (None, "focus")


class FlowSet:
    """The flows of one folder, by id, in file-name order."""

    def __init__(self, flows: Iterable[Flow], folder: Path) -> None:
        # The default flow first, then file-name order.
        self.flows = tuple(sorted(flows, key=lambda f: f.id != DEFAULT_FLOW))
        self.folder = folder
        self._by_id = {f.id: f for f in self.flows}

    def ids(self) -> list[str]:
        return [f.id for f in self.flows]

    def week_flows(self, default_flow: str) -> frozenset[str]:
        """The flows whose session is the week's reflection, one rule for every check of
        "once a week": those marked `weekly: true`, and the flow `reflect` runs."""
        return frozenset(f.id for f in self.flows if f.weekly) | {default_flow}

    def get(self, flow_id: str) -> Flow:
        found = self._by_id.get(flow_id)
        if found is None:
            raise BelongingError(
                f"no flow {flow_id!r} in {self.folder}",
                hint=f"the flows are: {', '.join(self.ids())}",
            )
        return found


def load_flows(folder: Path | None = None) -> FlowSet:
    """Load and validate every flow in the folder; all problems at once."""
    folder = flows_folder(folder)
    if not folder.is_dir():
        raise current().missing_folder("flows", folder)
    problems: list[Problem] = []
    flows: list[Flow] = []
    seen: dict[str, str] = {}
    files = yaml_files(folder)
    for path, (flow, doc) in each_loaded(files, load_flow_document, problems):
        if flow.id in seen:
            problems.append(
                doc.problem(("id",), f"flow id {flow.id!r} is already used in {seen[flow.id]}")
            )
            continue
        seen[flow.id] = str(path)
        flows.append(flow)
    if not files:
        problems.append(no_files(folder, "flow"))
    if problems:
        raise ContentError(problems)
    return FlowSet(flows, folder)


def load_flow_document(path: Path) -> tuple[Flow, Document]:
    doc = read_document(path)
    require_mapping(doc, "a flow")
    return validate(doc, Flow), doc


def check_against_rubric(flow: Flow, behaviour_ids: Iterable[str], doc: Document) -> list[Problem]:
    """Behaviours a flow names must exist in the rubric in use."""
    known = set(behaviour_ids) | {"focus"}
    return [
        doc.problem(("steps", i, "behaviour"), f"no behaviour {step.behaviour!r} in the rubric")
        for i, step in enumerate(flow.steps)
        if step.behaviour is not None and step.behaviour not in known
    ]


def validate_flow_paths(paths: Iterable[Path], behaviour_ids: Iterable[str]) -> list[str]:
    """Validate flow files and folders; returns what was checked, or raises all problems."""
    ids = list(behaviour_ids)

    def check(path: Path) -> str:
        flow, doc = load_flow_document(path)
        found = check_against_rubric(flow, ids, doc)
        if found:
            raise ContentError(found)
        return f"{path}: flow {flow.id}, {len(flow.steps)} steps"

    return check_paths(paths, check, what="flow")
