"""The interview packs bundled with mockint (data only, found by mockint.core.paths.bundled_rounds_dir)."""
