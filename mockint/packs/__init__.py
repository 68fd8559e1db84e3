"""Round packs: reading YAML safely, validating it, the round cache and finding packs on disk. Above core."""
