"""The one codec for mockint's own data: session records, states, commands, journal steps,
views and the round cache's entries, as JSON.

Built on msgspec, which reads and writes the typed structs themselves (no
hand-written to/from-dict code) and checks every field's type on the way in.
The session record carries its format (`mockint.session/N`), checked by
mockint.session.record.decode_record: a record from a newer version is refused
with a clear message rather than misread. Exported
transcripts (`mockint.transcript/N`) are a different format, written by
mockint.exporters. Pure module: no textual import.
"""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec

T = TypeVar("T")

_ENCODER = msgspec.json.Encoder(order="deterministic")
"""Sets and dict keys sorted, so equal values encode to equal bytes."""


class CodecError(ValueError):
    """Bytes that are not a valid value of the type asked for; the message says where and why."""


def encode(value: object) -> bytes:
    return _ENCODER.encode(value)


def decode(data: bytes | str, kind: type[T]) -> T:
    """`data` as a `kind` (a struct, or a union such as mockint.session.state.State)."""
    try:
        return msgspec.json.decode(data, type=kind)
    except msgspec.ValidationError as error:
        raise CodecError(f"not a valid {_name(kind)}: {error}") from error
    except msgspec.DecodeError as error:
        raise CodecError(f"not JSON: {error}") from error


def _name(kind: Any) -> str:
    return getattr(kind, "__name__", None) or str(kind)
