"""The comparison verbs (compare, diff, trace, trend) for scripts: stable JSON, readable tables, one-line errors."""

from __future__ import annotations

import json
from typing import Any

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
        # The first fields as they always were; the sentence-deep ones added after them.
        assert list(pair)[:5] == ["left", "right", "similarity", "status", "flags"]
        assert set(pair) == {*list(pair)[:5], "carried_over", "flows", "destination", "subtree"}
        assert pair["status"] in {"unchanged", "changed", "added", "removed", "merged", "split"}
        assert set(pair["flags"]) <= {"renumbered", "retitled", "split", "drawn-from", "parts-paired"}
        assert 0 <= pair["similarity"] <= 1
        assert set(pair["carried_over"]) == {"left", "right"}
        assert all(0 <= share <= 1 for share in pair["carried_over"].values())
        for flow in pair["flows"]:
            assert set(flow) == {"from", "to", "sentences", "words"}
            assert flow["from"].startswith("2016/") and flow["to"].startswith("2022/")
        for side in ("left", "right", "destination"):
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
    # 2016's "(c) A Challenge to the Maritime Order …" is only a heading over a. and b., which 2022 has as (C), (D).
    challenge = by_left["2016/4.A.c"]
    assert (challenge["right"], challenge["status"], challenge["flags"]) == (None, "removed", ["parts-paired"])
    assert [by_left[f"2016/4.A.c.{part}"]["right"]["id"] for part in "ab"] == ["2022/4.A.C", "2022/4.A.D"]
    assert by_left["2016/4.A.a"]["flags"] == []  # removed with its text: not only a heading
    # A run-in part of 2016's Somalia section: its text went into 2022's (B), and the flows say so.
    current = by_left["2016/4.B.a.current-status-of"]
    assert (current["status"], current["right"], current["destination"]["id"]) == ("merged", None, "2022/4.B.B")
    [flow] = current["flows"]
    assert (flow["from"], flow["to"], flow["sentences"]) == (current["left"]["id"], "2022/4.B.B", 3)
    assert 0 < flow["words"] < len(library.section("2016/4.B.a.current-status-of").text.split())
    assert by_left["2016/4.B.a"]["subtree"] is True


