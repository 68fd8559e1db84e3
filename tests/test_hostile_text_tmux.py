"""In a real terminal: a pack named with escape sequences and titled with markup steers nothing.

Only a real terminal shows some of what escapes do: tmux takes OSC 0 as the
pane's title and acts on CSI 2J by clearing the pane. The app is run in a
detached tmux session on a pack whose folder name holds both and whose title
holds broken markup and an action; the pane must keep its title and show the
text as written.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.tmux import Tmux, mockint_in_tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

TITLE = "[/]broken [@click=app.quit]Click[/]"
FOLDER = "evil\x1b]0;PWNED\x07\x1b[2Jpack"
ROUND = """\
title: '[/]Round [b]one'
interviewer:
  name: '[/]Sam'
questions:
  - ask: 'What is [/] a mutex?'
    time: 1m
"""


@pytest.fixture
def tmux_home(tmp_path: Path) -> Iterator[Tmux]:
    """Plain `mockint` on a rounds folder holding the hostile pack."""
    rounds = tmp_path / "rounds"
    pack = rounds / FOLDER
    pack.mkdir(parents=True)
    (pack / "interview.yaml").write_text(f"title: '{TITLE}'\n", encoding="utf-8")
    (pack / "01-round.yaml").write_text(ROUND, encoding="utf-8")
    with mockint_in_tmux(tmp_path, "--rounds", str(rounds)) as tmux:
        yield tmux


def pane_title(tmux: Tmux) -> str:
    return tmux.run("display-message", "-p", "-t", tmux.session, "#{pane_title}").strip()


def test_escapes_in_a_folder_name_and_markup_in_a_title_steer_nothing(tmux_home: Tmux) -> None:
    tmux = tmux_home
    home = tmux.wait_for("evil\\x1b]0;PWNED\\x07\\x1b[2Jpack")
    assert TITLE in home
    assert "PWNED" not in pane_title(tmux)
    tmux.press("Enter")
    setup = tmux.wait_for("Rounds to include")
    assert TITLE in setup and "[/]Round [b]one" in setup
    tmux.press("C-s")
    tmux.wait_for("Your interviewer: [/]Sam")
    tmux.press("Enter")
    tmux.wait_for("What is [/] a mutex?")
    assert "PWNED" not in pane_title(tmux)
    tmux.press("C-q")
    tmux.wait_for("End the interview now?")
    tmux.press("y")
    tmux.wait_for("ended early")
    tmux.press("C-q")  # the run is saved: quitting asks nothing
    assert tmux.wait_for_exit() == 0
