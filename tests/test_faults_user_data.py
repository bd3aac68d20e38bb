"""Faults a real user meets with their bookmarks, history and position: nothing they had is lost, and they are told.

Each fault is made for real: a file where the data folder should be (which stops root too), files of the wrong
shape, two instances on one folder (two processes at once among them), a writer killed with SIGKILL mid-write.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from bluebook_tui.user_data import Bookmarks, History, SaveError, Session, Store
from tests.app_support import make_app, reader, settle
from tests.support import run

_ADDER = """
import sys
from pathlib import Path
from bluebook_tui.user_data import Bookmarks, Store
directory, prefix, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
for number in range(count):
    Bookmarks(Store(directory)).toggle(f"{prefix}/{number}")
"""


def _ids(store: Store) -> set[str]:
    return {bookmark.section_id for bookmark in store.load_bookmarks()}


def test_json_of_the_wrong_shape_is_set_aside_with_a_notice_and_what_was_good_kept(tmp_path: Path) -> None:
    bookmarks = [{"section_id": "2022/3", "added": "2026-01-02"}, {"added": "no id"}, "stray"]
    (tmp_path / "bookmarks.json").write_text(json.dumps(bookmarks), encoding="utf-8")
    (tmp_path / "history.json").write_text(json.dumps({"entries": "2022/3"}), encoding="utf-8")
    (tmp_path / "session.json").write_text(json.dumps({"section_id": "2022/4", "scroll_y": "far"}), encoding="utf-8")
    store = Store(tmp_path)
    assert [bookmark.section_id for bookmark in store.load_bookmarks()] == ["2022/3"]
    assert store.load_history().entries == []
    assert store.load_session() == Session("2022/4")
    assert len(store.notices) == 3 and all("set aside as" in notice for notice in store.notices)
    for name in ("bookmarks.json", "history.json", "session.json"):
        (aside,) = tmp_path.glob(f"{name}.corrupt-*")
        assert aside.read_text(encoding="utf-8")  # the user's file, whole, beside
    # The readable bookmark stays in the file itself, so the next start has it without asking.
    assert _ids(Store(tmp_path)) == {"2022/3"}


def test_two_instances_keep_each_others_bookmarks(tmp_path: Path) -> None:
    first, second = Bookmarks(Store(tmp_path)), Bookmarks(Store(tmp_path))  # both loaded before either saves
    first.toggle("2022/3")
    second.toggle("2016/5")
    assert _ids(Store(tmp_path)) == {"2022/3", "2016/5"}
    assert "2022/3" in second  # what the other saved shows here once this one saves
    first.remove("2022/3")
    assert _ids(Store(tmp_path)) == {"2016/5"}


def test_two_processes_bookmarking_at_once_lose_nothing(tmp_path: Path) -> None:
    writers = [
        subprocess.Popen([sys.executable, "-c", _ADDER, str(tmp_path), prefix, "25"]) for prefix in ("left", "right")
    ]
    assert [writer.wait(timeout=120) for writer in writers] == [0, 0]
    found = _ids(Store(tmp_path))
    assert found == {f"{prefix}/{number}" for prefix in ("left", "right") for number in range(25)}


def test_a_writer_killed_mid_write_leaves_a_whole_file(tmp_path: Path) -> None:
    writer = subprocess.Popen([sys.executable, "-c", _ADDER, str(tmp_path), "s", "100000"])
    deadline = time.monotonic() + 30
    while not (tmp_path / "bookmarks.json").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.3)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    store = Store(tmp_path)
    saved = store.load_bookmarks()
    assert saved and not store.notices  # readable, whole: the last complete save
    numbers = sorted(int(bookmark.section_id.split("/")[1]) for bookmark in saved)
    assert numbers == list(range(len(numbers)))  # every bookmark up to the last saved one


def test_a_bookmark_that_cannot_be_saved_says_so_and_stays_until_it_can(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    bookmarks = Bookmarks(Store(blocker))
    with pytest.raises(
        SaveError, match=r"Could not save bookmarks.json in .*data \(a file stands where a folder should be\)"
    ):
        bookmarks.toggle("2022/3")
    assert "2022/3" in bookmarks  # for this session
    blocker.unlink()
    bookmarks.toggle("2016/5")  # the next save that can be made carries the one that could not
    assert _ids(Store(blocker)) == {"2022/3", "2016/5"}
    assert blocker.is_dir()


def test_history_and_position_that_cannot_be_saved_are_said_once(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("", encoding="utf-8")
    said: list[str] = []
    store = Store(blocker / "deeper")
    store.listen(said.append)
    history = History()
    for section_id in ("2022/1", "2022/2", "2022/3"):
        history.visit(section_id)
        store.save_history(history)
        store.save_session(Session(section_id))
    assert len(said) == 2, said
    assert "history.json" in said[0] and "for this session only" in said[0]
    assert "session.json" in said[1] and "will not be remembered" in said[1]


def test_two_instances_keep_each_others_history(tmp_path: Path) -> None:
    first, second = Store(tmp_path), Store(tmp_path)
    mine, theirs = first.load_history(), second.load_history()
    for section_id in ("2022/1", "2022/2"):
        mine.visit(section_id)
        first.save_history(mine)
    theirs.visit("2016/5")
    second.save_history(theirs)
    saved = Store(tmp_path).load_history()
    assert saved.entries == ["2022/1", "2022/2", "2016/5"] and saved.current == "2016/5"


def test_bookmarks_are_listed_and_imported_from_the_cli(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "old-machine"))
    run(capsys, "bookmarks")  # nothing yet: says so, exit 0
    Bookmarks(Store(tmp_path / "old-machine" / "bluebook-tui")).toggle("2022/4.B.A")
    code, out, _ = run(capsys, "bookmarks", "--json")
    assert code == 0
    listed = json.loads(out)["bookmarks"]
    assert [(row["id"], row["heading"]) for row in listed] == [("2022/4.B.A", "(A) Counter-piracy Measures in Asia")]
    backup = tmp_path / "backup.json"
    backup.write_text(out, encoding="utf-8")

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "new-machine"))
    Bookmarks(Store(tmp_path / "new-machine" / "bluebook-tui")).toggle("2016/5")
    code, out, err = run(capsys, "bookmarks", "import", str(backup))
    assert (code, err) == (0, "") and out == "Imported 1 bookmark; 0 were there already.\n"
    assert _ids(Store(tmp_path / "new-machine" / "bluebook-tui")) == {"2022/4.B.A", "2016/5"}
    code, out, _ = run(capsys, "bookmarks", "import", str(backup))
    assert out == "Imported 0 bookmarks; 1 was there already.\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read {file}: No such file or directory"),
        ("not json", "{file} is not JSON"),
        ('{"bookmarks": [{"heading": "no id"}]}', "{file} is not a list of bookmarks"),
    ],
)
def test_a_bad_bookmarks_file_is_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str | None,
    message: str,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    file = tmp_path / "in.json"
    if content is not None:
        file.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "bookmarks", "import", str(file))
    assert code == 2 and out == ""
    assert err.startswith("bluebook: " + message.format(file=file)) and err.count("\n") == 1
    assert not (tmp_path / "data").exists()


def test_an_import_that_cannot_be_saved_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    backup = tmp_path / "in.json"
    backup.write_text('{"bookmarks": [{"id": "2022/3", "added": ""}]}', encoding="utf-8")
    code, _, err = run(capsys, "bookmarks", "import", str(backup))
    assert (
        code == 2
        and err.startswith("bluebook: Could not save bookmarks.json in ")
        and "a file stands where a folder should be" in err
    )


async def test_the_app_says_at_once_that_a_bookmark_is_for_this_session_only(
    library: Library, tmp_path: Path, index_root: Path
) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("", encoding="utf-8")
    async with make_app(library, blocker, index_root).run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = reader(pilot)
        assert screen.section.id in screen.bookmarks
        messages = [str(notice.message) for notice in pilot.app._notifications]
        assert any("for this session only" in message and "where a folder should be" in message for message in messages)


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]),  # truncated mid-write
        lambda path: (path.unlink(), path.mkdir()),  # a folder where the file should be
        lambda path: path.write_bytes(os.urandom(200)),  # overwritten
    ],
)
def test_a_damaged_bookmarks_file_is_set_aside_and_bookmarking_goes_on(tmp_path: Path, damage: object) -> None:
    Bookmarks(Store(tmp_path)).toggle("2022/3")
    Bookmarks(Store(tmp_path)).toggle("2016/5")
    damage(tmp_path / "bookmarks.json")  # type: ignore[operator]
    store = Store(tmp_path)
    bookmarks = Bookmarks(store)
    assert len(store.notices) == 1 and "set aside as bookmarks.json.corrupt-" in store.notices[0]
    (aside,) = tmp_path.glob("bookmarks.json.corrupt-*")
    assert aside.exists()  # the damaged copy kept for the user to look at
    bookmarks.toggle("2022/4")
    assert _ids(Store(tmp_path)) == {"2022/4"}


async def test_two_app_instances_on_one_data_dir_keep_each_others_bookmarks(
    library: Library, data_dir: Path, index_root: Path
) -> None:
    first, second = make_app(library, data_dir, index_root), make_app(library, data_dir, index_root)
    async with first.run_test(size=(120, 30)) as one, second.run_test(size=(120, 30)) as other:
        await settle(one)
        await settle(other)
        await one.press("b")  # the first section
        await other.press("right_square_bracket")
        await settle(other)
        await other.press("b")  # the next one
        await one.pause()
        marked = {reader(one).section.id, reader(other).section.id}
        assert len(marked) == 2
    assert _ids(Store(data_dir)) == marked


def test_a_data_dir_that_is_a_file_is_not_taken_for_a_damaged_bookmarks_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "data").write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, err = run(capsys, "bookmarks")
    assert (code, err) == (0, "") and out.startswith("No bookmarks yet")
