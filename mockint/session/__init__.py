"""The session: its record, state, commands, setup, the engine that runs it and the views screens draw from. Above packs."""
