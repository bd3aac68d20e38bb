"""Shared fixtures: the bundled library, the plain-text sources it was made from, its alignment and index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bluebook_tui.compare import Alignment, align_editions
from bluebook_tui.library import Library, load_library
from bluebook_tui.library.paths import BUNDLED_CONTENT
from tests.support import EDITIONS


@pytest.fixture(autouse=True, scope="session")
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Library snapshots and other user caches go to a directory of the test run, never the user's own (for the
    whole session: module and session fixtures write caches too)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "cache"))
        yield


@pytest.fixture(scope="session")
def bundled_content() -> Path:
    return BUNDLED_CONTENT


@pytest.fixture(scope="session")
def library(bundled_content: Path) -> Library:
    return load_library(bundled_content)


@pytest.fixture(scope="session")
def sources(bundled_content: Path) -> dict[str, str]:
    """Each edition's plain-text source, as published (a copy of the seed it was ingested from)."""
    return {edition: (bundled_content / f"{edition}.txt").read_text(encoding="utf-8") for edition in EDITIONS}


@pytest.fixture(scope="session")
def alignment(library: Library) -> Alignment:
    """The two bundled editions aligned, once for every test that reads the real pairs."""
    return align_editions(library.edition("2016"), library.edition("2022"))


@pytest.fixture(scope="session")
def index_root(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real search index of the bundled library, built once for the app's tests."""
    from bluebook_tui.search import SearchService

    root = tmp_path_factory.mktemp("index")
    SearchService(library, index_root=root).ensure_index()
    return root


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The app's user data dir (position, history, bookmarks) for one test."""
    return tmp_path / "data"
