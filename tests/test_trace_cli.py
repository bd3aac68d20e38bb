"""`bluebook trace`: every sentence of a section and what became of it, as scripts and people read it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from bluebook_tui.library import Library
from tests.support import run

SECTION_KEYS = {"edition", "id", "heading", "path"}


def trace_json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    code, out, err = run(capsys, "trace", *argv, "--json")
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    return data


def test_trace_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    data = trace_json(capsys, "2016/4.B.a.current-status-of")
    assert list(data) == ["section", "against", "sentences"]
    assert set(data["section"]) == SECTION_KEYS and data["against"] == "2022"
    for sentence in data["sentences"]:
        assert {"text", "status", "moved", "counterpart", "similarity"} <= set(sentence)
        assert sentence["status"] in {"unchanged", "edited", "removed"}  # a 2016 section against 2022
        assert (sentence["counterpart"] is None) == (sentence["status"] == "removed")
        if sentence["counterpart"]:
            assert {*SECTION_KEYS, "text"} <= set(sentence["counterpart"])
    statuses = [(s["status"], s["counterpart"] and s["counterpart"]["id"]) for s in data["sentences"]]
    # Three of the four sentences stand in 2022's (B), the second and third merged into one there.
    assert statuses == [
        ("edited", "2022/4.B.B"),
        ("edited", "2022/4.B.B"),
        ("edited", "2022/4.B.B"),
        ("removed", None),
    ]
    merged_into = data["sentences"][1]["counterpart"]["text"]
    assert merged_into == data["sentences"][2]["counterpart"]["text"]
    assert merged_into.startswith("Despite efforts such as maritime operations of the navies")


def test_trace_from_the_newer_edition_says_new_and_finds_moves(capsys: pytest.CaptureFixture[str]) -> None:
    data = trace_json(capsys, "2022/4.A.A")
    assert data["against"] == "2016"
    # (A) Basic Stance opens with two of 2016's (4) sentences, rewritten; the rest is new.
    traced = [(s["status"], s["moved"], s["counterpart"] and s["counterpart"]["id"]) for s in data["sentences"]]
    assert traced[0] == traced[2] == ("edited", True, "2016/4")
    assert {entry for at, entry in enumerate(traced) if at not in (0, 2)} == {("new", False, None)}
    assert all(0 < data["sentences"][at]["similarity"] < 1 for at in (0, 2))


def test_every_section_of_both_editions_is_traced_exactly(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    """The sentences a trace lists, with the spacing between them, are the section's text."""
    for section in library.walk():
        data = trace_json(capsys, section.id)
        text = section.text
        at = 0
        for sentence in data["sentences"]:
            start = text.index(sentence["text"], at)
            assert text[at:start].strip() == ""
            at = start + len(sentence["text"])
        assert text[at:].strip() == "", section.id


def test_an_edition_against_itself_is_unchanged_throughout(capsys: pytest.CaptureFixture[str]) -> None:
    data = trace_json(capsys, "2016/1", "--against", "2016")
    assert data["sentences"] and {s["status"] for s in data["sentences"]} == {"unchanged"}
    assert all(s["counterpart"]["text"] == s["text"] and not s["moved"] for s in data["sentences"])


def test_a_section_without_text_has_no_sentences(capsys: pytest.CaptureFixture[str]) -> None:
    assert trace_json(capsys, "2016/4.B.a")["sentences"] == []
    code, out, _ = run(capsys, "trace", "2016/4.B.a")
    assert code == 0 and "no text of its own; its subsections: 2016/4.B.a.current-status-of," in out


def test_trace_for_people_marks_each_sentence_and_says_where_it_went(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "trace", "2016/4.B.a.current-status-of")
    assert code == 0
    assert re.search(r"~ edited \d+%\s+According to figures released", out)
    assert "- removed  Thus, the situation could easily revert" in out
    assert "→ 2022/4.B.B#1  2022 › (4) The Oceans and Seas › B Ensuring Safe Maritime Transport › (B) Counter" in out
    code, out, _ = run(capsys, "trace", "2016/4")
    assert "↗ moved" in out and "→ 2022/4.A.A#0  2022 › (4) The Oceans and Seas › A Order at Sea › (A) Basic" in out
