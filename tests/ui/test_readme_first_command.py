"""The README's first commands: the apt-get line the program's own hint prints."""

from tests.conftest import REPO_ROOT
from trygghetspris_desktop.ui.platform_hint import APT_LINE


def test_the_readme_gives_the_same_apt_get_line_as_the_program():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.index("## The two commands")
    assert readme.index(APT_LINE, first) < readme.index("\n## ", first + 5)
