"""The frames that cross the wire: plain JSON, one per WebSocket message, each a typed struct
with a `kind` tag, encoded by mockint.core.codec (protocol `mockint.remote/2`).

Joining, in order: the candidate's `Hello`; the host's `Challenge` (a fresh nonce); the
candidate's `Proof` (its own nonce and an HMAC-SHA256 keyed by the code over both); the host's
`Welcome` (its own HMAC, so the candidate knows the host holds the code too) or `Refused`.
Then the host sends `ViewFrame`s, the candidate `IntentFrame`s, both `Heartbeat`s, and
either side a `Bye` before it closes. The code itself never crosses the wire.

The protocol changes whenever a frame does in a way the other side could not read (/2: the view
names the pack and when the run started): the `Hello` names the candidate's, and a host of
another refuses it with a `Refused` naming its own, so each side can say plainly that host and
join run different versions of mockint. `Hello` and `Refused` keep their shape for that.
"""

from __future__ import annotations

import hashlib
import hmac

from msgspec import Struct

from mockint.core import codec
from mockint.session.commands import SubmitAssessment
from mockint.session.views import CandidateView

PROTOCOL = "mockint.remote/2"
NONCE_BYTES = 32
MAX_FRAME_BYTES = 4 * 1024 * 1024
"""The largest frame either side accepts: a whole interview's view with long answers fits many times."""
MAX_JOINING_FRAME_BYTES = 1024
"""The largest frame accepted before the proof is checked: the joining frames are tiny."""


class Hello(Struct, frozen=True, tag="hello", tag_field="kind"):
    protocol: str = PROTOCOL


class Challenge(Struct, frozen=True, tag="challenge", tag_field="kind"):
    nonce: str
    """Hex, fresh for each connection."""


class Proof(Struct, frozen=True, tag="proof", tag_field="kind"):
    nonce: str
    """The candidate's own fresh nonce, hex."""
    mac: str
    """`join_mac(code, CANDIDATE, host nonce, candidate nonce)`, hex."""


class Welcome(Struct, frozen=True, tag="welcome", tag_field="kind"):
    mac: str
    """`join_mac(code, HOST, host nonce, candidate nonce)`, hex: the host holds the code too."""


class Refused(Struct, frozen=True, tag="refused", tag_field="kind"):
    reason: str
    """Said to the candidate as is; never which part of a proof was wrong."""
    retry_after: float | None = None
    """Seconds before the host checks another code, while it is backing off."""
    protocol: str | None = None
    """The host's protocol, when it refuses a candidate that speaks another."""


def other_version_text(host_protocol: str, join_protocol: str) -> str:
    """Why a host and a join of different protocols cannot work together, worded for either side."""
    return (f"host and join run different versions of mockint: the host speaks {host_protocol}, the join"
            f" {join_protocol}; install the same version on both terminals")  # fmt: skip


class ViewFrame(Struct, frozen=True, tag="view", tag_field="kind"):
    sequence: int
    """Increases with every view the host sends on a connection; an older one is dropped."""
    view: CandidateView


class Ready(Struct, frozen=True, tag="ready", tag_field="intent"):
    """The candidate is ready to go on (begin the round, or the next question)."""


class Notes(Struct, frozen=True, tag="notes", tag_field="intent"):
    """The candidate's own notes or outline, whole; kept in the host's record, labelled as theirs."""

    text: str


class SelfAssessment(Struct, frozen=True, tag="self_assessment", tag_field="intent"):
    """The candidate's self-assessment of the round being assessed; the host refuses another role's."""

    assessment: SubmitAssessment


Intent = Ready | Notes | SelfAssessment


class IntentFrame(Struct, frozen=True, tag="intent", tag_field="kind"):
    intent: Intent


class Bye(Struct, frozen=True, tag="bye", tag_field="kind"):
    reason: str


class Heartbeat(Struct, frozen=True, tag="heartbeat", tag_field="kind"):
    pass


Frame = Hello | Challenge | Proof | Welcome | Refused | ViewFrame | IntentFrame | Bye | Heartbeat


class FrameError(ValueError):
    """A message that is not a frame: binary, too large or not valid; the message says which."""


def encode_frame(frame: Frame) -> bytes:
    """The frame as the UTF-8 text of one WebSocket text message."""
    return codec.encode(frame)


def decode_frame(message: str | bytes, limit: int = MAX_FRAME_BYTES) -> Frame:
    if isinstance(message, bytes):
        raise FrameError(f"a binary message of {len(message)} bytes (frames are JSON text)")
    size = len(message.encode())
    if size > limit:
        raise FrameError(f"a frame of {size} bytes (at most {limit})")
    try:
        return codec.decode(message, Frame)
    except codec.CodecError as error:
        raise FrameError(str(error)) from error


CANDIDATE = b"candidate"
HOST = b"host"


def join_mac(code: str, speaker: bytes, host_nonce: str, candidate_nonce: str) -> str:
    """HMAC-SHA256 keyed by the code over who speaks and both nonces: a proof neither side can replay."""
    message = b"\n".join([PROTOCOL.encode(), speaker, host_nonce.encode(), candidate_nonce.encode()])
    return hmac.new(code.encode(), message, hashlib.sha256).hexdigest()


def proof_holds(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())
