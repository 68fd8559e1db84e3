"""Checking the shape of composed YAML nodes: mappings, lists, text, durations.

A NodeChecker records every problem in a Report and returns None for a value
that is missing or wrong, so callers carry on and a whole file is checked in
one pass. The loader builds round files out of these shapes.

Pure module: no textual import.
"""

from __future__ import annotations

import difflib
from typing import NamedTuple

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mockint.core.diagnostics import WARNING, Report
from mockint.core.durations import DurationError, parse_duration
from mockint.core.model import Term
from mockint.core.safetext import bidi_controls, control_characters, has_unsafe_characters
from mockint.packs.yamlsource import NULL_TAG, kind_of, scalar_int, short_tag

KIND_PHRASES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "date": "a date",
    "list": "a list",
    "mapping": "a mapping",
}
DURATION_PHRASE = "a duration such as 45s, 3m or 1m30s"
TERMS_PHRASE = "a list of strings or lists of alternatives"
NON_EMPTY = "must list at least one item (or leave the key out)"


class Alternative(NamedTuple):
    """One way of saying a term, where the file says it: for checks that point at it."""

    text: str
    node: Node
    path: str


class LocatedTerm(NamedTuple):
    term: Term
    alternatives: tuple[Alternative, ...]


def join(path: str, key: str) -> str:
    """`questions[0]` + `ask` -> `questions[0].ask`."""
    return f"{path}.{key}" if path else key


class NodeChecker:
    def __init__(self, report: Report) -> None:
        self.report = report

    def mapping(
        self,
        node: Node,
        path: str,
        allowed: tuple[str, ...],
        required: tuple[str, ...],
        expected: str = "a mapping",
    ) -> dict[str, Node] | None:
        """The value nodes by key, after reporting unknown, duplicate and missing keys."""
        if kind_of(node) != "mapping":
            self.wrong_type(node, path, expected)
            return None
        fields: dict[str, Node] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            if kind_of(key_node) != "string":
                self.wrong_type(key_node, path, "a key name")
                continue
            key = key_node.value
            if key in fields:
                message = f"duplicate key {key!r} (first given at line {lines[key]})"
                self.report.at_node(key_node, join(path, key), message)
            elif key not in allowed:
                self.report.at_node(key_node, join(path, key), unknown_key_message(key, allowed))
            else:
                fields[key] = value_node
                lines[key] = key_node.start_mark.line + 1
        for key in required:
            if key not in fields:
                self.report.at_node(node, path, f"missing required key {key!r}")
        return fields

    def items(self, node: Node, path: str, expected: str) -> list[tuple[int, Node]] | None:
        """The list's items with their indexes, leaving out (and reporting) empty ones."""
        if kind_of(node) != "list":
            self.wrong_type(node, path, expected)
            return None
        items = []
        for index, item in enumerate(node.value):
            if item.tag == NULL_TAG:
                self.report.at_node(item, f"{path}[{index}]", "empty list item")
            else:
                items.append((index, item))
        return items

    def text(self, node: Node, path: str) -> str | None:
        """Non-blank text, without surrounding whitespace (block scalars end in a newline)."""
        value = plain_text(node)
        if value is None:
            self.report_bad_text(node, path)
        return value

    def report_bad_text(self, node: Node, path: str) -> None:
        if kind_of(node) == "string":
            self.report.at_node(node, path, "must not be empty")
        elif node.tag == NULL_TAG and path.endswith("]"):
            self.report.at_node(node, path, "empty list item")
        else:
            self.wrong_type(node, path, "a string")

    def texts(self, node: Node, path: str, non_empty: bool = False) -> tuple[str, ...]:
        if kind_of(node) != "list":
            self.wrong_type(node, path, "a list of strings")
            return ()
        if non_empty and not node.value:
            self.report.at_node(node, path, NON_EMPTY)
        values = (self.text(item, f"{path}[{index}]") for index, item in enumerate(node.value))
        return tuple(value for value in values if value is not None)

    def terms(self, node: Node, path: str, non_empty: bool = False) -> list[LocatedTerm]:
        """Keywords or `unless_mentioned` items: each a string, or a list of alternatives (the first shown)."""
        if kind_of(node) != "list":
            self.wrong_type(node, path, TERMS_PHRASE)
            return []
        if non_empty and not node.value:
            self.report.at_node(node, path, NON_EMPTY)
        found = []
        for index, item in enumerate(node.value):
            alternatives = self.alternatives(item, f"{path}[{index}]")
            if alternatives:
                found.append(LocatedTerm(Term(tuple(a.text for a in alternatives)), alternatives))
        return found

    def alternatives(self, node: Node, path: str) -> tuple[Alternative, ...]:
        if kind_of(node) == "mapping":
            self.wrong_type(node, path, "a string or a list of alternatives")
            return ()
        if kind_of(node) != "list":
            text = self.text(node, path)
            return () if text is None else (Alternative(text, node, path),)
        if not node.value:
            self.report.at_node(node, path, "must list at least one alternative")
        located = ((self.text(item, f"{path}[{index}]"), item, f"{path}[{index}]") for index, item in enumerate(node.value))
        return tuple(Alternative(text, item, item_path) for text, item, item_path in located if text is not None)

    def optional_text(self, fields: dict[str, Node], key: str, path: str) -> str | None:
        node = fields.get(key)
        if node is None:
            return None
        return self.text(node, join(path, key))

    def optional_texts(self, fields: dict[str, Node], key: str, path: str, non_empty: bool = False) -> tuple[str, ...]:
        node = fields.get(key)
        return self.texts(node, join(path, key), non_empty) if node is not None else ()

    def optional_terms(self, fields: dict[str, Node], key: str, path: str, non_empty: bool = False) -> list[LocatedTerm]:
        node = fields.get(key)
        return self.terms(node, join(path, key), non_empty) if node is not None else []

    def optional_duration(self, fields: dict[str, Node], key: str, path: str) -> int | None:
        node = fields.get(key)
        return self.duration(node, join(path, key)) if node is not None else None

    def duration(self, node: Node, path: str) -> int | None:
        kind = kind_of(node)
        if not isinstance(node, ScalarNode) or kind not in ("integer", "string"):
            self.wrong_type(node, path, DURATION_PHRASE)
            return None
        number = scalar_int(node) if kind == "integer" else None
        try:
            return parse_duration(node.value if number is None else number)
        except DurationError as error:
            self.report.at_node(node, path, str(error))
            return None

    def wrong_type(self, node: Node, path: str, expected: str) -> None:
        kind = kind_of(node)
        if kind is None:
            message = f"tag {short_tag(node.tag)!r} is not allowed: use plain YAML values"
        elif kind == "null":
            message = f"no value given: expected {expected}"
        else:
            message = f"expected {expected}, got {KIND_PHRASES[kind]}"
            if expected == "a string" and isinstance(node, ScalarNode):
                message += f"; put {node.value!r} in quotes to use it as text"
        self.report.at_node(node, path, message)


