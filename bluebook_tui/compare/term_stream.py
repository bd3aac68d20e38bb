"""An edition's text as the search index sees it: every term with its place, for counting, keywords and concordance.

One analysis pipeline (`search.analysis.text_analyzer`) serves search, `trend`, keywords, shifts and `kwic`, so a
word is counted exactly as it is found: `cooperation` counts `cooperated`, `Japan's` counts only the possessive,
`Pacific` counts the part of `Indo-Pacific`, and `PKO` counts `PKOs` (as the search finds an acronym's plural,
which the stemmer keeps apart). Analysing both editions takes ~130 ms, so each edition's terms are kept
in the user cache, keyed by its content digest and the code that analysed it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from bluebook_tui.compare.user_cache import code_fingerprint, default_cache_dir, read_entry, write_entry
from bluebook_tui.compare.words import words
from bluebook_tui.library import Edition, Section

if TYPE_CHECKING:
    from whoosh.analysis import Analyzer

# Bump when what is stored changes; a change to the analysing code is caught by `analysis_fingerprint`.
FORMAT_VERSION = 3

UnitKind = Literal["intro", "heading", "text"]
# What a token is: a word as written, one part of a hyphenated word (also indexed whole), or another form of the
# word just before it, at the same place: its possessive (`japan's` beside `japan`) or, for an acronym's plural,
# the plural (`pkos` beside `pko`): a query for the form finds only it, one for the word finds both.
WORD, PART, FORM = 0, 1, 2
# An acronym with a small `s` ("PKOs", "NGOs", "SDGs"); Porter2 strips an `s` only after a consonant.
_ACRONYM_PLURAL = re.compile(r"[A-Z][A-Z\d]+s")


@dataclass(frozen=True, eq=False)
class Unit:
    """One run of text a reader reads: the edition's introduction, or one section's heading or body."""

    edition: str
    section: Section | None
    kind: UnitKind
    text: str
    terms: tuple[str, ...]
    positions: tuple[int, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    roles: tuple[int, ...]

    @cached_property
    def _at(self) -> dict[tuple[int, str], int]:
        return {
            (position, term): index
            for index, (term, position) in enumerate(zip(self.terms, self.positions, strict=True))
        }

    def matches(self, query: tuple[tuple[str, int], ...]) -> Iterator[tuple[int, int]]:
        """The character spans where the query's terms stand at their relative positions (a phrase, as the
        index matches it)."""
        first, first_position = query[0]
        if first not in self.terms:  # most units: a scan in C, no index to build
            return
        for index in (index for index, term in enumerate(self.terms) if term == first):
            if len(query) == 1:
                yield self.starts[index], self.ends[index]
                continue
            base = self.positions[index] - first_position
            found = [self._at.get((base + position, term)) for term, position in query]
            if all(each is not None for each in found):
                indices = [each for each in found if each is not None]
                yield min(self.starts[i] for i in indices), max(self.ends[i] for i in indices)

    def words(self) -> Iterator[int]:
        """The indices of the tokens that are words as written (not parts, not possessive forms)."""
        return (index for index, role in enumerate(self.roles) if role == WORD)


@dataclass(frozen=True, eq=False)
class TermStream:
    """An edition's units in reading order, each with its analysed terms."""

    edition: Edition
    units: tuple[Unit, ...]

    @cached_property
    def word_count(self) -> int:
        """Words as written, stop words left out (the base keyness is measured against)."""
        return sum(unit.roles.count(WORD) for unit in self.units)

    @cached_property
    def written_words(self) -> int:
        """Every word as written, stop words too (what `trend` gives rates per 10,000 of)."""
        return sum(len(words(unit.text)) for unit in self.units)

    @cached_property
    def words_before(self) -> dict[Unit, int]:
        """How many words (stop words left out) come before each unit."""
        before: dict[Unit, int] = {}
        seen = 0
        for unit in self.units:
            before[unit] = seen
            seen += unit.roles.count(WORD)
        return before


