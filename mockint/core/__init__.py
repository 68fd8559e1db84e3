"""The foundation every layer uses: the round model, durations, the clock, safe text, diagnostics, text matching, the msgspec codec and path helpers. Imports nothing else from mockint."""
