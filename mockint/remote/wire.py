"""Sending and receiving frames on a WebSocket connection, the same on both ends.

A frame that cannot be taken (binary, too large, not valid, or not the kind expected now) is
dropped with a log line naming where it came from, never raised: a peer's bad frame must not
end the other side.
"""

from __future__ import annotations

import logging

from websockets.asyncio.connection import Connection
from websockets.exceptions import ConnectionClosed

from mockint.remote.frames import MAX_FRAME_BYTES, Frame, FrameError, decode_frame, encode_frame

LOG = logging.getLogger("mockint.remote")


async def send(connection: Connection, frame: Frame) -> bool:
    """Whether `frame` went out; a connection closing meanwhile is the listener's to notice."""
    data = encode_frame(frame)
    if len(data) > MAX_FRAME_BYTES:
        LOG.error("did not send a %s frame of %s bytes: over the limit", type(frame).__name__, len(data))
        return False
    try:
        await connection.send(data, text=True)
    except ConnectionClosed:
        return False
    return True


def decoded(message: str | bytes, source: str, limit: int = MAX_FRAME_BYTES) -> Frame | None:
    """`message` as a frame, or None (logged) if it is not one; `source` names the sender in the log."""
    try:
        return decode_frame(message, limit)
    except FrameError as error:
        LOG.warning("dropped a frame from the %s: %s", source, error)
        return None


async def expect(connection: Connection, kinds: tuple[type, ...], source: str, limit: int = MAX_FRAME_BYTES) -> Frame:
    """The next frame of one of `kinds`, dropping any other with a log line."""
    while True:
        frame = decoded(await connection.recv(), source, limit)
        if isinstance(frame, kinds):
            return frame
        if frame is not None:
            out_of_order(frame, source)


def out_of_order(frame: Frame, source: str) -> None:
    LOG.warning("dropped a %s frame from the %s: out of order", type(frame).__name__, source)
