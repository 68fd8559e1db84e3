"""Reading a YAML file safely into position-carrying nodes.

The loader never constructs Python objects from YAML: it composes nodes with
the safe (C, where available) loader and validates them itself, so every error
can point at a line and column and no tag can ever run code. Aliases are
refused before composing, which also defuses "billion laughs" expansion.

Pure module: no textual import.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mockint.core.diagnostics import Report
from mockint.packs.regularfile import UnreadableFile, read_regular_file

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

STR_TAG = "tag:yaml.org,2002:str"
SEQ_TAG = "tag:yaml.org,2002:seq"
MAP_TAG = "tag:yaml.org,2002:map"
NULL_TAG = "tag:yaml.org,2002:null"

MAX_FILE_BYTES = 1024 * 1024
"""Round files are a few kilobytes; anything past 1 MiB is a mistake (or an attack)."""

_LARGEST_INT = 10**18
_CORE = "tag:yaml.org,2002:"
_SCALAR_KINDS = {
    _CORE + "str": "string",
    _CORE + "int": "integer",
    _CORE + "float": "number",
    _CORE + "bool": "boolean",
    _CORE + "null": "null",
    _CORE + "timestamp": "date",
}


def read_document(path: Path, report: Report) -> Node | None:
    """Compose the single YAML document in `path`.

    Problems are recorded in `report`; the result is None when there were any,
    and also when the file holds no document at all (callers check `report`).
    """
    data = _read_bytes(path, report)
    if data is None or not _is_utf8(data, report):
        return None
    try:
        if b"*" in data and _first_alias(data, report):
            return None
        return yaml.compose(data, Loader=SAFE_LOADER)
    except yaml.composer.ComposerError as error:
        report.at_mark(error.problem_mark, "", "found a second YAML document; a file holds exactly one")
    except yaml.MarkedYAMLError as error:
        report.at_mark(error.problem_mark, "", _syntax_message(error, data))
    except yaml.reader.ReaderError as error:
        line, col = _position_of_byte(data, error.position)
        report.at(line, col, "", _reader_message(error))
    except yaml.YAMLError as error:
        # Every libyaml error is one of the above; keep the file's message if not.
        report.at(1, 1, "", f"YAML error: {error}")
    return None


def kind_of(node: Node) -> str | None:
    """`string`, `integer`, `number`, `boolean`, `null`, `date`, `list` or `mapping`.

    None for anything carrying another tag (`!!python/object`, `!include`,
    `!!binary`, `!!set`...): such nodes are refused, never constructed.
    """
    if isinstance(node, ScalarNode):
        return _SCALAR_KINDS.get(node.tag)
    if isinstance(node, SequenceNode):
        return "list" if node.tag == SEQ_TAG else None
    if isinstance(node, MappingNode):
        return "mapping" if node.tag == MAP_TAG else None
    return None


def short_tag(tag: str) -> str:
    """`tag:yaml.org,2002:python/object` -> `!!python/object`, as the file spells it."""
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def scalar_int(node: ScalarNode) -> int | None:
    """The value of an integer scalar in any YAML 1.1 spelling (`90`, `0x5a`, `1:30`).

    None if it cannot be read or is absurdly large.
    """
    try:
        value = yaml.constructor.SafeConstructor().construct_yaml_int(node)
    except ValueError:
        return None
    # Hex and octal spellings can make numbers too long to even print in a message.
    return value if abs(value) <= _LARGEST_INT else None


def _read_bytes(path: Path, report: Report) -> bytes | None:
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as refused:
        report.at(1, 1, "", str(refused))
        return None


def _is_utf8(data: bytes, report: Report) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, col = _position_of_byte(data, error.start)
        report.at(
            line, col, "", f"not valid UTF-8 (byte 0x{data[error.start]:02x}); save the file as UTF-8"
        )
        return False
    return True


def _first_alias(data: bytes, report: Report) -> bool:
    """Record the first alias (`*name`) in the stream, if any; True if one was found.

    Scanning events stops at the first alias, so even a "billion laughs"
    document costs no more than reading its first few lines.
    """
    for event in yaml.parse(data, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            report.at_mark(
                event.start_mark,
                "",
                f"YAML aliases are not allowed (found *{event.anchor}); write the value out in full",
            )
            return True
    return False


def _syntax_message(error: yaml.MarkedYAMLError, data: bytes) -> str:
    mark = error.problem_mark
    if mark is not None and _character_at(data, mark.line, mark.column) == "\t":
        return "YAML syntax error: tab characters cannot indent YAML; use spaces"
    message = f"YAML syntax error: {error.problem}"
    if error.context and error.context_mark is not None:
        message += f" ({error.context} at line {error.context_mark.line + 1})"
    return message


def _character_at(data: bytes, line: int, column: int) -> str:
    """The character at a 0-based line and column, or "" past the end."""
    lines = data.decode("utf-8").split("\n")
    text = lines[line] if line < len(lines) else ""
    return text[column] if column < len(text) else ""


def _reader_message(error: yaml.reader.ReaderError) -> str:
    character = error.character
    if isinstance(character, int):
        return f"{error.reason} (found U+{character:04X})"
    return str(error.reason)


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of the byte at `offset`."""
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col
