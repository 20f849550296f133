"""The rubric: the behaviours users rate themselves against, loaded from YAML.

A rubric set is a folder with a manifest (`rubric.yaml`: id, version, title
and the five-level scale) and one YAML file per behaviour.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Protocol, TypeVar

from pydantic import Field, StringConstraints, field_validator, model_validator

from belonging_cli.content.folders import check_paths, each_loaded, no_files, yaml_files
from belonging_cli.content.source import Document, read_document, require_mapping
from belonging_cli.content.validation import ONE_LINE, PARAGRAPH, Strict, validate
from belonging_cli.errors import BelongingError, ContentError, Problem
from belonging_cli.records import Role
from belonging_cli.settings import current, rubric_folder

MANIFEST_NAME = "rubric.yaml"
LEVELS = (1, 2, 3, 4, 5)

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=80)]
DottedId = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)*$", max_length=120
    ),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000), PARAGRAPH]
Short = Annotated[str, StringConstraints(min_length=1, max_length=120), ONE_LINE]
Line = Annotated[str, StringConstraints(min_length=1, max_length=400), ONE_LINE]

# How each signal of an experiment is labelled wherever it is shown (the review,
# `rubric show`, the journal's copy): 2.0's did/saw/later, or 1.x's one signal.
DID, SAW, LATER, WORKS = "Did it:", "Saw it:", "Later:", "It works if:"
SIGNAL_LABELS = (DID, SAW, LATER, WORKS)


class _HasLevel(Protocol):
    level: int


L = TypeVar("L", bound=_HasLevel)


def _levels_1_to_5(items: list[L]) -> list[L]:
    """The scale and each behaviour's descriptors: exactly levels 1 to 5, in order."""
    found = tuple(item.level for item in items)
    if found != LEVELS:
        raise ValueError(f"expected exactly levels 1 to 5 in order, found {list(found)}")
    return items


class ScaleLevel(Strict):
    level: int = Field(ge=1, le=5)
    label: Short
    meaning: Text


class Manifest(Strict):
    id: Slug
    version: Short
    title: Short
    description: Text | None = None
    source: Short | None = None
    scale: list[ScaleLevel]

    @field_validator("scale")
    @classmethod
    def _five_levels(cls, scale: list[ScaleLevel]) -> list[ScaleLevel]:
        return _levels_1_to_5(scale)


class Level(Strict):
    level: int = Field(ge=1, le=5)
    descriptor: Text
    # How this level reads for someone who leads without a team (peers, a project,
    # stakeholders, their own work), where the descriptor assumes direct reports.
    solo: Line | None = None


class Prompt(Strict):
    id: DottedId
    text: Text
    # The flow roles (control, influence, balance...) this prompt asks the same thing
    # as: a reflect step leaves it out of a sitting whose flow has a step of that role.
    asks: tuple[Role, ...] = ()

    @field_validator("asks", mode="before")
    @classmethod
    def _one_or_more(cls, value: object) -> object:
        return (value,) if isinstance(value, str) else value


class Experiment(Strict):
    id: DottedId
    title: Short
    practice: Text
    minutes: int = Field(ge=1, le=600)
    # 2.0: what the person did (a tally they control), what others showed within the
    # week, and optionally a later sign. 1.x had one `signal`, still accepted.
    did: Text | None = None
    saw: Text | None = None
    later: Text | None = None
    signal: Text | None = None

    @model_validator(mode="after")
    def _a_signal(self) -> Experiment:
        if self.saw is None and self.signal is None:
            raise ValueError("an experiment needs `saw:` (with `did:`), or a 1.x `signal:`")
        return self

    def signals(self) -> tuple[tuple[str, str], ...]:
        """What tells the person it worked, as (label, text): did/saw/later, else the
        1.x signal. The one way every screen shows an experiment's signals."""
        found = ((DID, self.did), (SAW, self.saw), (LATER, self.later))
        pairs = tuple((label, " ".join(text.split())) for label, text in found if text)
        if self.signal and not pairs:
            return ((WORKS, " ".join(self.signal.split())),)
        return pairs

    def signal_text(self) -> str:
        """The signals as the journal keeps them with the chosen experiment."""
        return "\n".join(f"{label} {text}" for label, text in self.signals())


