"""Domain modules never import textual: they must stay usable (and testable) without a terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).parent.parent / "mockint"
UI_MODULES = {"mockint.app", "mockint.launch"}
"""Modules allowed to import textual, besides everything under screens/ and widgets/:
the app itself and the command-line handlers that open it."""


def domain_modules() -> list[str]:
    files = [*PACKAGE_DIR.glob("*.py"), *(PACKAGE_DIR / "exporters").glob("*.py")]
    names = sorted(_module_name(path) for path in files)
    return [name for name in names if name not in UI_MODULES]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def test_the_module_list_covers_the_known_domain_modules() -> None:
    modules = domain_modules()
    assert {"mockint", "mockint.cli", "mockint.model", "mockint.durations", "mockint.exporters"} <= set(modules)
    assert not any(name.startswith(("mockint.screens", "mockint.widgets")) for name in modules)


@pytest.mark.parametrize("module", domain_modules())
def test_domain_module_does_not_import_textual(module: str) -> None:
    probe = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "loaded = sorted(name for name in sys.modules if name == 'textual' or name.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"{module} imports textual: {result.stdout.strip()}"
