"""`bluebook search` and `bluebook index` as scripts and people use them: the JSON contract, exit codes, output."""

from __future__ import annotations

import gc
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.support import run as run_cli

HIT_KEYS = {"edition", "id", "heading", "path", "score", "snippet"}


@pytest.fixture(scope="module")
def content(bundled_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("search-cli") / "content"
    shutil.copytree(bundled_content, copy)
    return copy


def run(capsys: pytest.CaptureFixture[str], content: Path, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "--content-dir", str(content), *argv)


def test_json_has_exactly_the_contract_keys(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, err = run(capsys, content, "search", "Gulf of Guinea", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    # The first four fields as they always were; `showing` (null: the query was searched as typed), `variants` and
    # `editions` added since.
    assert list(data)[:3] == ["query", "total", "suggestion"] and set(data) == {
        "query",
        "total",
        "suggestion",
        "showing",
        "variants",
        "editions",
        "hits",
    }
    assert data["query"] == "Gulf of Guinea" and data["suggestion"] is None and data["showing"] is None
    assert data["total"] == len(data["hits"]) >= 1
    hit = data["hits"][0]
    assert set(hit) == HIT_KEYS
    assert hit["id"] == "2022/4.B.C" and hit["edition"] == "2022"
    assert hit["path"][-1] == hit["heading"] and "Gulf of Guinea" in hit["snippet"]
    assert isinstance(hit["score"], float)


def test_limit_and_edition(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "piracy", "--edition", "2016", "--limit", "2", "--json")
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 2 and data["total"] > 2
    assert {hit["edition"] for hit in data["hits"]} == {"2016"}
    _, global_option, _ = run(capsys, content, "--edition", "2016", "search", "piracy", "--json")
    assert {hit["edition"] for hit in json.loads(global_option)["hits"]} == {"2016"}


def test_a_misspelt_query_runs_its_suggestion_and_says_so(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "piricy", "--json")
    assert code == 0
    shown = json.loads(out)
    assert (shown["query"], shown["suggestion"], shown["showing"]) == ("piricy", "piracy", "piracy")
    code, out, _ = run(capsys, content, "search", "piracy", "--json")
    assert [hit["id"] for hit in shown["hits"]] == [hit["id"] for hit in json.loads(out)["hits"]]
    assert shown["total"] == json.loads(out)["total"]


def test_as_typed_no_hits_exits_zero_with_the_suggestion(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "piricy", "--as-typed", "--json")
    assert code == 0
    assert json.loads(out) == {
        "query": "piricy",
        "total": 0,
        "suggestion": "piracy",
        "showing": None,
        "variants": [],
        "editions": {},
        "hits": [],
    }


@pytest.mark.parametrize("query", ["IBU", "pira"])
def test_a_short_or_unfinished_word_is_not_taken_for_a_slip(
    capsys: pytest.CaptureFixture[str], content: Path, query: str
) -> None:
    """`IBU` is not a slip for "its", nor `pira` for "piracy": those are searched as typed (the app's search as you
    type finds word starts instead)."""
    code, out, _ = run(capsys, content, "search", query, "--json")
    data = json.loads(out)
    assert code == 0 and data["total"] == 0 and data["showing"] is None and data["suggestion"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "piracy", "--edition", "2099"], "no edition '2099' (editions: 2016, 2022)"),
        (["search", "piracy", "--limit", "0"], "--limit: expected a whole number of 1 or more, got '0'"),
        (["search", "piracy", "--limit", "many"], "--limit: expected a whole number of 1 or more, got 'many'"),
        (["search", "  "], "the query is empty"),
        (["search", "x" * 2000], "the query is too long"),
    ],
)
def test_invalid_arguments_are_one_line_and_exit_two(
    capsys: pytest.CaptureFixture[str], content: Path, argv: list[str], message: str
) -> None:
    try:
        code, out, err = run(capsys, content, *argv, "--json")
    except SystemExit as exit_:  # argparse's own errors
        code, out, err = int(str(exit_.code)), *capsys.readouterr()
    assert code == 2 and out == ""
    assert message in err and err.count("\n") == 1