def query_terms(term: str) -> tuple[tuple[str, int], ...]:
    """A term as the index looks it up: its analysed terms with their positions (none for stop words only)."""
    found = [(token.text, token.pos) for token in _analyzer()(term, positions=True, mode="query")]
    if not found:
        return ()
    base = found[0][1]
    return tuple((text, position - base) for text, position in found)


@lru_cache(maxsize=1)
def _analyzer() -> Analyzer:
    from bluebook_tui.search.analysis import text_analyzer

    return text_analyzer()


def units_of(edition: Edition) -> Iterator[tuple[Section | None, UnitKind, str]]:
    """The edition's text in reading order: its introduction, then every section's heading and body."""
    yield None, "intro", edition.intro
    for section in edition.walk():
        yield section, "heading", section.heading
        yield section, "text", section.text


_memory: dict[str, TermStream] = {}
_lock = threading.Lock()


def term_stream(edition: Edition, cache_dir: Path | None = None) -> TermStream:
    """The edition's terms: from this process, else the user cache, else analysed (and kept in both)."""
    key = f"{FORMAT_VERSION}-{analysis_fingerprint()}-{edition.id}-{edition.digest}"
    with _lock:
        cached = _memory.get(key)
        if cached is not None and cached.edition is edition:
            return cached
        path = (cache_dir or default_cache_dir()) / "terms" / f"{edition.id}-{edition.digest[:16]}.json"
        stream = _read(path, key, edition)
        if stream is None:
            stream = _analyse(edition)
            write_entry(path, key, _to_json(stream))
        _memory[key] = stream
        return stream


def _analyse(edition: Edition) -> TermStream:
    analyzer = _analyzer()
    units = []
    for section, kind, text in units_of(edition):
        terms: list[str] = []
        positions: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        roles: list[int] = []
        whole_end = -1
        for token in analyzer(text, positions=True, chars=True):
            if starts and (token.startchar, token.endchar, token.pos) == (starts[-1], ends[-1], positions[-1]):
                found = [(token.text, FORM)]
            elif token.startchar < whole_end:
                found = [(token.text, PART)]
            else:
                whole_end = token.endchar
                singular = _acronym_singular(text[token.startchar : token.endchar])
                found = (
                    [(token.text, WORD)] if singular in (None, token.text) else [(singular, WORD), (token.text, FORM)]
                )
            for term, role in found:
                terms.append(term)
                positions.append(token.pos)
                starts.append(token.startchar)
                ends.append(token.endchar)
                roles.append(role)
        columns = (tuple(terms), tuple(positions), tuple(starts), tuple(ends), tuple(roles))
        units.append(Unit(edition.id, section, kind, text, *columns))
    return TermStream(edition, tuple(units))


def _acronym_singular(written: str) -> str | None:
    """An acronym's plural ("PKOs") as the index writes its singular ("pko"); None for any other word."""
    if not (written.endswith("s") and _ACRONYM_PLURAL.fullmatch(written)):
        return None
    from bluebook_tui.search.analysis import normalize_term, stem_word

    return stem_word(normalize_term(written[:-1].lower()))


@lru_cache(maxsize=1)
def analysis_fingerprint() -> str:
    """The modules that analyse the text (the search's analyzer, this module, the Markdown to text)."""
    package = Path(__file__).resolve().parents[1]
    return code_fingerprint(
        [package / "search" / "analysis.py", Path(__file__).resolve(), package / "library" / "markdown.py"]
    )


def _read(path: Path, key: str, edition: Edition) -> TermStream | None:
    data = read_entry(path, key)
    expected = list(units_of(edition))
    try:
        if data is None or len(data["units"]) != len(expected):
            return None
        # Stored as columns: five lists a unit load several times faster than a list a token.
        units = tuple(
            Unit(edition.id, section, kind, text, *(tuple(column) for column in columns))
            for (section, kind, text), columns in zip(expected, data["units"], strict=True)
        )
        if any(len(set(map(len, (u.terms, u.positions, u.starts, u.ends, u.roles)))) > 1 for u in units):
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return TermStream(edition, units)


def _to_json(stream: TermStream) -> dict[str, object]:
    return {"units": [[unit.terms, unit.positions, unit.starts, unit.ends, unit.roles] for unit in stream.units]}
