"""The interview packs bundled with mockint (data only, read with importlib.resources)."""