def plain_text(node: Node) -> str | None:
    """The stripped text of a non-blank string scalar, else None."""
    if kind_of(node) == "string":
        return node.value.strip() or None
    return None


def check_strings(root: Node, report: Report) -> None:
    """Refuse control characters, and warn of bidirectional controls, in every string of a document.

    Keys and values alike, wherever they are (a string a later check refuses
    for its type is looked at too): text from a file is shown in a terminal,
    where ESC and the other controls would steer it (clear the screen, retitle
    the window, write the clipboard), and bidi controls reorder what a reader
    sees. YAML refuses them written raw, but its escapes (`"\\e"`, `"\\x9b"`)
    would let them in. Newline and tab are ordinary text.
    """
    pending: list[tuple[Node, str]] = [(root, "")]
    while pending:
        node, path = pending.pop()
        if isinstance(node, ScalarNode):
            if has_unsafe_characters(node.value):
                _report_string(node, path, report)
        elif isinstance(node, SequenceNode):
            pending.extend((item, f"{path}[{index}]") for index, item in enumerate(node.value))
        elif isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                key_path = join(path, str(key_node.value)) if isinstance(key_node, ScalarNode) else path
                pending += [(key_node, key_path), (value_node, key_path)]


def _report_string(node: ScalarNode, path: str, report: Report) -> None:
    """Name each control and bidi character `node` holds, as the visible escape mockint shows."""
    controls = ", ".join(dict.fromkeys(control_characters(node.value)))
    if controls:
        message = f"control characters are not allowed (found {controls}): a terminal would act on them"
        report.at_node(node, path, message)
    bidi = ", ".join(dict.fromkeys(bidi_controls(node.value)))
    if bidi:
        message = f"bidirectional controls can make text read in another order than it is written (found {bidi})"
        report.at_node(node, path, message, WARNING)


def unknown_key_message(key: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r}; did you mean {close[0]!r}?"
    return f"unknown key {key!r}; expected one of: {', '.join(allowed)}"