def test_people_get_the_heading_path_and_snippet(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "IBUKI")
    assert code == 0
    assert "1 section matches IBUKI" in out
    assert "2022/5.D" in out and "(5) Outer Space" in out and "“IBUKI”" in out


def test_people_see_the_suggestion(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "piricy")
    assert code == 0 and out.startswith("No hits for “piricy”; showing “piracy”\n10 sections match piracy")
    code, out, _ = run(capsys, content, "search", "piricy", "--as-typed")
    assert code == 0 and "0 sections match piricy" in out and "Did you mean piracy?" in out


def test_index_builds_then_reports_up_to_date(
    capsys: pytest.CaptureFixture[str], bundled_content: Path, tmp_path: Path
) -> None:
    content = tmp_path / "content"
    shutil.copytree(bundled_content, content)
    assert run(capsys, content, "index") == (0, f"Search index built: {tmp_path / 'index'}\n", "")
    assert run(capsys, content, "index")[1] == f"Search index already up to date: {tmp_path / 'index'}\n"
    assert run(capsys, content, "index", "--rebuild")[1].startswith("Search index built")


def test_the_installed_command(content: Path) -> None:
    command = [sys.executable, "-m", "bluebook_tui", "--content-dir", str(content), "search", "Senkaku", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stderr == ""
    assert json.loads(done.stdout)["total"] >= 2


def test_the_installed_command_builds_the_index_it_needs_and_answers_as_in_process(
    capsys: pytest.CaptureFixture[str], bundled_content: Path, tmp_path: Path
) -> None:
    """As its own process, a search pauses the garbage collector (resumed for a build): the same answer."""
    fresh = tmp_path / "content"
    shutil.copytree(bundled_content, fresh)
    command = [sys.executable, "-m", "bluebook_tui", "--content-dir", str(fresh), "search", "piracy Somalia", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == run(capsys, fresh, "search", "piracy Somalia", "--json")[1]


def test_a_search_in_process_leaves_the_garbage_collector_as_it_was(
    capsys: pytest.CaptureFixture[str], content: Path
) -> None:
    frozen = gc.get_freeze_count()
    assert run(capsys, content, "search", "piracy", "--json")[0] == 0
    assert gc.isenabled() and gc.get_freeze_count() == frozen


@pytest.mark.parametrize("query", ["Japan", "piracy", "Gulf of Guinea"])
def test_the_total_does_not_depend_on_the_limit(capsys: pytest.CaptureFixture[str], content: Path, query: str) -> None:
    totals = {
        limit: json.loads(run(capsys, content, "search", query, "--limit", str(limit), "--json")[1])["total"]
        for limit in (1, 2, 3, 100)
    }
    assert len(set(totals.values())) == 1, totals


def test_json_names_the_variant_forms_also_searched(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    code, out, _ = run(capsys, content, "search", "Viet Nam", "--json")
    data = json.loads(out)
    assert (code, data["variants"], data["total"]) == (0, ["Vietnam"], 5)
    assert json.loads(run(capsys, content, "search", "Gulf of Guinea", "--json")[1])["variants"] == []
    assert "5 sections match Viet Nam (also “Vietnam”)" in run(capsys, content, "search", "Viet Nam")[1]


def test_json_counts_the_matching_sections_per_edition(capsys: pytest.CaptureFixture[str], content: Path) -> None:
    everything = json.loads(run(capsys, content, "search", "piracy", "--json", "--limit", "100")[1])
    by_hits = Counter(hit["edition"] for hit in everything["hits"])
    assert len(everything["hits"]) == everything["total"] and len(by_hits) == 2
    # With one hit shown, the counts are still of every match.
    one = json.loads(run(capsys, content, "search", "piracy", "--json", "--limit", "1")[1])
    assert one["editions"] == everything["editions"] == dict(by_hits)
    assert json.loads(run(capsys, content, "search", "piracy", "--json", "--edition", "2016")[1])["editions"] == {
        "2016": by_hits["2016"]
    }
