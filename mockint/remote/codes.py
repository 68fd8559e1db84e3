"""Join codes: what the interviewer reads out and the candidate types.

Random unless given: six digits for a host on loopback (only this machine can try them), a
few words from a built-in list for a host on the LAN. Either is slow to guess because the
host backs off after every wrong one (mockint.remote.host). Case, spaces and hyphens do not
matter when typed (`normalised`): both sides key the proof by the normalised code.
"""

from __future__ import annotations

import re
import secrets

DIGITS = 6
WORDS = 4
"""Four words of 256: 32 bits, for a host any machine on the network can reach."""
SHORTEST_GIVEN = 6

WORD_LIST = tuple(
    """
    acorn amber anchor apple apron arch arrow aspen atlas attic autumn badge bagel bamboo banjo barn
    basil basket beach beacon bean bear beetle bell bench berry birch bison blanket bloom boat bottle
    branch bread breeze brick bridge brook broom bucket button cabin cactus camel candle canoe canyon carpet carrot
    castle cedar cello chalk cherry chess cider cinder circle cliff clock cloud clover cobalt comet copper coral
    cotton cradle crane crayon creek cricket crown cube daisy delta desert dingo dolphin donkey dove dragon drum
    dune eagle easel echo elbow elder ember engine fable falcon feather fern ferry fiddle field fig flame
    flint flute forest fossil fox galaxy garden garlic gecko ginger glacier globe goose grape gravel harbor harp
    hazel heron hill honey hoop horizon iris island ivory jacket jade jasmine jelly jungle kayak kettle kite
    koala ladder lagoon lake lantern lemon lilac linen lion lizard lobster locket lotus maple marble meadow melon
    mesa mint mirror mitten moose moss mountain needle nest nickel noodle nutmeg oak oasis ocean olive
    onion orbit orchid otter owl paddle palm panda paper parrot pasta peach pearl pebble pepper piano pillow
    pine planet plum pocket pond poppy prairie pumpkin quartz quill rabbit radish rain raven reef ribbon river
    robin rocket saddle sage salmon sand saturn scarf shell silver sketch sled slope snail sparrow spider spruce
    squash stone straw stream summit sun swan table tango teapot thistle thunder tiger timber toast tomato topaz
    torch tulip tundra turtle umbrella valley velvet violin walnut walrus water whale willow window winter wizard
    yarn yeti zebra zephyr zinc
    """.split()
)


def new_code(lan: bool) -> str:
    """A fresh random code: six digits on loopback, `WORDS` words with a LAN."""
    if lan:
        return "-".join(secrets.choice(WORD_LIST) for _ in range(WORDS))
    return f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"


def normalised(code: str) -> str:
    """The code as the proof is keyed: digits run together, words in lower case joined by single hyphens."""
    parts = [part for part in re.split(r"[\s\-]+", code.lower()) if part]
    return "".join(parts) if all(part.isdigit() for part in parts) else "-".join(parts)


class CodeError(ValueError):
    """A code given by hand that is too easy to guess; the message says why."""


def checked_code(code: str) -> str:
    """A code given by hand, normalised, or CodeError."""
    key = normalised(code)
    if len(key.replace("-", "")) < SHORTEST_GIVEN:
        raise CodeError(f"a join code needs at least {SHORTEST_GIVEN} letters or digits")
    return key