def signal_lines(kept: str) -> tuple[str, ...]:
    """The lines to show for an experiment's signal as the journal kept it: labelled
    lines as `signal_text` wrote them, or (an older journal's) one plain signal."""
    lines = tuple(" ".join(line.split()) for line in kept.splitlines() if line.strip())
    if lines and all(line.startswith(SIGNAL_LABELS) for line in lines):
        return lines
    return (f"{WORKS} {' '.join(kept.split())}",) if kept.strip() else ()


class Behaviour(Strict):
    id: Slug
    number: int = Field(ge=1, le=99)
    title: Short
    statement: Text
    why: Text
    # 2.0: the key phrases this behaviour is the one home of (none in a 1.x rubric).
    strands: list[Short] = Field(default_factory=list, max_length=4)
    levels: list[Level]
    look_fors: list[Text] = Field(min_length=4)
    control_traps: list[Text] = Field(min_length=3)
    prompts: list[Prompt] = Field(min_length=8)
    experiments: list[Experiment] = Field(min_length=4)
    # Ids of prompts and experiments replaced in 2.0: never reused for another one, so
    # a journal's old answers keep meaning what they were asked.
    retired_prompts: list[DottedId] = Field(default_factory=list)
    retired_experiments: list[DottedId] = Field(default_factory=list)

    @field_validator("levels")
    @classmethod
    def _five_levels(cls, levels: list[Level]) -> list[Level]:
        return _levels_1_to_5(levels)

    def level(self, n: int) -> Level:
        return self.levels[n - 1]

    def prompt(self, prompt_id: str) -> Prompt | None:
        return next((p for p in self.prompts if p.id == prompt_id), None)

    def experiment(self, experiment_id: str) -> Experiment | None:
        return next((e for e in self.experiments if e.id == experiment_id), None)


class Rubric:
    """A validated rubric set: the manifest and its behaviours in number order."""

    def __init__(self, manifest: Manifest, behaviours: Iterable[Behaviour], folder: Path) -> None:
        self.manifest = manifest
        self.behaviours = tuple(sorted(behaviours, key=lambda b: b.number))
        self.folder = folder
        self._by_id = {b.id: b for b in self.behaviours}

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> str:
        return self.manifest.version

    def label(self, level: int) -> str:
        return self.manifest.scale[level - 1].label

    def ids(self) -> list[str]:
        return [b.id for b in self.behaviours]

    def find(self, ref: str) -> Behaviour | None:
        ref = ref.strip()
        if ref.isdigit():
            return next((b for b in self.behaviours if b.number == int(ref)), None)
        return self._by_id.get(ref.lower())

    def get(self, ref: str) -> Behaviour:
        """The behaviour named by id or number, or an error suggesting close ids."""
        found = self.find(ref)
        if found is not None:
            return found
        close = difflib.get_close_matches(ref.lower(), self.ids(), n=3, cutoff=0.4)
        close += [i for i in self.ids() if ref.lower() and ref.lower() in i and i not in close]
        hint = f"did you mean {', '.join(close[:3])}?" if close else "see `belonging rubric list`"
        raise BelongingError(f"no behaviour {ref!r} in rubric {self.id}", hint=hint)


def load_rubric(folder: Path | None = None) -> Rubric:
    """Load and validate the rubric set in `folder` (default: the one in use)."""
    folder = rubric_folder(folder)
    if not folder.is_dir():
        raise current().missing_folder("rubrics", folder)
    return _load_set(folder)


def _load_set(folder: Path) -> Rubric:
    return load_set_documents(folder)[0]


