"""Checking the shape of composed YAML nodes: mappings, lists, text, durations.

A NodeChecker records every problem in a Report and returns None for a value
that is missing or wrong, so callers carry on and a whole file is checked in
one pass. The loader builds round files out of these shapes.

Pure module: no textual import.
"""

from __future__ import annotations

import difflib

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mockint.diagnostics import Report
from mockint.durations import DurationError, parse_duration
from mockint.yamlsource import kind_of, scalar_int, short_tag

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
        if not isinstance(node, MappingNode) or kind_of(node) != "mapping":
            self.wrong_type(node, path, expected)
            return None
        fields: dict[str, Node] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = self.key(key_node, path)
            if key is None:
                continue
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

    def key(self, node: Node, path: str) -> str | None:
        if isinstance(node, ScalarNode) and kind_of(node) == "string":
            return node.value
        self.wrong_type(node, path, "a key name")
        return None

    def items(self, node: Node, path: str, expected: str) -> list[tuple[int, Node]] | None:
        """The list's items with their indexes, leaving out (and reporting) empty ones."""
        if not isinstance(node, SequenceNode) or kind_of(node) != "list":
            self.wrong_type(node, path, expected)
            return None
        items = []
        for index, item in enumerate(node.value):
            if kind_of(item) == "null":
                self.report.at_node(item, f"{path}[{index}]", "empty list item")
            else:
                items.append((index, item))
        return items

    def text(self, node: Node, path: str) -> str | None:
        """Non-blank text, without surrounding whitespace (block scalars end in a newline)."""
        if not isinstance(node, ScalarNode) or kind_of(node) != "string":
            self.wrong_type(node, path, "a string")
            return None
        value = node.value.strip()
        if not value:
            self.report.at_node(node, path, "must not be empty")
            return None
        return value

    def texts(self, node: Node, path: str, non_empty: bool = False) -> tuple[str, ...]:
        items = self.items(node, path, "a list of strings")
        if items is None:
            return ()
        if non_empty and not node.value:
            self.report.at_node(node, path, "must list at least one item (or leave the key out)")
        found = (self.text(item, f"{path}[{index}]") for index, item in items)
        return tuple(text for text in found if text is not None)

    def optional_text(self, fields: dict[str, Node], key: str, path: str) -> str | None:
        node = fields.get(key)
        return self.text(node, join(path, key)) if node is not None else None

    def optional_texts(self, fields: dict[str, Node], key: str, path: str) -> tuple[str, ...]:
        node = fields.get(key)
        return self.texts(node, join(path, key)) if node is not None else ()

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


def unknown_key_message(key: str, allowed: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key {key!r}; did you mean {close[0]!r}?"
    return f"unknown key {key!r}; expected one of: {', '.join(allowed)}"
