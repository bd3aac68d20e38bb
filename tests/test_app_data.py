"""The reader's memory: history like a browser's, files written whole, bad files set aside."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bluebook_tui.user_data import Bookmarks, History, Session, Store


def test_history_goes_back_and_forward_and_a_new_visit_drops_the_way_forward() -> None:
    history = History()
    for section_id in ("a", "b", "c"):
        history.visit(section_id)
    assert history.back() == "b" and history.back() == "a" and history.back() is None
    assert history.forward() == "b"
    history.visit("d")
    assert history.entries == ["a", "b", "d"] and history.forward() is None


def test_visiting_the_current_place_again_is_not_a_new_step() -> None:
    history = History()
    history.visit("a")
    history.visit("a")
    assert history.entries == ["a"]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_any_saved_history_loads_into_a_usable_one(data: object) -> None:
    history = History.from_json(data)
    assert -1 <= history.index < max(len(history.entries), 1)
    assert all(isinstance(entry, str) for entry in history.entries)


def test_state_round_trips_through_the_data_dir(tmp_path: Path) -> None:
    store = Store(tmp_path / "new" / "dir")
    store.save_session(Session("2022/4.B", 12))
    history = History()
    history.visit("2022/1")
    store.save_history(history)
    Bookmarks(store).toggle("2016/5")
    again = Store(tmp_path / "new" / "dir")
    assert again.load_session() == Session("2022/4.B", 12)
    assert again.load_history().entries == ["2022/1"]
    assert "2016/5" in Bookmarks(again)
    assert not [path for path in (tmp_path / "new" / "dir").iterdir() if path.suffix == ".tmp"]
    assert not store.notices


def test_a_corrupt_file_is_set_aside_and_said_once(tmp_path: Path) -> None:
    (tmp_path / "bookmarks.json").write_bytes(b"\xff\xfe not json")
    store = Store(tmp_path)
    assert store.load_bookmarks() == []
    assert len(store.notices) == 1 and "set aside" in store.notices[0]
    assert not (tmp_path / "bookmarks.json").exists()
    assert len(list(tmp_path.glob("bookmarks.json.corrupt-*"))) == 1


def test_well_formed_json_of_the_wrong_shape_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "session.json").write_text(json.dumps({"section_id": 3}), encoding="utf-8")
    (tmp_path / "bookmarks.json").write_text(json.dumps([{"added": "x"}, "y"]), encoding="utf-8")
    store = Store(tmp_path)
    assert store.load_session() is None and store.load_bookmarks() == []


def test_an_unwritable_data_dir_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    store = Store(blocker / "data")
    store.save_session(Session("2022/1"))
    assert len(store.notices) == 1 and "Could not save session.json" in store.notices[0]
