"""The commented round file that `mockint new` writes.

Pure module: no textual import.
"""

from __future__ import annotations

from pathlib import Path

ROUND_TEMPLATE = """\
# yaml-language-server: $schema={schema}
#
# One round of a mock interview. Put this file in a folder (the pack) inside a
# rounds directory; rounds run in file-name order and this file's name (without
# .yaml) is the round's id. Check it with:  mockint validate {filename}
#
# Durations are written 45s, 3m, 1m30s, 1h or a bare number of seconds.

title: Warm-up                # required: shown when the round starts

interviewer:                  # optional
  name: Sam
  style: Friendly but keeps you to time.

intro: >                      # optional: read out before the first question
  A short round to get going. Think aloud; it is fine to ask questions.

time: 10m                     # optional soft budget for the whole round

questions:                    # required: at least one question
  - id: tell-me               # optional: defaults to q1, q2, ... by position
    ask: Tell me about a project you are proud of.
    time: 3m                  # required: time for the main answer
    guide:                    # optional: what a good answer covers
      - What the project was for and who used it
      - Your own part in it, not just the team's
    keywords: [impact, trade-off, users]   # optional: words a strong answer tends to use
    hint: Pick one project and go deep rather than listing several.
    challenges:               # optional: scripted push-back
      - ask: What would you do differently if you started again?
        time: 1m
      - ask: How did you know it worked?
        time: 45s
        unless_mentioned: [measured, metrics, users]   # asked only if none was said
    checklist:                # optional: self-assessment items for this question
      - I named a concrete result

  - ask: Walk me through how you debug a slow web page.
    time: 4m
    challenges:
      - ask: Sorry to interrupt, where would you look first?
        time: 30s
        at: 1m                # interrupts the main answer one minute in

checklist:                    # optional: self-assessment items for the round
  - I kept each answer within its time
"""


def render_round_template(schema: Path, filename: str) -> str:
    """The template text, pointing editors at the schema file and naming the new file."""
    return ROUND_TEMPLATE.format(schema=schema.as_posix(), filename=filename)
