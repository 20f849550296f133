"""Read YAML (and JSON, a subset) into plain data that remembers where each value was.

PyYAML's C composer keeps line/column marks on nodes; we construct the values
ourselves from those nodes so that every later validation error can point at
`file:line:col`. Duplicate keys, which PyYAML silently collapses, are errors here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from belonging_cli.errors import ContentError, Problem
from belonging_cli.located import decode_text, line_column

Loc = tuple[str | int, ...]

# Aliases can make a small file expand enormously ("billion laughs"); nesting
# deeper than any real content would only blow the stack.
MAX_NODES = 200_000
MAX_DEPTH = 64
_MERGE_TAG = "tag:yaml.org,2002:merge"

try:  # The C loader is ~10x faster; fall back where libyaml is missing.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class Document:
    """Plain data from one file, with the place of every value and mapping key."""

    path: str
    data: Any
    value_marks: dict[Loc, Mark] = field(default_factory=dict)
    key_marks: dict[Loc, Mark] = field(default_factory=dict)
    # Problems found while reading (duplicate keys) that do not stop validation:
    # a user wants every problem of a file at once.
    problems: list[Problem] = field(default_factory=list)

    def mark_for(self, loc: Iterable[str | int], *, key: bool = False) -> Mark:
        """The best place for `loc`: the deepest part of it we know about."""
        known: Loc = ()
        for part in loc:
            candidate = (*known, part)
            if candidate in self.value_marks:
                known = candidate
            # Parts we do not know (pydantic's union tags) are skipped.
        if key and known in self.key_marks:
            return self.key_marks[known]
        return self.value_marks.get(known, Mark(1, 1))

    def problem(self, loc: Iterable[str | int], message: str, *, key: bool = False) -> Problem:
        parts = tuple(loc)
        mark = self.mark_for(parts, key=key)
        return Problem(self.path, mark.line, mark.column, format_loc(parts), message)


def format_loc(loc: Iterable[str | int]) -> str:
    """`("levels", 2, "descriptor")` -> `levels[2].descriptor`."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not part.isprintable():  # a key with a line break or escape: quoted, on one line
            text += f"[{part!r}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _mark(node: yaml.Node) -> Mark:
    return Mark(node.start_mark.line + 1, node.start_mark.column + 1)


def _at(path: str, node: yaml.Node, message: str, loc: Loc = ()) -> Problem:
    """A problem at the start of `node`."""
    mark = _mark(node)
    return Problem(path, mark.line, mark.column, format_loc(loc), message)


def _unbuilt(node: yaml.Node, exc: Exception) -> str:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"{node.value!r} is not a valid date ({exc}): give a real day, YYYY-MM-DD"
    return f"{node.value!r} is not a valid value ({exc})"


