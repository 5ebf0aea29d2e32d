"""The layers of the package, checked by import-linter (contracts in pyproject.toml).

The first test fails the suite when any import crosses a layer. The others prove the
contracts bite: each plants one wrong import in a scratch copy of the package and expects
``lint-imports`` to refuse it, naming the contract that was broken.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "src" / "trygghetspris_desktop"


def lint_imports(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "lint-imports"
    assert script.exists(), "import-linter is part of the test extras: pip install -e '.[test]'"
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(
        [str(script), "--no-cache"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_no_import_crosses_a_layer() -> None:
    result = lint_imports(REPO_ROOT, REPO_ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the package and its contracts, to break on purpose."""
    root = tmp_path_factory.mktemp("layers")
    shutil.copytree(
        PACKAGE, root / "src" / PACKAGE.name, ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO_ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


WRONG_IMPORTS = [
    ("documents/text.py", "import trygghetspris_desktop.db.engine", "Documents take plain data"),
    ("documents/dates.py", "import sqlalchemy", "Documents take plain data"),
    ("ui/labels.py", "import sqlalchemy", "The window never imports storage"),
    ("ui/labels.py", "import trygghetspris_desktop.db.models", "The window never imports storage"),
    ("db/engine.py", "import trygghetspris_desktop.core.views", "Layers"),
    ("core/views.py", "import trygghetspris_desktop.documents.text", "Layers"),
    ("core/views.py", "import PySide6.QtCore", "No Qt outside ui/"),
    ("cli.py", "import trygghetspris_desktop.ui.labels", "The command line uses core"),
    ("cli.py", "import trygghetspris_desktop.db.engine", "The command line uses core"),
    ("domain/enums.py", "import trygghetspris_desktop.paths", "The domain imports nothing"),
    ("exchange/files.py", "import trygghetspris_desktop.documents.text", "Layers"),
]


@pytest.mark.parametrize(("module", "line", "contract"), WRONG_IMPORTS)
def test_a_wrong_import_is_refused(scratch: Path, module: str, line: str, contract: str) -> None:
    path = scratch / "src" / PACKAGE.name / module
    original = path.read_text(encoding="utf-8")
    path.write_text(original + f"\n{line}  # planted by the test\n", encoding="utf-8")
    try:
        result = lint_imports(scratch, scratch / "src")
    finally:
        path.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    assert "Broken contracts" in result.stdout, result.stdout + result.stderr
    broken = result.stdout.split("Broken contracts", 1)[1]
    assert f"\n{contract}" in broken, result.stdout
