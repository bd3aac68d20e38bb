"""A name the text writes two ways is one search term: the variants come from the library's own words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from bluebook_tui.search import SearchService
from bluebook_tui.search.store import IndexStore
from bluebook_tui.search.variants import Variants


@pytest.fixture(scope="module")
def service(library: Library, index_root: Path) -> SearchService:
    service = SearchService(library, index_root=index_root)
    service.ensure_index()
    return service


def written_in(library: Library, pattern: str) -> set[str]:
    """The sections whose heading or text matches a regex (case-insensitive): the oracle."""
    regex = re.compile(pattern, re.IGNORECASE)
    return {section.id for section in library.walk() if regex.search(f"{section.heading}\n{section.text}")}


@pytest.mark.parametrize(
    ("queries", "pattern"),
    [
        (["Viet Nam", '"Viet Nam"', "Vietnam", "vietnam"], r"\bviet\s*nam\b"),
        (["PKO", "PKOs"], r"\bPKOs?\b"),
        (["cyber space", "cyberspace"], r"\bcyber\s*space\b"),
    ],
)
def test_each_written_form_finds_the_sections_of_both(
    service: SearchService, library: Library, queries: list[str], pattern: str
) -> None:
    expected = written_in(library, pattern)
    # Both forms stand in the text, in different sections: one alone would find fewer.
    assert len(expected) >= 3
    for query in queries:
        results = service.search(query, limit=100)
        assert {hit.id for hit in results.hits} == expected, query


def test_the_results_name_the_other_form_as_the_text_writes_it(service: SearchService) -> None:
    assert service.search("Viet Nam").variants == ("Vietnam",)
    assert service.search("Vietnam").variants == ("Viet Nam",)
    assert service.search("PKO").variants == ("PKOs",)
    assert service.search("Japan").variants == ()


def test_the_other_form_is_highlighted_too(service: SearchService) -> None:
    pattern = service.search("Viet Nam").pattern
    assert pattern is not None
    assert re.search(pattern, "support to Vietnam and")
    assert re.search(pattern, "Viet Nam")


def test_variants_join_no_words_the_text_never_writes_apart(index_root: Path, library: Library) -> None:
    store = IndexStore(index_root)
    manifest = store.read_manifest()
    assert manifest is not None
    variants = Variants.load(store.generation_path(manifest))
    text = "\n".join(f"{section.heading}\n{section.text}" for section in library.walk())
    written = {form for forms in variants.others.values() for _, form in forms}
    assert {"Viet Nam", "Vietnam", "PKO", "PKOs", "cyber space", "cyberspace"} <= written
    for form in written:
        assert re.search(rf"\b{re.escape(form)}\b", text), form
    # Words made of two words that are never written apart stay words of their own.
    assert not {"framework", "peacekeeping", "overseas", "worldwide"} & {form.lower() for form in written}


def test_a_boolean_query_keeps_its_meaning(service: SearchService, library: Library) -> None:
    vietnam = written_in(library, r"\bviet\s*nam\b")
    assert {hit.id for hit in service.search("NOT Vietnam", limit=500).hits}.isdisjoint(vietnam)
    in_2016 = {hit.id for hit in service.search("edition:2016 Viet Nam", limit=100).hits}
    assert in_2016 == {section_id for section_id in vietnam if section_id.startswith("2016/")}


@pytest.mark.parametrize("query", ["cyber space", '"cyber space"', "cyberspace"])
def test_a_name_written_two_ways_is_marked_whole_never_by_one_of_its_words(service: SearchService, query: str) -> None:
    pattern = re.compile(service.search(query).pattern or "")
    for written in ("cyberspace", "Cyberspace", "cyber space", "cyber-space"):
        found = pattern.search(f"a free, fair and secure {written}.")
        assert found and found.group(0) == written, (query, written)
    for lone in ("malicious cyber activities", "the use of outer space", "Cyber"):
        assert not pattern.search(lone), (query, lone)
