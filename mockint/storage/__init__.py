"""Keeping work safe on disk: the recovery copy written while an interview runs. Above the exporters."""
