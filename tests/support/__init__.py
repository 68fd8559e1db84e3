"""What the tests share: the test packs, apps built by the factory, Pilot and tmux drivers, engine runs.

packs: the test packs on disk and in code; apps: the app built as `mockint` builds it;
pilot: typing and waiting in an app under Pilot; runs: whole interviews driven through
the engine; sessions: arbitrary command journals (hypothesis); tmux: the real `mockint`
in a private tmux server; special_files: FIFOs, devices and link loops; behaviour: the
behaviour corpus of the bundled packs and its runs through the engine.
"""
