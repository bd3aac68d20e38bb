"""The command line under odd input and damaged caches: UTF-8 out whatever comes in, one line for what is wrong,
and a library cache that does not fit the library is rebuilt, never trusted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bluebook_tui.library import Library, LibraryError
from bluebook_tui.library.ingest import ingest_file
from bluebook_tui.library.snapshot import load_library_snapshot
from tests.support import run


def _bluebook(*arguments: str | bytes, **environment: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "bluebook_tui", *arguments],
        capture_output=True,
        check=False,
        env={**os.environ, **environment},
    )


def test_an_argument_that_is_not_utf8_still_gives_utf8_and_valid_json() -> None:
    done = _bluebook("search", b"piracy \xff", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))  # strict: every byte is UTF-8
    assert data["query"] == "piracy \udcff"  # the odd byte, escaped in the JSON, not lost
    done = _bluebook("show", b"2022/\xff")
    assert done.returncode == 2 and done.stdout == b""
    assert done.stderr.decode("utf-8") == (
        "bluebook: no section '2022/\\udcff' in edition 2022 (top-level sections: "
        "2022/1, 2022/2, 2022/3, 2022/4, 2022/5, 2022/6, 2022/7)\n"
    )


def test_output_is_utf8_under_the_c_locale() -> None:
    done = _bluebook("show", "2022/4.A.C", LC_ALL="C", LANG="C", PYTHONIOENCODING="")
    assert done.returncode == 0
    assert "2022 › (4) The Oceans and Seas" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("verb", [("toc",), ("export",), ("kwic", "piracy")])
def test_an_empty_edition_is_an_unknown_one(capsys: pytest.CaptureFixture[str], verb: tuple[str, ...]) -> None:
    code, out, err = run(capsys, *verb, "--edition", "")
    assert code == 2 and out == ""
    assert err.startswith("bluebook: no edition '' in ") and err.endswith("(editions: 2016, 2022)\n")


def test_a_content_dir_that_is_a_file_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = tmp_path / "notes.md"
    file.write_text("# not a library", encoding="utf-8")
    code, out, err = run(capsys, "--content-dir", str(file), "editions")
    assert (code, out) == (2, "")
    assert err == f"bluebook: content directory {file} is a file, not a directory\n"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "edition": []},
        lambda data: {**data, "edition": {**data["edition"], "sections": []}},
        lambda data: {**data, "edition": "2016"},
        lambda data: {**data, "edition": {**data["edition"], "id": "2099"}},
        lambda data: {**data, "edition": {**data["edition"], "sections": [{"id": 1}]}},
        lambda data: {**data, "stamp": "now"},
    ],
)
def test_a_library_cache_that_does_not_fit_is_rebuilt(library: Library, tmp_path: Path, damage: object) -> None:
    cache = tmp_path / "cache"
    load_library_snapshot(library.content_dir, cache)
    snapshots = sorted(cache.glob("library-*/20*.md.json"))
    originals = [json.loads(snapshot.read_text(encoding="utf-8")) for snapshot in snapshots]
    for snapshot, data in zip(snapshots, originals, strict=True):
        snapshot.write_text(json.dumps(damage(data)), encoding="utf-8")  # type: ignore[operator]
    again = load_library_snapshot(library.content_dir, cache)
    assert sorted(again.editions) == ["2016", "2022"]
    assert [section.id for section in again.walk()] == [section.id for section in library.walk()]
    assert [json.loads(snapshot.read_text(encoding="utf-8")) for snapshot in snapshots] == originals  # anew, whole


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: {**data, "files": []},
        lambda data: {**data, "files": {name: {"id": 5} for name in data["files"]}},
        lambda data: {**data, "files": {name: {**entry, "id": "2099"} for name, entry in data["files"].items()}},
        lambda data: {"version": 3},
        lambda data: {**data, "files": {name: {**entry, "id": "2016"} for name, entry in data["files"].items()}},
    ],
)
def test_a_library_cache_index_that_does_not_fit_is_rebuilt(library: Library, tmp_path: Path, damage: object) -> None:
    cache = tmp_path / "cache"
    load_library_snapshot(library.content_dir, cache)
    (index,) = cache.glob("library-*/index.json")
    data = json.loads(index.read_text(encoding="utf-8"))
    index.write_text(json.dumps(damage(data)), encoding="utf-8")  # type: ignore[operator]
    again = load_library_snapshot(library.content_dir, cache)
    assert [section.id for section in again.walk()] == [section.id for section in library.walk()]
    if json.loads(index.read_text(encoding="utf-8")) != data:
        pytest.fail("the index was not written anew")


def test_ingest_says_how_far_it_is(
    sources: dict[str, str], library: Library, bundled_content: Path, tmp_path: Path
) -> None:
    source = tmp_path / "2022.txt"
    source.write_text(sources["2022"], encoding="utf-8")
    reported: list[tuple[str, int, int]] = []
    made = ingest_file(source, "2022", tmp_path / "content", progress=lambda *step: reported.append(step))
    stages = [stage for stage, _, _ in reported]
    assert stages[0] == "Reading lines" and stages[-2:] == ["Building sections", "Writing"]
    read = [done for stage, done, _ in reported if stage == "Reading lines"]
    assert read == sorted(read) and len(read) >= 50  # a step every 1% of the lines
    sections = list(library.edition("2022").walk())
    columns = sum(1 for section in sections if section.kind == "column")
    assert (made.sections, made.columns) == (len(sections) - columns, columns)
    # The same Markdown as the bundled edition's, made by the same ingest: progress changed nothing.
    assert made.path.read_text(encoding="utf-8") == (bundled_content / "2022.md").read_text(encoding="utf-8")


def test_a_long_book_ingests_in_bounded_memory(sources: dict[str, str], tmp_path: Path) -> None:
    """10 MB of text (the 2022 body again and again): what Python allocates at its peak stays about twice the book's
    size (holding its text, its lines and its whole Markdown at once took six times). Measured with tracemalloc, as
    the process's RSS depends on how the kernel happens to back its memory."""
    lines = sources["2022"].split("\n")
    body = "\n".join(lines[6:])
    source = tmp_path / "long.txt"
    source.write_text("\n".join(lines[:6]) + "\n" + "\n".join([body] * (10_000_000 // len(body))), encoding="utf-8")
    script = (
        "import sys, tracemalloc\n"
        "from pathlib import Path\n"
        "from bluebook_tui.library.ingest import ingest_file\n"
        "tracemalloc.start()\n"
        "ingest_file(Path(sys.argv[1]), '2030', Path(sys.argv[2]))\n"
        "print(tracemalloc.get_traced_memory()[1])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(source), str(tmp_path / "content")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    peak, size = int(done.stdout), source.stat().st_size
    assert peak < 3 * size, (peak, size)
    assert (tmp_path / "content" / "2030.md").stat().st_size > size * 0.9


def test_a_library_cache_index_naming_another_edition_says_so_once(library: Library, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_library_snapshot(library.content_dir, cache)
    (index,) = cache.glob("library-*/index.json")
    data = json.loads(index.read_text(encoding="utf-8"))
    data["files"]["2016.md"]["id"] = "2015"
    index.write_text(json.dumps(data), encoding="utf-8")
    for snapshot in cache.glob("library-*/2016.md.json"):
        snapshot.unlink()
    wrong = load_library_snapshot(library.content_dir, cache)
    with pytest.raises(LibraryError, match=r"2016.md holds edition 2016, not 2015 as the library cache said"):
        wrong.edition("2015")
    assert sorted(load_library_snapshot(library.content_dir, cache).editions) == ["2016", "2022"]
