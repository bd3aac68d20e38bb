"""The alignment cache: what it keeps is the alignment a fresh run works out, and nothing wrong is ever read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from bluebook_tui.compare import Alignment, align_editions
from bluebook_tui.compare import cache as cache_module
from bluebook_tui.compare.cache import cached_alignment
from bluebook_tui.library import Library, files, load_library
from bluebook_tui.library.paths import BUNDLED_CONTENT


def traced(alignment: Alignment) -> list[tuple[str, str, tuple[str, ...], float, bool]]:
    return [
        (t.sentence.address, t.status, tuple(c.address for c in t.counterparts), t.similarity, t.moved)
        for edition in (alignment.left, alignment.right)
        for section in edition.walk()
        for t in alignment.trace(section.id)
    ]


def paired(alignment: Alignment) -> list[tuple[str | None, str | None, str, tuple[float, float]]]:
    return [(p.left and p.left.id, p.right and p.right.id, p.status, p.carried_over) for p in alignment.pairs]


@pytest.fixture
def fresh(library: Library) -> Alignment:
    return align_editions(library.edition("2016"), library.edition("2022"))


@pytest.fixture(autouse=True)
def nothing_in_memory() -> None:
    cache_module._memory.clear()


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "alignments").glob("*.json"))


def test_an_alignment_read_back_is_the_one_worked_out(library: Library, fresh: Alignment, tmp_path: Path) -> None:
    cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    [entry] = entries(tmp_path)
    cache_module._memory.clear()
    # The same editions loaded again (new objects, as in the next run) read the entry back.
    again = load_library(BUNDLED_CONTENT)
    read = cached_alignment(again.edition("2016"), again.edition("2022"), tmp_path)
    assert read.left is again.edition("2016")
    assert traced(read) == traced(fresh) and paired(read) == paired(fresh)
    assert entries(tmp_path) == [entry]


@pytest.mark.parametrize("damage", ["[]", "{", '{"key": "an older one"}', '{"key": null, "pairs": 3}', ""])
def test_a_damaged_or_foreign_entry_is_worked_out_again(
    library: Library, fresh: Alignment, tmp_path: Path, damage: str
) -> None:
    cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    [entry] = entries(tmp_path)
    entry.write_text(damage, encoding="utf-8")
    cache_module._memory.clear()
    read = cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    assert traced(read) == traced(fresh)
    assert entry.read_text(encoding="utf-8") != damage  # and the entry is whole again


def test_an_entry_written_by_other_code_is_not_read(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    [entry] = entries(tmp_path)
    entry.write_text(entry.read_text(encoding="utf-8").replace('"edited"', '"unchanged"'), encoding="utf-8")
    cache_module._memory.clear()
    # A new release (or an edit of the aligning code) has another fingerprint: the tampered entry is not its own.
    monkeypatch.setattr(cache_module, "_code_fingerprint", lambda: "another-release")
    read = cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    assert "edited" in {status for _, status, *_ in traced(read)}


def test_without_a_writable_cache_the_alignment_is_still_given(
    library: Library, fresh: Alignment, tmp_path: Path
) -> None:
    blocked = tmp_path / "not-a-directory"
    blocked.write_text("a file where the cache directory would be", encoding="utf-8")
    read = cached_alignment(library.edition("2016"), library.edition("2022"), blocked)
    assert traced(read) == traced(fresh)


def test_a_write_that_fails_half_way_leaves_nothing_behind(
    library: Library, fresh: Alignment, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", disk_full)
    read = cached_alignment(library.edition("2016"), library.edition("2022"), tmp_path)
    assert traced(read) == traced(fresh)
    assert list((tmp_path / "alignments").iterdir()) == []  # no entry, and no temporary file
