"""The library snapshot: the same library as parsing gives, and never a stale or broken one."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bluebook_tui.library import Library, snapshot
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
    (folder,) = (tmp_path / "cache").glob("library-*")
    assert sorted(path.name for path in folder.iterdir()) == ["2016.md.json", "2022.md.json", "index.json"]
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
    for file in (tmp_path / "cache").glob("library-*/*.json"):
        file.write_text('{"version": 3, "stamp": ', encoding="utf-8")
    assert shape(load_library_snapshot(content, tmp_path / "cache")) == expected


def test_an_unwritable_cache_still_loads(content: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache dir would be", encoding="utf-8")
    assert load_library_snapshot(content, blocked / "cache").edition("2016").book == "Diplomatic Bluebook 2016"


def test_only_the_editions_asked_for_are_read(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_library_snapshot(content, tmp_path / "cache")
    read: list[str] = []
    original = snapshot._edition_from_snapshot
    monkeypatch.setattr(
        snapshot, "_edition_from_snapshot", lambda folder, file, id: read.append(id) or original(folder, file, id)
    )
    library = load_library_snapshot(content, tmp_path / "cache")
    assert (list(library.editions), library.newest.id, read) == (["2016", "2022"], "2022", ["2022"])
    assert library.heading("2016") == "3.Global Security" and read == ["2022"]  # the tree's label, not read
    assert library.section("2016/3.D").title and read == ["2022", "2016"]
    library.edition("2016")
    assert read == ["2022", "2016"]  # read once, then kept


def test_an_edition_changed_after_start_is_read_as_it_now_is(content: Path, tmp_path: Path) -> None:
    load_library_snapshot(content, tmp_path / "cache")
    library = load_library_snapshot(content, tmp_path / "cache")
    path = content / "2016.md"
    path.write_text(path.read_text(encoding="utf-8").replace("(5) Cyber", "(5) Cyberspace"), encoding="utf-8")
    os.utime(path, ns=(1, 1))
    assert [s.title for s in library.edition("2016").sections if s.title.startswith("Cyber")] == ["Cyberspace"]
    assert load_library_snapshot(content, tmp_path / "cache").edition("2016").markdown == path.read_text("utf-8")


def test_only_a_changed_edition_is_parsed(content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_library_snapshot(content, tmp_path / "cache")
    path = content / "2022.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parsed: list[str] = []
    original = snapshot.load_edition
    monkeypatch.setattr(snapshot, "load_edition", lambda file: parsed.append(file.name) or original(file))
    library = load_library_snapshot(content, tmp_path / "cache")
    assert [e.id for e in library.editions.values()] == ["2016", "2022"] and parsed == ["2022.md"]


def test_the_one_file_snapshot_of_older_versions_is_removed(content: Path, tmp_path: Path) -> None:
    load_library_snapshot(content, tmp_path / "cache")
    (folder,) = (tmp_path / "cache").glob("library-*")
    old = tmp_path / "cache" / f"{folder.name}.json"
    old.write_text('{"version": 2}', encoding="utf-8")
    (folder / "index.json").unlink()
    load_library_snapshot(content, tmp_path / "cache")
    assert not old.exists()
