"""The wheel ships the bundled packs, the schemas and the stylesheets, where the code looks for them."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
# Build from a copy: setuptools writes build/ and *.egg-info next to pyproject,
# and a stale build/ in the working tree could smuggle deleted files into the wheel.
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", "tests", "docs"
)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The copy the wheel is built from; expectations are read from it too, so a file
    added to the working tree mid-test cannot make them disagree."""
    copy = tmp_path_factory.mktemp("packaging") / "src"
    shutil.copytree(ROOT, copy, ignore=NOT_COPIED)
    return copy


@pytest.fixture(scope="module")
def wheel_names(source: Path) -> set[str]:
    workdir = source.parent
    outdir = workdir / "dist"
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir), str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (wheel,) = outdir.glob("mockint-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_wheel_ships_every_bundled_round_file(source: Path, wheel_names: set[str]) -> None:
    bundled = sorted((source / "rounds").rglob("*.yaml"))
    assert bundled, "no bundled packs found under rounds/"
    expected = {"mockint/rounds/" + path.relative_to(source / "rounds").as_posix() for path in bundled}
    assert expected <= wheel_names, sorted(expected - wheel_names)
    assert "mockint/rounds/__init__.py" in wheel_names


def test_wheel_ships_the_schemas(wheel_names: set[str]) -> None:
    assert {"mockint/schemas/round.schema.json", "mockint/schemas/interview.schema.json"} <= wheel_names


def test_wheel_ships_every_stylesheet(source: Path, wheel_names: set[str]) -> None:
    stylesheets = {path.relative_to(source).as_posix() for path in (source / "mockint").rglob("*.tcss")}
    assert stylesheets, "no stylesheets found under mockint/"
    assert stylesheets <= wheel_names, sorted(stylesheets - wheel_names)


def test_wheel_has_only_the_package_and_the_console_script(wheel_names: set[str]) -> None:
    top_level = {name.split("/")[0] for name in wheel_names}
    assert top_level == {"mockint", "mockint-0.1.0.dist-info"}
    assert "mockint-0.1.0.dist-info/entry_points.txt" in wheel_names
