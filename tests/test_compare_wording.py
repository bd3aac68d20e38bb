"""Wording insight: keyness, shifts, concordance and dispersion, counted as search counts words."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bluebook_tui.compare.concordance import concordance, dispersion
from bluebook_tui.compare.function_words import is_function_word
from bluebook_tui.compare.keywords import chi2_p, keyness, log_likelihood, strongest
from bluebook_tui.compare.shifts import variant_key
from bluebook_tui.compare.term_stream import term_stream, units_of
from bluebook_tui.compare.trend import term_trend
from bluebook_tui.compare.wording import edition_keywords, edition_shifts, wording
from bluebook_tui.library import Edition, Library
from bluebook_tui.search.analysis import STOP_LIST
from tests.compare_support import edition
from tests.support import run

# Two small editions: "pirates" 4 times in the old, never in the new; "drones" the other way round, 6 times.
OLD = edition(
    "2016",
    "## (1) Seas\n\nPirates attacked ships. Pirates fled. Navies chased pirates; pirates surrendered. Ships sailed.\n",
)
NEW = edition(
    "2022",
    "## (1) Seas\n\nDrones watched ships. Drones flew, drones landed. Drones, drones and drones. Ships sailed.\n",
)


def test_log_likelihood_matches_a_hand_computation() -> None:
    # 10 in 1,000 words against 0 in 1,000: both expected 5, G² = 2·10·ln(10/5).
    assert log_likelihood(10, 0, 1000, 1000) == pytest.approx(2 * 10 * math.log(2))
    # 20 in 5,000 against 5 in 10,000: expected 8.333… and 16.666…
    by_hand = 2 * (20 * math.log(20 / (5000 * 25 / 15000)) + 5 * math.log(5 / (10000 * 25 / 15000)))
    assert log_likelihood(20, 5, 5000, 10000) == pytest.approx(by_hand) == pytest.approx(22.98, abs=0.01)
    assert chi2_p(3.841) == pytest.approx(0.05, abs=1e-3) and chi2_p(6.635) == pytest.approx(0.01, abs=1e-3)


def test_keywords_of_a_fixture_have_hand_counted_figures() -> None:
    old, new = term_stream(OLD), term_stream(NEW)
    # Words as written less stop words ("and"): the heading's "1" and "Seas", then 12 words in each text.
    assert (old.word_count, new.word_count) == (14, 14)
    found = {keyword.term.lower(): keyword for keyword in keyness(old, new, min_count=2)}
    pirates, drones = found["pirates"], found["drones"]
    assert (pirates.left_count, pirates.right_count) == (4, 0)
    assert (drones.left_count, drones.right_count) == (0, 6)
    # Expected 2 in each edition: G² = 2·4·ln(4/2); the zero counts as 0.5 in the log ratio.
    assert pirates.g2 == pytest.approx(2 * 4 * math.log(2))
    assert pirates.log_ratio == pytest.approx(math.log2((0.5 / 14) / (4 / 14))) and pirates.log_ratio < 0
    assert drones.log_ratio > 0
    assert "ships" not in {keyword.term.lower() for keyword in strongest(list(found.values()), 5) if keyword.g2 > 0.5}


@pytest.fixture(scope="module")
def real_keywords(library: Library) -> dict[str, list[str]]:
    found = edition_keywords(library.edition("2016"), library.edition("2022"), limit=40)
    return {
        "rising": [keyword.term for keyword in found if keyword.log_ratio > 0],
        "falling": [keyword.term for keyword in found if keyword.log_ratio < 0],
    }


def test_real_keywords_name_what_a_reader_sees_rise_and_fall(real_keywords: dict[str, list[str]]) -> None:
    # 2022 adds economic security, the Indo-Pacific and supply chains; 2016's PKOs, Afghanistan and anti-piracy go.
    assert {"economic security", "Indo-Pacific", "supply chains"} <= set(real_keywords["rising"])
    assert {"PKO", "Afghanistan", "anti-piracy"} <= set(real_keywords["falling"])
    assert "PKOs" not in real_keywords["falling"], "the plural is the acronym's keyword, not one of its own"


def test_an_acronym_is_counted_with_its_plural_as_the_search_finds_it(library: Library) -> None:
    # 2016 writes "UN PKOs" 12 times (and "UN PKO" 5), 2022 "UN PKO" only: one falling keyword, not "PKOs" gone.
    written = {
        edition_id: sum(len(re.findall(pattern, text)) for _, _, text in units_of(library.edition(edition_id)))
        for edition_id, pattern in (("2016", r"\bPKOs?\b"), ("2022", r"\bPKOs?\b"))
    }
    plurals = sum(len(re.findall(r"\bPKOs\b", text)) for _, _, text in units_of(library.edition("2016")))
    found = {
        keyword.term: keyword
        for keyword in keyness(term_stream(library.edition("2016")), term_stream(library.edition("2022")))
    }
    pko = found["PKO"]
    assert (pko.left_count, pko.right_count) == (written["2016"], written["2022"]) and plurals > 0
    assert [count.occurrences for count in term_trend(library, "PKO")] == [written["2016"], written["2022"]]
    assert [count.occurrences for count in term_trend(library, "PKOs")] == [plurals, 0], "the plural alone"
    assert "PKOs" not in found


def test_function_words_do_not_crowd_the_keywords(real_keywords: dict[str, list[str]]) -> None:
    terms = real_keywords["rising"] + real_keywords["falling"]
    for term in terms:
        words = term.split()
        assert not is_function_word(words[0]) and not is_function_word(words[-1]), term
        assert term.lower() not in STOP_LIST


def test_keywords_are_counted_as_trend_counts_them(library: Library) -> None:
    for keyword in edition_keywords(library.edition("2016"), library.edition("2022"), limit=15):
        counts = [count.occurrences for count in term_trend(library, keyword.term)]
        assert counts == [keyword.left_count, keyword.right_count], keyword.term


@pytest.fixture(scope="module")
def real_shifts(library: Library) -> dict[tuple[str, str], object]:
    found = edition_shifts(library.edition("2016"), library.edition("2022"), limit=50)
    return {(shift.old, shift.new): shift for shift in found}


def edition_text(edition: Edition) -> str:
    return "\n\n".join(text for _, _, text in units_of(edition))


def test_shifts_list_the_real_substitutions_and_variant_forms(
    real_shifts: dict[tuple[str, str], object], library: Library
) -> None:
    # Read in both books: "Asia-Pacific" gives way to "Indo-Pacific", "anti-piracy" to "counter-piracy",
    # "Vietnam" to "Viet Nam", "U.K." to "UK", and the American "center" to the British "Centre".
    expected = {
        ("Asia-Pacific", "Indo-Pacific"),
        ("anti-piracy", "counter-piracy"),
        ("Vietnam", "Viet Nam"),
        ("U.K.", "UK"),
        ("center", "Centre"),
    }
    assert expected <= set(real_shifts)
    newer = edition_text(library.edition("2022"))
    for old, new in expected:
        shift = real_shifts[(old, new)]
        # How often the old wording survives: as a reader counts it in 2022.
        assert shift.survives == len(re.findall(rf"(?<![\w-]){re.escape(old)}(?![\w-])", newer, re.I)), old  # type: ignore[attr-defined]
        assert shift.examples  # type: ignore[attr-defined]
        for example in shift.examples:  # type: ignore[attr-defined]
            assert old.lower() in example.left.replace("’", "'").lower()
            assert new.lower() in example.right.replace("’", "'").lower()
            assert example.left_sentence.startswith(example.left_id + "#")


def test_a_one_off_rewrite_is_not_a_shift(real_shifts: dict[tuple[str, str], object]) -> None:
    # 2016/1 "official level dialogues" reads "government-to-government dialogues" in 2022, once: an edit.
    assert ("official level", "government-to-government") not in real_shifts


@given(st.text(alphabet="bcdfgkmpqvwxz", min_size=2, max_size=12), st.data())
def test_variant_forms_share_a_key_whatever_their_case_dots_hyphens_and_spaces(word: str, data: st.DataObject) -> None:
    cut = data.draw(st.integers(min_value=1, max_value=len(word) - 1))
    joiner = data.draw(st.sampled_from([".", "-", " ", ""]))
    variant = word[:cut] + joiner + word[cut:]
    assert variant_key(variant.upper()) == variant_key(word) == variant_key(variant.title())


def test_british_and_american_spellings_share_a_key() -> None:
    assert variant_key("defence") == variant_key("defense")
    assert variant_key("Centre") == variant_key("center")
    assert variant_key("Viet Nam") == variant_key("Vietnam")
    assert variant_key("four") != variant_key("for")


TERMS = ["piracy", "Japan's", "cooperation", "Indo-Pacific", "rule of law", "U.S.", "cyber", "Pacific", "the", "zzz"]


@pytest.mark.parametrize("term", TERMS)
def test_kwic_has_exactly_as_many_lines_as_trend_counts(library: Library, term: str) -> None:
    editions = list(library.editions.values())
    lines = concordance(editions, term)
    if term == "the":
        assert lines == []
        return
    counts = {count.edition: count.occurrences for count in term_trend(library, term)}
    assert {edition.id: sum(1 for line in lines if line.edition == edition.id) for edition in editions} == counts
    assert all(len(line.left) <= 40 and len(line.right) <= 40 for line in lines)
    places = dispersion(library.edition("2022"), term).places
    assert len(places) == counts["2022"] and list(places) == sorted(places)


def test_kwic_lines_stand_in_their_sections_and_sort_by_either_side(library: Library) -> None:
    lines = concordance(list(library.editions.values()), "Indo-Pacific", width=25)
    for line in lines:
        assert line.match == "Indo-Pacific"
        assert f"{line.left}{line.match}{line.right}".strip() in " ".join(library.section(line.id).text.split())
    by_left = concordance(list(library.editions.values()), "Indo-Pacific", width=25, sort="left")
    before = [line.left.split()[-1].lower() for line in by_left]
    assert before == sorted(before)
    by_right = concordance(list(library.editions.values()), "Indo-Pacific", width=25, sort="right")
    after = [line.right.lower().split()[:1] for line in by_right]
    assert after == sorted(after)


def test_dispersion_places_a_term_in_the_sections_that_hold_it(library: Library) -> None:
    # 2016 writes of piracy only in (4) The Oceans and Seas: every place falls between (4)'s start and (5)'s.
    found = dispersion(library.edition("2016"), "piracy")
    starts = dict((label, start) for start, label in found.sections)
    assert list(starts) == ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]
    assert found.places and all(starts["(4)"] <= place < starts["(5)"] for place in found.places)


def test_wording_read_back_from_the_cache_is_the_same_and_a_damaged_entry_is_worked_out_again(
    library: Library, tmp_path: Path
) -> None:
    from bluebook_tui.compare import wording as module

    left, right = library.edition("2016"), library.edition("2022")
    module._memory.clear()
    first = wording(left, right, tmp_path)
    (entry,) = (tmp_path / "wording").iterdir()
    module._memory.clear()
    assert wording(left, right, tmp_path) == first
    module._memory.clear()
    entry.write_text(json.dumps({"key": json.loads(entry.read_text())["key"], "keywords": [{"term": 1}]}))
    assert wording(left, right, tmp_path) == first


def test_keywords_json_contract_and_people_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "keywords", "2016", "2022", "--limit", "5", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["left"], data["right"]) == ("2016", "2022")
    assert {"term", "left_count", "right_count", "g2", "log_ratio"} <= set(data["terms"][0])
    assert [term["g2"] for term in data["terms"]] == sorted((term["g2"] for term in data["terms"]), reverse=True)
    assert (
        sum(term["log_ratio"] > 0 for term in data["terms"])
        == 5
        == sum(term["log_ratio"] < 0 for term in data["terms"])
    )
    code, out, _ = run(capsys, "keywords", "2016", "2022", "--limit", "5")
    assert code == 0 and "Rising in 2022" in out and "Falling since 2016" in out and "economic security" in out


def test_shifts_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "shifts", "2016", "2022", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["shifts"] and {"old", "new", "count", "survives", "examples"} <= set(data["shifts"][0])
    assert {"left_id", "right_id", "left", "right"} <= set(data["shifts"][0]["examples"][0])
    assert [shift["count"] for shift in data["shifts"]] == sorted((s["count"] for s in data["shifts"]), reverse=True)


def test_kwic_json_contract_and_an_edition_filter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "kwic", "piracy", "--edition", "2016", "--width", "20", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["term"] == "piracy" and data["lines"]
    assert all(set(line) == {"edition", "id", "heading", "left", "match", "right"} for line in data["lines"])
    assert {line["edition"] for line in data["lines"]} == {"2016"}


@pytest.mark.parametrize(
    ("verb", "term"),
    [("kwic", "the"), ("kwic", ""), ("kwic", "zzzzqx"), ("dispersion", "of"), ("trend", "the"), ("trend", "--")],
)
def test_a_term_that_matches_nothing_is_exit_0_with_a_one_line_note(
    capsys: pytest.CaptureFixture[str], verb: str, term: str
) -> None:
    code, out, err = run(capsys, verb, "--", term)
    assert code == 0 and err == "" and out.count("\n") == 1 and out.startswith("No occurrence")
    code, out, _ = run(capsys, verb, "--json", "--", term)
    data = json.loads(out)
    assert code == 0
    assert data.get("lines") == [] or all(not e.get("places") and not e.get("occurrences") for e in data["editions"])


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["keywords", "2016", "2099"], "2016, 2022"),
        (["shifts", "1999", "2022", "--json"], "2016, 2022"),
        (["keywords", "2016", "2022", "--limit", "0"], "--limit"),
        (["keywords", "2016", "2022", "--min-count", "-3"], "--min-count"),
        (["shifts", "2016", "2022", "--limit", "-1"], "--limit"),
        (["kwic", "piracy", "--edition", "2099"], "2016, 2022"),
        (["kwic", "piracy", "--width", "0"], "--width"),
    ],
)
def test_bad_wording_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and names in err