def test_compare_table_for_people(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run(capsys, "compare", "2016", "2022")
    assert code == 0
    assert "Economic Security" in out and "retitled" in out and "renumbered" in out
    assert "█" in out and "2016 kept" in out  # bars of the share of each 2016 section's words kept
    assert "0 unchanged" in out and "added" in out and "removed" in out and "4 merged" in out
    merged = next(line for line in out.splitlines() if "(Current status of piracy" in line)
    assert "merged" in merged and "→ (B) Counter-piracy Measures" in merged


def rebuilt(ops: list[dict[str, object]]) -> tuple[str, str]:
    left = "".join(str(op["text"]) for op in ops if op["op"] != "insert")
    right = "".join(str(op["text"]) for op in ops if op["op"] != "delete")
    return left, right


def test_diff_json_rebuilds_both_sections(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    code, out, _ = run(capsys, "diff", "2016/4.B.b", "2022/4.B.A", "--json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["left", "right", "subtree", "ignore", "ops"]
    assert (data["left"], data["right"], data["subtree"], data["ignore"]) == ("2016/4.B.b", "2022/4.B.A", False, [])
    assert {op["op"] for op in data["ops"]} == {"equal", "insert", "delete"}
    for op in data["ops"]:
        assert list(op)[:2] == ["op", "text"]
        assert set(op) == {"op", "text", "paragraph", "kind", "moved", "elsewhere", "ignored"}
        assert op["moved"] is False or op["elsewhere"] is not None
        assert (op["paragraph"]["left"] is None) == (op["op"] == "insert")
        assert (op["paragraph"]["right"] is None) == (op["op"] == "delete")
    assert rebuilt(data["ops"]) == (library.section("2016/4.B.b").text, library.section("2022/4.B.A").text)


def test_diff_of_a_heading_without_text_compares_the_subtrees(
    capsys: pytest.CaptureFixture[str], library: Library
) -> None:
    code, out, _ = run(capsys, "diff", "2016/4.B.a", "2022/4.B.B", "--json")
    data = json.loads(out)
    assert code == 0 and data["subtree"] is True
    left, right = rebuilt(data["ops"])
    assert left.startswith("(Current status of piracy and armed robbery cases)\n\nAccording to figures released")
    assert right == library.section("2022/4.B.B").text
    kept = sum(len(op["text"].split()) for op in data["ops"] if op["op"] == "equal")
    assert kept > 0.3 * len(right.split())  # was a diff of 100% insertion
    headings = [op["text"].strip() for op in data["ops"] if op["kind"] == "heading"]
    assert headings == [
        "(Current status of piracy and armed robbery cases)",
        "(Extension of anti-piracy operations and record of escort activities)",
        "(Promotion of international cooperation in anti-piracy measures)",
    ]


def moved_ops(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, Any]]:
    code, out, _ = run(capsys, "diff", *argv, "--json")
    assert code == 0
    return [op for op in json.loads(out)["ops"] if op["moved"]]


def test_diff_marks_a_sentence_moved_out_to_another_section_and_in_from_one(capsys: pytest.CaptureFixture[str]) -> None:
    # Two sentences of (4) went from 2016's introduction to 2022's new (A) Basic Stance: clashing interests, and
    # the Shangri-La Dialogue.
    went = moved_ops(capsys, "2016/4", "2022/4")
    assert [(op["op"], op["elsewhere"]["direction"], op["elsewhere"]["section"]["id"]) for op in went] == [
        ("delete", "to", "2022/4.A.A"),
        ("delete", "to", "2022/4.A.A"),
    ]
    assert went[0]["text"].strip().startswith("In recent years, there are an increasing number of cases")
    assert went[1]["text"].strip().startswith("Against this background, Japan has been making every effort")
    came, _ = moved_ops(capsys, "2016/4.A", "2022/4.A", "--subtree")
    assert (came["op"], came["elsewhere"]["direction"], came["elsewhere"]["section"]["id"]) == (
        "insert",
        "from",
        "2016/4",
    )
    assert came["text"].strip().startswith("There is an increasing number of cases")
    # With what changed on the way.
    edits = came["elsewhere"]["edits"]
    assert {"op": "delete", "text": "In recent years, there are"} in edits
    assert rebuilt(edits)[1] == came["text"].strip()


def test_diff_for_people_says_where_a_moved_sentence_went(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "2016/4", "2022/4")
    assert code == 0
    assert "↗ moved to 2022/4.A.A#0 2022 › (4) The Oceans and Seas › A Order at Sea › (A) Basic Stance" in " ".join(
        out.split()
    )


def test_diff_says_a_sentence_went_to_a_sibling_without_calling_it_moved(capsys: pytest.CaptureFixture[str]) -> None:
    # The three run-in parts of 2016's Somalia section all went into 2022's (B): a sentence of one faces nothing in
    # a redline of another, but it did not move away from where its own section went.
    code, out, _ = run(capsys, "diff", "2016/4.B.a.current-status-of", "2022/4.B.B", "--json")
    assert code == 0
    siblings = {"2016/4.B.a.extension-of-anti", "2016/4.B.a.promotion-of-international"}
    from_siblings = [op for op in json.loads(out)["ops"] if op["elsewhere"]]
    assert {op["elsewhere"]["section"]["id"] for op in from_siblings} == siblings
    assert not any(op["moved"] for op in from_siblings)
    code, out, _ = run(capsys, "diff", "2016/4.B.a.current-status-of", "2022/4.B.B")
    assert code == 0 and "← came from 2016/4.B.a.extension-of-anti#0" in out and "↗" not in out


def test_diff_ignoring_spelling_and_punctuation_marks_only_real_changes(capsys: pytest.CaptureFixture[str]) -> None:
    def changes(*options: str) -> list[dict[str, Any]]:
        code, out, _ = run(capsys, "diff", "2016/4.B.a", "2022/4.B.B", "--json", *options)
        assert code == 0
        return [op for op in json.loads(out)["ops"] if op["op"] != "equal"]

    def marked(ops: list[dict[str, Any]]) -> list[str]:
        return [op["text"] for op in ops if not op["ignored"]]

    plain, ignoring = changes(), changes("--ignore", "spelling,punctuation")
    # 2016's "Information Sharing Centers in Yemen, Kenya, and Tanzania" is 2022's "Centres in Yemen, Kenya and".
    assert any("Centers" in text for text in marked(plain)) and any("Centres" in text for text in marked(plain))
    assert not any("Centers" in text or "Centres" in text for text in marked(ignoring))
    assert {"Centers", "Centres"} <= {op["text"] for op in ignoring if op["ignored"]}
    assert sum(len(text.split()) for text in marked(ignoring)) < sum(len(text.split()) for text in marked(plain))


def test_diff_without_colour_marks_changes_like_git_word_diff(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "diff", "2016/4.B.b", "2022/4.B.A")
    assert code == 0
    assert "--- 2016/4.B.b (b) Anti-piracy measures in Asia" in out
    assert "+++ 2022/4.B.A (A) Counter-piracy Measures in Asia" in out
    assert "[-Privacy-]{+Piracy+}" in out


def test_diff_puts_an_inserted_heading_on_its_own_line(capsys: pytest.CaptureFixture[str]) -> None:
    # 2016's "A. Order at Sea" opens with a paragraph 2022 dropped; 2022's opens with the heading "(A) Basic Stance".
    code, out, _ = run(capsys, "diff", "2016/4.A", "2022/4.A")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("{+(A) Basic Stance+}")
    assert lines[at - 2].endswith("order at sea.-]") and not lines[at - 1]


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
        (["diff", "2016/1", "2022/1", "--ignore", "grammar"], "case, punctuation, spelling"),
        (["diff", "2016/1", "2022/1", "--context", "many"], "many"),
        (["trace", "2016/9"], "2016/9"),
        (["trace", "1999/1", "--json"], "2016, 2022"),
        (["trace", "2016/1", "--against", "2031"], "2016, 2022"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and names in err
