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
    # optional: words a strong answer tends to use. An item may be a list of
    # alternatives (the first is the name shown; any of them counts, once).
    keywords: [impact, [trade-off, compromise], users]
    hint: Pick one project and go deep rather than listing several.
    hint_after: 1m            # optional: in pair mode the hint unlocks this far in (default: a third of the time)
    challenges:               # optional: scripted push-back
      - ask: What would you do differently if you started again?
        time: 1m
        guide:                # optional: what a good answer to this push-back contains
          - One concrete change, and why
      - ask: How did you know it worked?
        time: 45s
        unless_mentioned: [[measured, metrics, data], users]   # asked only if none was said
    checklist:                # optional: self-assessment items for this question
      - I named a concrete result
    # The interviewer's kit, all optional: a partner judges with it, and a solo
    # candidate sees it in the review (the reference only after the round's
    # self-assessment).
    anchors:                  # what an answer at each rating level contains
      poor: A list of tasks, no result and no own part.
      mixed: A result, but the team's work and the candidate's run together.
      good: A clear own part, a result, and how it was known.
      excellent: All of good, plus a trade-off weighed and what was learned.
    reference: >              # a reference answer, in prose
      Our support team lost hours to duplicate tickets, so I built a merge tool;
      I owned the matching rules, and duplicates fell by half in a month.
    facts:                    # what the interviewer may tell the candidate if asked
      - Any project counts, paid or not.

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
