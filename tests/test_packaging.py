"""What an install carries: every package of the source tree, the bundled library, and the version.

`.ci/check-wheel` builds the wheel, installs it into a fresh venv, runs it from `/` and uninstalls it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bluebook_tui import __version__
from bluebook_tui.library.paths import BUNDLED_CONTENT, is_installed_bundle
from bluebook_tui.search.store import default_index_root
from tests.support import run

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_carries_the_bundled_library() -> None:
    """`bluebook_tui/bundled` is the repository's `content/` (a symlink), and the wheel takes its files."""
    bundled = ROOT / "bluebook_tui" / "bundled"
    assert bundled.is_symlink() and bundled.resolve() == ROOT / "content"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"bundled/*.md", "bundled/*.txt"' in pyproject
    assert sorted(path.name for path in bundled.iterdir()) == sorted(path.name for path in (ROOT / "content").iterdir())


def test_a_clone_reads_and_indexes_its_own_content_folder() -> None:
    assert BUNDLED_CONTENT == ROOT / "content"
    assert not is_installed_bundle(BUNDLED_CONTENT)
    assert default_index_root(BUNDLED_CONTENT) == ROOT / "index"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"bluebook {__version__}\n")