class _Builder:
    """Turns a composed node tree into plain Python values, recording marks."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.constructor = yaml.constructor.SafeConstructor()
        self.nodes = 0
        self.problems: list[Problem] = []
        self.merged: set[int] = set()  # ids of the nodes check_merges has seen
        self.last: yaml.Node | None = None  # the node being built, to place a RecursionError

    def build(self, node: yaml.Node, loc: Loc, depth: int) -> Any:
        self.nodes += 1
        self.last = node
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _TooBig(node)
        self.doc.value_marks.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode):
            # PyYAML resolves `<<` merge keys recursively: a few KB of merges nested in
            # merges would overflow the stack, so their nesting is measured first.
            self.check_merges(node, depth)
            self.constructor.flatten_mapping(node)
            result: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    message = "a mapping key must be a plain value"
                    self.problems.append(_at(self.doc.path, key_node, message, loc))
                    continue
                key = self.constructor.construct_object(key_node)
                if not isinstance(key, (str, int)):
                    key = str(key)
                key_loc: Loc = (*loc, key)
                if key in result:
                    first = self.doc.key_marks[key_loc].line
                    message = f"duplicate key {key!r} (the first one is at line {first})"
                    self.problems.append(_at(self.doc.path, key_node, message, key_loc))
                    continue
                self.doc.key_marks[key_loc] = _mark(key_node)
                result[key] = self.build(value_node, key_loc, depth + 1)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError) as exc:
            # Well-formed YAML whose value cannot be built: `date: 2026-11-31` reads as
            # a timestamp with no such day. Said at the value, as a bad date.
            raise ContentError([_at(self.doc.path, node, _unbuilt(node, exc), loc)]) from None

    def check_merges(self, node: yaml.MappingNode, depth: int) -> None:
        """Merge keys nested too deeply for PyYAML's recursive flattening are refused;
        a node is looked at once, however many aliases repeat it."""
        if id(node) in self.merged:
            return
        if depth > MAX_DEPTH:
            raise _TooBig(node)
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                continue
            merged = value_node.value if isinstance(value_node, yaml.SequenceNode) else [value_node]
            for sub in merged:
                if isinstance(sub, yaml.MappingNode):
                    self.check_merges(sub, depth + 1)
        self.merged.add(id(node))


class _TooBig(Exception):
    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def parse_text(text: str, path: str) -> Document:
    """Parse one YAML document from `text`; `path` only names it in messages."""
    doc = Document(path=path, data=None)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ContentError([Problem(path, line, 1, "", "binary data, not a text file")])
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = exc.problem or exc.context or "not valid YAML"
        raise ContentError([Problem(path, line, column, "", f"not valid YAML: {reason}")]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow
        line, column = line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        reason = f"not valid YAML: the character U+{code:04X} is not allowed"
        raise ContentError([Problem(path, line, column, "", reason)]) from None
    except yaml.YAMLError as exc:  # anything else: its first line (the rest is PyYAML's)
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ContentError([Problem(path, 1, 1, "", f"not valid YAML: {reason}")]) from None
    except RecursionError:  # the pure-Python composer, where libyaml is missing
        raise ContentError([Problem(path, 1, 1, "", "not valid YAML: nested too deeply")]) from None
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        raise ContentError([Problem(path, 1, 1, "", "the file is empty")])
    if len(nodes) > 1:
        raise ContentError([_at(path, nodes[1], "expected one YAML document, found several")])
    builder = _Builder(doc)
    try:
        doc.data = builder.build(nodes[0], (), 0)
    except (_TooBig, RecursionError) as big:
        # RecursionError: a safety net should any other nesting still reach the stack limit.
        node = big.node if isinstance(big, _TooBig) else builder.last or nodes[0]
        message = "too deeply nested or too large once aliases are expanded"
        raise ContentError([_at(path, node, message)]) from None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
        # Scalars that match a tag but cannot be built (a timestamp like
        # 2026-13-45, an unknown explicit tag).
        at = getattr(getattr(exc, "problem_mark", None), "line", None)
        line = (at + 1) if isinstance(at, int) else 1
        raise ContentError([Problem(path, line, 1, "", f"not valid YAML: {exc}")]) from None
    doc.problems.extend(builder.problems)
    return doc


def read_bytes(path: Path) -> bytes:
    """A user's file, whole; a missing or unreadable one is a ContentError naming it."""
    name = str(path)
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise ContentError([Problem(name, 1, 1, "", "is a folder, expected a file")]) from None
    except FileNotFoundError:
        raise ContentError([Problem(name, 1, 1, "", "no such file")]) from None
    except OSError as exc:
        raise ContentError([Problem(name, 1, 1, "", f"cannot read: {exc.strerror}")]) from None


def read_document(path: Path) -> Document:
    """Read and parse one YAML (or JSON) file; every failure is a ContentError."""
    return parse_text(decode_text(read_bytes(path), str(path)), str(path))


def require_mapping(doc: Document, what: str) -> Mapping[str, Any]:
    """The document's top level, which must be a mapping of `what`."""
    if not isinstance(doc.data, dict):
        found = type_name(doc.data)
        raise ContentError([doc.problem((), f"expected a mapping ({what}), found {found}")])
    return doc.data


def type_name(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if value is None:
        return "nothing"
    return type(value).__name__
