"""How the Bluebook's English is cut into index terms.

One pipeline serves indexing, query parsing and Whoosh's highlighter, so a word is found exactly as
it was indexed and highlighted where it stands:

    tokenize → lowercase → drop stop words → split hyphenated compounds → normalize → stem → possessives

The same pipeline counts words for `trend`, keywords, shifts and concordance (`compare.term_stream`).

- `Japan's` and `Japan’s` are one term; `Japan` finds them too (a possessive is indexed both as `japan` and as
  `japan's`), while a query for `Japan's` asks for the possessive only.
- `Indo-Pacific` is indexed as `indopacific` and `indo`, `pacific` (found by part, whole as a phrase, and
  `counterterrorism` finds `counter-terrorism`).
- `U.S.` is `us`, `defence` is `defense`, `12,500` is `12500`, `2+2` stays `2+2`, years stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter, Token
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.snowball.english import EnglishStemmer

_LETTER = r"[^\W\d_]"
_ACRONYM = rf"{_LETTER}(?:\.{_LETTER})+\.?"  # U.S., U.K., e.g.
_WORD = r"\w+(?:['’]\w+)*"  # Japan’s, d'Ivoire
_PART = rf"(?:{_ACRONYM}|{_WORD})"
TOKEN_PATTERN = rf"\d+(?:\+\d+)+|\d+(?:[.,]\d+)+|{_PART}(?:-{_PART})*"

# "us" is the United States here and "may" a month; neither may vanish from a query.
STOP_LIST = frozenset(STOP_WORDS) - {"us", "may"}

# Compiled on first use (re keeps them), as most queries have no dot, comma or apostrophe.
_ACRONYM_WORD = rf"^{_ACRONYM}$"
_THOUSANDS = r"^\d{1,3}(?:,\d{3})+$"
_POSSESSIVE_ENDING = r"'s?$"
# The editions mix British and American spelling (2022: "Defence Ministers", "defense cooperation").
_AMERICAN = {
    "defence": "defense",
    "defences": "defenses",
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
}


def normalize_term(text: str) -> str:
    """A lowercased word as it is kept in the index: apostrophes, acronyms, numbers and accents unified."""
    text = text.replace("’", "'")
    if "'" in text:
        text = re.sub(_POSSESSIVE_ENDING, "", text)
    if "." in text and re.match(_ACRONYM_WORD, text):
        text = text.replace(".", "")
    elif "," in text and re.match(_THOUSANDS, text):
        text = text.replace(",", "")
    text = _AMERICAN.get(text, text)
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return text


_ENGLISH = EnglishStemmer()


def written_forms(word: str) -> list[str]:
    """The ways an indexed word is written in the text: itself, and its British spellings (`defense`, `defence`)."""
    return [word, *(british for british, american in _AMERICAN.items() if american == word)]


def stem_word(word: str) -> str:
    """The Snowball English (Porter2) stem: unlike Porter's it folds `cooperated` with `cooperation`, and it
    keeps `use` apart from `us` (U.S.)."""
    stem: str = _ENGLISH.stem(word)  # Whoosh's stemmer is untyped
    return stem


# Whoosh types a filter's `__call__` as its base `Composable`'s `(value, **kwargs)`, though its own `Filter` (and
# every filter of its own) takes the token stream alone: each filter here says so with one `ignore[override]`.


class CompoundFilter(Filter):
    """Splits `anti-satellite` into its parts at successive positions, after the whole word at the first
    part's position (so phrases over the parts still line up).

    `joiner` writes the whole word: `antisatellite` for the searched text, so that spelling finds the hyphenated
    one; `anti-satellite` for the vocabulary, so that a misspelt compound can be corrected as one word. Queries
    get only the parts (`split_queries`), or for the vocabulary only the whole.
    """

    def __init__(self, joiner: str = "", split_queries: bool = True) -> None:
        self.joiner = joiner
        self.split_queries = split_queries

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        shift = 0
        for token in tokens:
            if token.positions:
                token.pos += shift
            parts = [part for part in token.text.split("-") if part]
            if len(parts) < 2:
                yield token
                continue
            text, start = token.text, token.startchar if token.chars else 0
            if token.mode != "query" or not self.split_queries:
                token.text = self.joiner.join(normalize_term(part) for part in parts)
                yield token
                if token.mode == "query":
                    continue
            offset = 0
            for index, part in enumerate(parts):
                offset = text.index(part, offset)
                token.text = part
                if token.chars:
                    token.startchar, token.endchar = start + offset, start + offset + len(part)
                yield token
                offset += len(part)
                if token.positions and index < len(parts) - 1:
                    token.pos += 1
            shift += len(parts) - 1


class NormalizeFilter(Filter):
    """Applies `normalize_term` to every token, noting on it whether it was a possessive (for `PossessiveFilter`)."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        for token in tokens:
            # The tokenizer reuses one Token object: the note is set afresh on every token (a Token takes any
            # attribute, though Whoosh's types declare only its own).
            token.possessive = token.text.endswith(("'s", "’s"))  # type: ignore[attr-defined]
            token.text = normalize_term(token.text)
            if token.text:
                yield token


class PossessiveFilter(Filter):
    """After stemming: a possessive is indexed as its word and, at the same place, as `word's`; a query for a
    possessive keeps only `word's`, so `Japan` finds `Japan's` but `Japan's` does not find `Japan`."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:  # type: ignore[override]
        for token in tokens:
            if not getattr(token, "possessive", False):
                yield token
            elif token.mode == "query":
                token.text += POSSESSIVE
                yield token
            else:
                yield token
                token.text += POSSESSIVE
                yield token


POSSESSIVE = "'s"


def text_analyzer() -> Analyzer:
    """The analyzer of the searchable text fields (heading, body): stemmed."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(STOP_LIST, minsize=1)
        | CompoundFilter()
        | NormalizeFilter()
        | StemFilter(stem_word)
        | PossessiveFilter()
    )


def word_analyzer() -> Analyzer:
    """The analyzer of the vocabulary field: the real words of the text, for spelling suggestions."""
    return (
        RegexTokenizer(TOKEN_PATTERN)
        | LowercaseFilter()
        | StopFilter(STOP_LIST, minsize=1)
        | CompoundFilter(joiner="-", split_queries=False)
        | NormalizeFilter()
    )
