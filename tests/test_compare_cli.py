"""The comparison verbs as scripts use them: stable JSON, readable tables, one-line errors with exit 2."""

from __future__ import annotations

import json

import pytest

from bluebook_tui.library import Library
from tests.support import run

SECTION_KEYS = {"edition", "id", "heading", "path"}


def test_compare_json_contract(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    code, out, _ = run(capsys, "compare", "2016", "2022", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"left", "right", "pairs"}
    assert (data["left"], data["right"]) == ("2016", "2022")
    for pair in data["pairs"]:
        assert set(pair) == {"left", "right", "similarity", "status", "flags"}
        assert pair["status"] in {"unchanged", "changed", "added", "removed"}
        assert set(pair["flags"]) <= {"renumbered", "retitled"}
        assert 0 <= pair["similarity"] <= 1
        for side in ("left", "right"):
            assert pair[side] is None or set(pair[side]) == SECTION_KEYS
    # The right edition's order, removed sections in between.
    right_ids = [pair["right"]["id"] for pair in data["pairs"] if pair["right"]]
    assert right_ids == [section.id for section in library.edition("2022").walk()]
    by_left = {pair["left"]["id"]: pair for pair in data["pairs"] if pair["left"]}
    space = by_left["2016/6"]
    assert space["right"] == {
        "edition": "2022",
        "id": "2022/5",
        "heading": "(5) Outer Space",
        "path": ["(5) Outer Space"],
    }
    assert (space["status"], space["flags"]) == ("changed", ["renumbered"])
    assert by_left["2016/4.A.c"]["right"] is None and by_left["2016/4.A.c"]["status"] == "removed"


def test_compare_table_for_people(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "compare", "2016", "2022")
    assert code == 0
    assert "Economic Security" in out and "retitled" in out and "renumbered" in out
    assert "█" in out  # the similarity bars
    assert "0 unchanged" in out and "added" in out and "removed" in out


def test_diff_json_rebuilds_both_sections(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    code, out, _ = run(capsys, "diff", "2016/4.B.b", "2022/4.B.A", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"left", "right", "ops"}
    assert (data["left"], data["right"]) == ("2016/4.B.b", "2022/4.B.A")
    assert {op["op"] for op in data["ops"]} == {"equal", "insert", "delete"}
    assert all(set(op) == {"op", "text"} for op in data["ops"])
    left = "".join(op["text"] for op in data["ops"] if op["op"] != "insert")
    right = "".join(op["text"] for op in data["ops"] if op["op"] != "delete")
    assert (left, right) == (library.section("2016/4.B.b").text, library.section("2022/4.B.A").text)


def test_diff_without_colour_marks_changes_like_git_word_diff(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "2016/4.B.b", "2022/4.B.A")
    assert code == 0
    assert "--- 2016/4.B.b (b) Anti-piracy measures in Asia" in out
    assert "+++ 2022/4.B.A (A) Counter-piracy Measures in Asia" in out
    assert "[-Privacy-]{+Piracy+}" in out


def test_trend_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trend", "Piracy", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"term", "editions"}
    assert data["term"] == "Piracy"
    assert [row["edition"] for row in data["editions"]] == ["2016", "2022"]
    for row in data["editions"]:
        assert set(row) == {"edition", "occurrences", "words", "per_10k_words"}
        assert row["occurrences"] > 0
        assert row["per_10k_words"] == pytest.approx(10_000 * row["occurrences"] / row["words"], abs=0.01)


def test_trend_chart_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trend", "economic security")
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip().startswith(("2016", "2022"))}
    # Economic Security is new in 2022: no bar for 2016, a full one for 2022.
    assert "█" not in rows["2016"] and "█" in rows["2022"]


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["compare", "2016", "2031"], "2016, 2022"),
        (["compare", "1999", "2022", "--json"], "1999"),
        (["diff", "2016/9", "2022/1"], "2016/9"),
        (["diff", "2016/1", "2040/1", "--json"], "2040/1"),
        (["trend", "--", "--"], "no words"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and names in err
