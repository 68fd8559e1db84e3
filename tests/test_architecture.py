"""The package's folders are its layers: the import-linter contracts in pyproject.toml hold.

Each layer imports only the layers below it, and only mockint.ui imports textual
(ARCHITECTURE.md). The contracts see every import, including those inside functions.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(project), "PATH": ""},
    )


def copy_of_the_package(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "mockint", tmp_path / "mockint", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_and_the_textual_boundary_hold() -> None:
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_an_import_of_a_higher_layer_breaks_the_layers_contract(tmp_path: Path) -> None:
    project = copy_of_the_package(tmp_path)
    with (project / "mockint" / "core" / "model.py").open("a", encoding="utf-8") as source:
        source.write("\nfrom mockint.session import engine  # noqa: E402\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "Layers: each folder imports only the folders below it BROKEN" in result.stdout
    assert "mockint.core.model -> mockint.session.engine" in result.stdout


@pytest.mark.parametrize(
    ("module", "imported"),
    [("remote/host.py", "mockint.ui import app"), ("storage/history.py", "mockint.remote import host")],
)
def test_the_wire_sits_between_the_ui_and_storage(tmp_path: Path, module: str, imported: str) -> None:
    project = copy_of_the_package(tmp_path)
    with (project / "mockint" / module).open("a", encoding="utf-8") as source:
        source.write(f"\nfrom {imported}  # noqa: E402\n")
    result = lint_imports(project)
    assert result.returncode != 0
    importer = "mockint." + module.removesuffix(".py").replace("/", ".")
    assert f"{importer} -> {imported.replace(' import ', '.')}" in result.stdout


def test_textual_outside_the_ui_breaks_the_boundary(tmp_path: Path) -> None:
    project = copy_of_the_package(tmp_path)
    with (project / "mockint" / "exporters" / "content.py").open("a", encoding="utf-8") as source:
        source.write("\nimport textual  # noqa: E402\n")
    result = lint_imports(project)
    assert result.returncode != 0
    assert "Only the UI imports textual BROKEN" in result.stdout
