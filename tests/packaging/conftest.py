"""Fixtures for the packaging tests: the helpers build.spec uses, imported from packaging/."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGING = REPO_ROOT / "packaging"


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_support() -> ModuleType:
    return _load("build_support", PACKAGING / "build_support.py")


@pytest.fixture(scope="session")
def make_icons() -> ModuleType:
    return _load("make_icons", PACKAGING / "make_icons.py")