def load_set_documents(folder: Path) -> tuple[Rubric, list[tuple[Behaviour, Document]]]:
    """The rubric set in `folder` and each behaviour with the document it came from (its
    places, for rules checked after loading), or every problem found."""
    problems: list[Problem] = []
    manifest_path = folder / MANIFEST_NAME
    manifest: Manifest | None = None
    if not manifest_path.is_file():
        problems.append(
            Problem(
                str(manifest_path),
                1,
                1,
                "",
                "missing: a rubric folder needs a rubric.yaml manifest",
            )
        )
    else:
        try:
            manifest = load_manifest(manifest_path)
        except ContentError as exc:
            problems.extend(exc.problems)
    files = [path for path in yaml_files(folder) if path.name != MANIFEST_NAME]
    behaviours = [loaded for _, loaded in each_loaded(files, load_behaviour_document, problems)]
    if not behaviours and not problems:
        problems.append(no_files(folder, "behaviour"))
    problems.extend(_cross_check(behaviours))
    if problems:
        raise ContentError(problems)
    assert manifest is not None
    return Rubric(manifest, (b for b, _ in behaviours), folder), behaviours


def _cross_check(behaviours: list[tuple[Behaviour, Document]]) -> list[Problem]:
    """Rules that span files: unique ids everywhere, numbers 1..N without gaps."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}

    def claim(identifier: str, where: str, doc: Document, loc: tuple[str | int, ...]) -> None:
        if identifier in seen:
            used = f"id {identifier!r} is already used in {seen[identifier]}"
            problems.append(doc.problem(loc, used))
        else:
            seen[identifier] = where

    numbers: dict[int, str] = {}
    for behaviour, doc in behaviours:
        claim(behaviour.id, doc.path, doc, ("id",))
        for i, prompt in enumerate(behaviour.prompts):
            claim(prompt.id, doc.path, doc, ("prompts", i, "id"))
        for i, experiment in enumerate(behaviour.experiments):
            claim(experiment.id, doc.path, doc, ("experiments", i, "id"))
        if behaviour.number in numbers:
            problems.append(
                doc.problem(
                    ("number",),
                    f"number {behaviour.number} is already used in {numbers[behaviour.number]}",
                )
            )
        numbers[behaviour.number] = doc.path
    if numbers and not problems:
        expected = set(range(1, len(numbers) + 1))
        if set(numbers) != expected:
            missing = sorted(expected - set(numbers))
            _, doc = max(behaviours, key=lambda pair: pair[0].number)
            problems.append(
                doc.problem(
                    ("number",),
                    f"behaviours must be numbered 1 to "
                    f"{len(numbers)} without gaps; missing {missing}",
                )
            )
    return problems


def load_manifest(path: Path) -> Manifest:
    doc = read_document(path)
    require_mapping(doc, "a rubric manifest")
    return validate(doc, Manifest)


def load_behaviour_document(path: Path) -> tuple[Behaviour, Document]:
    doc = read_document(path)
    require_mapping(doc, "a behaviour")
    return validate(doc, Behaviour), doc


def validate_paths(paths: Iterable[Path], *, strict: bool = False) -> list[str]:
    """Validate rubric files and folders; returns what was checked, or raises all problems.

    `strict` adds the content rules of Rubric 2.0 (content/rubric_strict.py).
    """
    return check_paths(paths, lambda path: _check(path, strict=strict))


def _check(path: Path, *, strict: bool = False) -> str:
    """What `path` is: a rubric set (a folder), its manifest, or one behaviour."""
    if path.is_dir():
        rubric, behaviours = load_set_documents(path)
        _hold_to_strict(behaviours, strict)
        return f"{path}: rubric {rubric.id} {rubric.version}, {len(rubric.behaviours)} behaviours"
    if path.name == MANIFEST_NAME or _looks_like_manifest(path):
        manifest = load_manifest(path)
        return f"{path}: manifest {manifest.id} {manifest.version}"
    behaviour, doc = load_behaviour_document(path)
    _hold_to_strict([(behaviour, doc)], strict)
    return f"{path}: behaviour {behaviour.number} {behaviour.id}"


def _hold_to_strict(behaviours: list[tuple[Behaviour, Document]], strict: bool) -> None:
    if not strict:
        return
    from belonging_cli.content.rubric_strict import strict_problems

    problems = strict_problems(behaviours)
    if problems:
        raise ContentError(problems)


def _looks_like_manifest(path: Path) -> bool:
    try:
        doc = read_document(path)
    except ContentError:
        return False
    return isinstance(doc.data, dict) and "scale" in doc.data
