"""The library snapshot: the same library as parsing gives, and never a stale or broken one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from bluebook_tui.library.snapshot import load_library_snapshot


def shape(library: Library) -> list[tuple[object, ...]]:
    return [
        (s.id, s.number, s.title, s.heading, s.level, s.kind, s.markdown, s.path, s.parent and s.parent.id)
        for s in library.walk()
    ] + [(e.id, e.book, e.chapter, e.chapter_title, e.heading, e.intro, e.markdown) for e in library.editions.values()]


@pytest.fixture
def content(tmp_path: Path, bundled_content: Path) -> Path:
    target = tmp_path / "content"
    target.mkdir()
    for edition in ("2016.md", "2022.md"):
        shutil.copy(bundled_content / edition, target)
    return target


def test_a_snapshot_gives_the_library_parsing_gives(content: Path, tmp_path: Path, library: Library) -> None:
    first = load_library_snapshot(content, tmp_path / "cache")
    second = load_library_snapshot(content, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("library-*.json"))
    assert shape(first) == shape(second)
    assert [s.id for s in second.walk()] == [s.id for s in library.walk()]
    assert second.section("2016/3.D").text == library.section("2016/3.D").text


def test_a_changed_edition_is_parsed_again(content: Path, tmp_path: Path) -> None:
    load_library_snapshot(content, tmp_path / "cache")
    path = content / "2022.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(3) Cyber", "(3) Cyberspace"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert load_library_snapshot(content, tmp_path / "cache").section("2022/3").title == "Cyberspace"


def test_a_damaged_snapshot_is_ignored(content: Path, tmp_path: Path) -> None:
    expected = shape(load_library_snapshot(content, tmp_path / "cache"))
    for snapshot in (tmp_path / "cache").glob("library-*.json"):
        snapshot.write_text('{"version": 1, "key": ', encoding="utf-8")
    assert shape(load_library_snapshot(content, tmp_path / "cache")) == expected


def test_an_unwritable_cache_still_loads(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache dir would be", encoding="utf-8")
    assert load_library_snapshot(content, blocked / "cache").edition("2016").book == "Diplomatic Bluebook 2016"
