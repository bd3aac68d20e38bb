"""Searching the real library: ranking, filters, how words are matched, suggestions, snippets, hostile input."""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.index import open_dir

from bluebook_tui.library import Library, Section, load_library
from bluebook_tui.search import SearchResults, SearchService
from bluebook_tui.search.phrases import PHRASE_BOOST, phrase_terms, rank_phrases_first
from bluebook_tui.search.query import search_parser
from bluebook_tui.search.store import IndexStore


@pytest.fixture(scope="session")
def search_library(bundled_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A copy of the bundled library, so that its index (`../index`) is written into a temporary directory."""
    content = tmp_path_factory.mktemp("search") / "content"
    shutil.copytree(bundled_content, content)
    return load_library(content)


@pytest.fixture(scope="session")
def service(search_library: Library) -> SearchService:
    service = SearchService(search_library)
    service.ensure_index()
    return service


def sections_containing(library: Library, pattern: str, edition: str | None = None) -> set[str]:
    """The ids of the sections whose heading or text matches a regex: the oracle the search is checked against."""
    regex = re.compile(pattern, re.IGNORECASE)
    return {
        section.id
        for section in library.walk()
        if (edition is None or section.edition == edition) and regex.search(f"{section.heading}\n{section.text}")
    }


def all_ids(service: SearchService, query: str, edition: str | None = None) -> set[str]:
    results = service.search(query, edition=edition, limit=500)
    assert results.error is None
    assert results.total == len(results.hits)
    return {hit.id for hit in results.hits}


def section(library: Library, section_id: str) -> Section:
    return library.section(section_id)


# What a reader of the two editions expects at the top: (query, edition, words of the right section's heading).
RANKING = [
    ("Senkaku", "2016", "East China Sea"),
    ("Senkaku", "2022", "East China Sea"),
    ("Gulf of Guinea", None, "Counter-piracy Measures in the Gulf of Guinea"),
    ("free and open Indo-Pacific", None, "Regional Security"),
    ("IBUKI", None, "Utilization of Space"),
    ("piracy Somalia", "2022", "Off the Coast of Somalia"),
    ("piracy Somalia", "2016", "anti-piracy"),
    ("UNCLOS", "2016", "Law of the Sea"),
    ("UNCLOS", "2022", "Law of the Sea"),
    ("cybersecurity", "2022", "Cyber"),
    ("anti-satellite", "2016", "Outer Space"),
    ("ASAT tests", "2022", "Outer Space"),
    ("money laundering", "2016", "Money Laundering"),
    ("trafficking in persons", "2016", "Trafficking in Persons"),
    ("economic security", "2022", "Economic Security"),
    ("counter-terrorism", "2016", "Counter-terrorism Measures"),
]


@pytest.mark.parametrize(("query", "edition", "heading"), RANKING)
def test_the_section_a_reader_expects_is_in_the_top_three(
    service: SearchService, query: str, edition: str | None, heading: str
) -> None:
    results = service.search(query, edition=edition, limit=3)
    assert results.error is None
    places = [" › ".join(hit.path) for hit in results.hits]
    assert any(heading.lower() in place.lower() for place in places), places


def test_hits_carry_where_they_are(service: SearchService, search_library: Library) -> None:
    hit = service.search("Gulf of Guinea", limit=1).hits[0]
    expected = section(search_library, hit.id)
    assert (hit.edition, hit.heading, hit.path) == (expected.edition, expected.heading, expected.path)
    assert hit.score > 0


def test_every_word_must_match_and_every_match_is_counted(service: SearchService, search_library: Library) -> None:
    expected = sections_containing(search_library, r"\bpiracy\b") & sections_containing(search_library, r"\bsomalia\b")
    assert all_ids(service, "piracy Somalia") == expected
    results = service.search("piracy Somalia", limit=1)
    assert results.total == len(expected) and len(results.hits) == 1


def test_the_edition_filter(service: SearchService, search_library: Library) -> None:
    assert all_ids(service, "piracy", edition="2016") == sections_containing(search_library, r"\bpiracy\b", "2016")
    assert all_ids(service, "edition:2022 piracy") == sections_containing(search_library, r"\bpiracy\b", "2022")


def test_an_unknown_edition_is_one_line_naming_the_editions(service: SearchService) -> None:
    results = service.search("piracy", edition="2099")
    assert results.error == "no edition '2099' (editions: 2016, 2022)"
    assert results.hits == ()


def test_straight_and_curly_apostrophes_are_the_same_word(service: SearchService, search_library: Library) -> None:
    # 2016 writes Japan’s, 2022 writes Japan's.
    straight, curly = all_ids(service, "Japan's security policy"), all_ids(service, "Japan’s security policy")
    assert straight == curly
    assert {hit_id.split("/")[0] for hit_id in straight} == {"2016", "2022"}
    phrase = service.search('"Japan\'s security policy"', edition="2016", limit=50)
    assert phrase.hits and all("Japan’s security policy" in section(search_library, hit.id).text for hit in phrase.hits)


def test_a_hyphenated_word_is_found_whole_and_by_its_parts(service: SearchService, search_library: Library) -> None:
    anti_satellite = sections_containing(search_library, r"anti-satellite")
    assert all_ids(service, "anti-satellite") == anti_satellite
    assert all_ids(service, "antisatellite") == anti_satellite
    assert anti_satellite <= all_ids(service, "satellite")
    assert all_ids(service, "Indo-Pacific") == sections_containing(search_library, r"Indo-Pacific")
    assert sections_containing(search_library, r"Asia-Pacific") <= all_ids(service, "Pacific")


def test_japan_us_is_found_whole_and_us_is_not_use(service: SearchService, search_library: Library) -> None:
    assert sections_containing(search_library, r"Japan-U\.S\.") <= all_ids(service, "Japan-U.S.")
    us_hits = all_ids(service, "U.S.")
    assert us_hits == sections_containing(search_library, r"\bU\.S\b|\bUS\b|\bus\b")


def test_written_together_finds_the_hyphenated_form(service: SearchService, search_library: Library) -> None:
    assert all_ids(service, "counterterrorism") == sections_containing(search_library, r"counter-?terrorism")


@pytest.mark.parametrize(
    ("query", "pattern"),
    [("2+2", r"2\+2"), ("2015", r"\b2015\b"), ("FOIP", r"\bFOIP\b"), ("12500", r"\b12,500\b"), ("UNCLOS", "UNCLOS")],
)
def test_numbers_years_and_acronyms(service: SearchService, search_library: Library, query: str, pattern: str) -> None:
    expected = sections_containing(search_library, pattern)
    assert expected and all_ids(service, query) == expected


def test_stemming_finds_every_inflection(service: SearchService, search_library: Library) -> None:
    assert all_ids(service, "securities") == all_ids(service, "security")
    cooperate = sections_containing(search_library, r"\bcooperat(e|es|ed|ing|ion|ions|ive)\b")
    for word in ("cooperated", "cooperating", "cooperation", "cooperative"):
        assert all_ids(service, word) == cooperate, word


def test_british_and_american_spellings_are_one_word(service: SearchService, search_library: Library) -> None:
    assert (
        all_ids(service, "defence") == all_ids(service, "defense") == sections_containing(search_library, "defen[cs]e")
    )


def test_operators(service: SearchService, search_library: Library) -> None:
    piracy, somalia = sections_containing(search_library, r"\bpiracy\b"), sections_containing(search_library, "somalia")
    assert all_ids(service, "piracy -Somalia") == piracy - somalia
    assert all_ids(service, "piracy NOT Somalia") == piracy - somalia
    senkaku, ibuki = sections_containing(search_library, "senkaku"), sections_containing(search_library, "ibuki")
    assert all_ids(service, "Senkaku OR IBUKI") == senkaku | ibuki
    assert all_ids(service, "cyber*") == sections_containing(search_library, r"\bcyber")
    assert all_ids(service, '"Gulf of Aden"') == sections_containing(search_library, "Gulf of Aden")
    headings = [section(search_library, hit_id).heading for hit_id in all_ids(service, "heading:cyber")]
    assert headings and all("Cyber" in heading for heading in headings)


def test_curly_quotes_make_a_phrase(service: SearchService) -> None:
    assert all_ids(service, "“free and open”") == all_ids(service, '"free and open"')
    assert all_ids(service, "“free and open”") < all_ids(service, "free and open")


def test_a_question_mark_is_not_a_wildcard(service: SearchService) -> None:
    assert all_ids(service, "FOIP?") == all_ids(service, "FOIP")


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [("piricy", "piracy"), ("piricy Somalia", "piracy Somalia"), ("anti-satelite", "anti-satellite")],
)
def test_a_misspelt_word_gets_a_real_word_suggested(service: SearchService, query: str, suggestion: str) -> None:
    assert service.search(query).suggestion == suggestion


def test_no_suggestion_when_every_word_is_known(service: SearchService) -> None:
    for query in ("piracy", "Senkaku Islands", "2+2", "UNCLOS", "edition:2016 security"):
        assert service.search(query).suggestion is None, query


@pytest.mark.parametrize("query", ["IBU*", "Jap*", "Japan-U*", "cyber* piricy"])
def test_a_wildcard_is_never_rewritten_as_a_misspelling(service: SearchService, query: str) -> None:
    # Whoosh places a prefix's token at its `*`: "correcting" it there once gave `IBUits`.
    suggestion = service.search(query).suggestion
    assert suggestion is None or suggestion == query.replace("piricy", "piracy")


@pytest.mark.parametrize(
    ("typed", "word", "section_id", "found"),
    [
        ("IBU", "IBU", "2022/5.D", "IBUKI"),
        ("satellite IBU", "IBU", "2022/5.D", "IBUKI"),
        ("pira", "pira", "2016/4.B", "piracy"),
    ],
)
def test_as_you_type_an_unfinished_last_word_finds_the_words_it_starts(
    service: SearchService, typed: str, word: str, section_id: str, found: str
) -> None:
    assert service.search(typed).total == 0, "as written, nothing matches"
    results = service.search(typed, as_you_type=True)
    assert results.word_start == word and results.suggestion is None
    assert section_id in {hit.id for hit in results.hits}
    assert re.search(results.pattern or "", found)


@pytest.mark.parametrize("typed", ["piracy", "Senkaku Islands", "piricy", "a", "piracy NOT", "heading:cyb", "cyb*"])
def test_as_you_type_changes_nothing_when_the_words_match_or_are_not_plain(service: SearchService, typed: str) -> None:
    # Words that match as written are not widened; one letter, an operator, a field or a wildcard is no word start.
    assert service.search(typed, as_you_type=True) == service.search(typed)


@pytest.mark.parametrize(
    "text",
    ["South China Sea", "free and open Indo-Pacific", "Japan's security policy", "rule of law", "Japan-U.S. Alliance"],
)
def test_the_phrase_bonus_goes_to_the_sections_a_phrase_search_finds(service: SearchService, text: str) -> None:
    store = IndexStore(service.index_root)
    manifest = store.read_manifest()
    assert manifest is not None
    with open_dir(str(store.generation_path(manifest))).searcher() as searcher:
        parser = search_parser(searcher.schema)
        plain = searcher.search(parser.parse(text), limit=None)
        hits = [plain[rank] for rank in range(plain.scored_length())]
        together = {hit.docnum for hit in searcher.search(parser.parse(f'"{text}"'), limit=None)}
        ranked = rank_phrases_first(searcher, phrase_terms(searcher, text), hits)
    assert together, "the phrase is in the text"
    assert {hit.docnum for hit, score in ranked if score == (hit.score or 0.0) * PHRASE_BOOST} == together
    assert [score for _, score in ranked] == sorted((score for _, score in ranked), reverse=True)


def test_snippets_highlight_the_matched_words(service: SearchService) -> None:
    results = service.search("piracy", limit=5)
    for hit in results.hits:
        assert hit.highlights
        assert {hit.snippet[start:end].lower() for start, end in hit.highlights} == {"piracy"}
        assert "\n" not in hit.snippet and "  " not in hit.snippet


def test_a_heading_only_match_still_gets_a_snippet(service: SearchService, search_library: Library) -> None:
    hits = service.search("heading:Regional", limit=5).hits
    assert hits
    for hit in hits:
        assert hit.highlights == ()
        assert hit.snippet.rstrip(" …") in " ".join(section(search_library, hit.id).text.split())


def test_the_pattern_matches_every_inflection_as_written(service: SearchService) -> None:
    pattern = re.compile(service.search("securities").pattern or "")
    assert all(pattern.search(word) for word in ("security", "Security", "secure"))
    assert not pattern.search("secured-nothing-else")
    piracy = re.compile(service.search("piracy -Somalia").pattern or "")
    assert piracy.search("Piracy") and not piracy.search("Somalia") and not piracy.search("pirates")
    assert re.compile(service.search("U.S.").pattern or "").search("the Japan-U.S. Alliance")
    assert re.compile(service.search("defense").pattern or "").search("Foreign and Defence Ministers")


@pytest.mark.parametrize(
    ("query", "text", "marked", "alone"),
    [
        ('"law of the sea"', "the Convention on the Law of the Sea (UNCLOS)", "Law of the Sea", "the rule of law"),
        ("anti-satellite", "a direct-ascent anti-satellite missile", "anti-satellite", "anti-piracy measures"),
    ],
)
def test_a_phrase_is_marked_where_its_words_stand_together_only(
    service: SearchService, query: str, text: str, marked: str, alone: str
) -> None:
    pattern = re.compile(service.search(query).pattern or "")
    found = pattern.search(text)
    assert found and found.group(0) == marked
    assert not pattern.search(alone)


def test_searching_from_many_threads_gives_the_same_hits(service: SearchService) -> None:
    queries = ["piracy", "Senkaku", "cyber*", "free and open Indo-Pacific", "2+2", "UNCLOS", "piricy", "security"]
    expected = {query: service.search(query) for query in queries}
    failures: list[str] = []

    def worker(offset: int) -> None:
        for round_ in range(15):
            query = queries[(offset + round_) % len(queries)]
            if service.search(query) != expected[query]:
                failures.append(query)

    threads = [threading.Thread(target=worker, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


HOSTILE = [
    "",
    "   ",
    '"',
    '""',
    '"unclosed phrase',
    "(",
    ")",
    "((piracy",
    "piracy))",
    "AND",
    "OR",
    "NOT",
    "NOT NOT piracy",
    "piracy NOT",
    "OR piracy",
    "-",
    "--",
    "-piracy",
    "*",
    "**",
    "?",
    "*:*",
    ":",
    "edition:",
    "heading:",
    "heading:(",
    "foo:bar",
    "edition:2016 edition:2022",
    "[a TO b]",
    "{x}",
    "piracy^2",
    "~",
    "\\",
    "'",
    "’",
    "“",
    "' OR 1=1 --",
    "%s {0}",
    "\x00piracy\x07",
    "\x1b[31mred\x1b[0m",
    "pira\u200bcy",
    "尖閣諸島",
    "Россия",
    "العربية",
    "🙂",
    "a" * 5000,
    "security " * 300,
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_result_or_one_line(service: SearchService, query: str) -> None:
    results = service.search(query)
    assert isinstance(results, SearchResults)
    assert results.error is None or "\n" not in results.error
    assert len(results.hits) <= 20


def test_a_huge_query_is_refused_in_one_line(service: SearchService) -> None:
    assert service.search("a" * 5000).error == "the query is too long (over 1000 characters)"


# Pieces of the query syntax, and words of the library, for queries that hit the parser where it is weak.
SYNTAX = ["piracy", "Japan's", "anti-satellite", "2+2", "AND", "OR", "NOT", "-", "*", '"', "“", "”", "(", ")"]
SYNTAX += ["edition:", "heading:", "2016", ":", "'", "?", "cyber*", "U.S.", "\\", "~", "^", "[", "]", "{", "}"]
queries = st.text(max_size=120) | st.lists(st.sampled_from(SYNTAX), max_size=12).map(
    lambda pieces: "".join(piece + (" " if index % 3 else "") for index, piece in enumerate(pieces))
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, edition=st.sampled_from([None, "2016", "2022"]))
def test_no_query_raises(service: SearchService, query: str, edition: str | None) -> None:
    results = service.search(query, edition=edition, limit=5, as_you_type=len(query) % 2 == 0)
    assert results.error is None or "\n" not in results.error
    assert len(results.hits) <= 5
    assert results.total >= len(results.hits)


def test_a_possessive_finds_only_the_possessive_and_the_word_finds_both(
    service: SearchService, search_library: Library
) -> None:
    # One way of counting with `trend`: `Japan's` asks for the possessive, `Japan` for every form.
    assert all_ids(service, "Japan's") == sections_containing(search_library, r"\bJapan['’]s\b")
    assert all_ids(service, "Japan") == sections_containing(search_library, r"\bJapan\b")
