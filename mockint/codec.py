"""The one codec for session data: records, states, commands, journal steps and views, as JSON.

Built on msgspec, which reads and writes the typed structs themselves (no
hand-written to/from-dict code) and checks every field's type on the way in.
The session record carries its format (`mockint.session/N`): a record from a
newer version is refused with a clear message rather than misread. Exported
transcripts (`mockint.transcript/N`) are a different format, written by
mockint.exporters. Pure module: no textual import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

if TYPE_CHECKING:
    from mockint.record import SessionRecord

T = TypeVar("T")

_ENCODER = msgspec.json.Encoder(order="deterministic")
"""Sets and dict keys sorted, so equal values encode to equal bytes."""


class CodecError(ValueError):
    """Bytes that are not a valid value of the type asked for; the message says where and why."""


class _Header(msgspec.Struct):
    format: str = ""


def encode(value: object) -> bytes:
    return _ENCODER.encode(value)


def decode(data: bytes | str, kind: type[T]) -> T:
    """`data` as a `kind` (a struct, or a union such as mockint.state.State)."""
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as error:
        raise CodecError(f"not a valid {_name(kind)}: {error}") from error
    except msgspec.DecodeError as error:
        raise CodecError(f"not JSON: {error}") from error


def decode_record(data: bytes | str) -> SessionRecord:
    """A session record, refusing one of another format or of a newer version than this mockint reads."""
    # Imported here, not above: the round cache uses this codec on every launch,
    # before any session exists.
    from mockint.record import SessionRecord

    check_format(decode(data, _Header).format)
    return decode(data, SessionRecord)


def check_format(format_: str) -> None:
    from mockint.record import SESSION_FORMAT

    known_name, _, known_version = SESSION_FORMAT.partition("/")
    name, _, version = format_.partition("/")
    if name != known_name or not version.isdigit():
        raise CodecError(f"not a mockint session (format {format_!r}, expected {SESSION_FORMAT})")
    if int(version) > int(known_version):
        raise CodecError(
            f"this session was saved by a newer mockint ({format_}); this version reads up to {SESSION_FORMAT}"
        )


def _name(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind)
