"""Term counts per edition: whole words, any case, plurals and inflections counted as the term; the bars they are
drawn with."""

from __future__ import annotations

import re

import pytest

from bluebook_tui.charts import bar
from bluebook_tui.compare import term_trend
from bluebook_tui.compare.term_stream import units_of
from bluebook_tui.library import Edition, Library
from tests.compare_support import edition, library

OLD = edition(
    "2016",
    "## (1) Vessels\n\nA patrol vessel, two VESSELS and the vessel’s crew. Vesselina is a name.\n",
)
NEW = edition(
    "2022",
    "## (1) Piracy\n\nPatrolling continues; patrols patrolled the strait. Counter-piracy is not patrol-free.\n",
)


def test_plurals_possessives_and_case_count_as_the_term() -> None:
    counts = term_trend(library(OLD, NEW), "vessel")
    # Heading "Vessels", "vessel", "VESSELS", "vessel’s"; "Vesselina" is a name.
    assert [(count.edition, count.occurrences) for count in counts] == [("2016", 4), ("2022", 0)]


def test_inflections_count_and_hyphens_part_words() -> None:
    counts = term_trend(library(OLD, NEW), "patrols")
    # 2016: "patrol"; 2022: "Patrolling", "patrols", "patrolled", and "patrol" in "patrol-free".
    assert [count.occurrences for count in counts] == [1, 4]
    piracy = term_trend(library(OLD, NEW), "piracy")
    assert [count.occurrences for count in piracy] == [0, 2]  # the heading and "Counter-piracy"


def test_a_phrase_counts_where_its_words_follow_each_other() -> None:
    counts = term_trend(library(OLD, NEW), "patrol vessels")
    assert [count.occurrences for count in counts] == [1, 0]


def test_rate_per_ten_thousand_words() -> None:
    old_count = term_trend(library(OLD), "vessel")[0]
    # "(1) Vessels" is two words ("1", "Vessels"), the text thirteen.
    assert old_count.words == 15
    assert old_count.per_10k_words == pytest.approx(10_000 * 4 / 15)


def test_a_term_without_countable_words_counts_nothing() -> None:
    # As search finds nothing for them: punctuation, and stop words the index leaves out.
    assert [count.occurrences for count in term_trend(library(OLD), " -- ")] == [0]
    assert [count.occurrences for count in term_trend(library(OLD), "the")] == [0]


def edition_text(edition: Edition) -> str:
    return "\n\n".join(text for _, _, text in units_of(edition))


def test_a_possessive_counts_only_where_one_is_asked_for() -> None:
    assert [count.occurrences for count in term_trend(library(OLD), "vessel's")] == [1]
    assert [count.occurrences for count in term_trend(library(OLD), "vessel’s")] == [1]


@pytest.mark.parametrize(
    ("term", "pattern"),
    [
        ("cooperation", r"\bcooperat(?:e|es|ed|ing|ion|ions|ive|ively)\b"),
        ("Japan's", r"\bJapan['’]s\b"),
        ("Japan", r"\bJapan\b"),
        ("Indo-Pacific", r"\bIndo-Pacific\b"),
    ],
)
def test_real_editions_count_forms_as_search_finds_them(library: Library, term: str, pattern: str) -> None:
    # One pipeline: `cooperation` counts "cooperated" (search finds it), `Japan's` only the possessive.
    counts = {count.edition: count.occurrences for count in term_trend(library, term)}
    expected = {
        edition.id: len(re.findall(pattern, edition_text(edition), re.IGNORECASE))
        for edition in library.editions.values()
    }
    assert counts == expected


def test_real_editions_count_piracy_like_a_regex_over_the_text(library: Library) -> None:
    counts = {count.edition: count.occurrences for count in term_trend(library, "piracy")}
    expected = {
        edition.id: len(re.findall(r"\bpirac(?:y|ies)\b", edition_text(edition), re.IGNORECASE))
        for edition in library.editions.values()
    }
    assert counts == expected
    assert all(count > 0 for count in counts.values())


def test_one_bar_renderer_draws_eighths_whole_cells_and_padding() -> None:
    """The app's bars end in eighths of a cell and fill their width; the CLI's trend and the report's are whole
    cells with nothing after them; out-of-range fractions are clamped."""
    assert bar(0.5, 4) == "██  "
    assert bar(0.53, 4) == "██▏ "
    assert bar(0.53, 4, eighths=False, padded=False) == "██"
    assert bar(0.0, 3) == "   "
    assert bar(1.7, 3, padded=False) == "███"
    assert bar(-1.0, 3, eighths=False, padded=False) == ""
