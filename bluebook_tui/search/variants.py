"""Variant forms of one name, found in the library's own words and searched as one term.

"Viet Nam" and "Vietnam", "cyber space" and "cyberspace" are one name written two ways; so are an acronym and
its plural ("PKO", "PKOs"), which the stemmer keeps apart (Porter2 strips an `s` only after a consonant). No hand
list: at build time every word of the vocabulary that splits into two words of the vocabulary standing together
somewhere in the text, and every acronym found also with an `s`, is a variant. A query's word (or two adjacent
words, or a two-word phrase) with variants then matches any of them.

("U.K." and "UK" need nothing here: the analyzer writes every dotted acronym without its dots.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from whoosh.query import And, Not, Or, Phrase, Query, Term

from bluebook_tui.search.analysis import stem_word
from bluebook_tui.search.schema import BODY, HEADING, SEARCHED_FIELDS, WORDS

if TYPE_CHECKING:
    from whoosh.searching import Searcher

VARIANTS_FILE = "variants.json"
# Both halves of a split word are real words of three letters or more ("viet" + "nam"), not a prefix or a letter.
_MIN_PART = 3
# How many sections to read for a variant's written form before giving up on it.
_SAMPLES = 20

# One way a name is written: its index terms (one word or two) and as it stands in the text.
Terms = tuple[str, ...]


class Variants(NamedTuple):
    """For each form's index terms, the other forms of the same name: their terms and how the text writes them."""

    others: dict[Terms, tuple[tuple[Terms, str], ...]]

    @classmethod
    def none(cls) -> Variants:
        return cls({})

    @classmethod
    def from_groups(cls, groups: Iterable[Sequence[tuple[Terms, str]]]) -> Variants:
        """Groups sharing a form are one group (`cyberspace` split two ways, say)."""
        merged: dict[Terms, dict[Terms, str]] = {}
        for group in groups:
            forms = {terms: written for terms, written in group}
            for terms in list(forms):
                forms.update(merged.get(terms, {}))
            for terms in forms:
                merged[terms] = forms
        return cls({terms: tuple(f for f in forms.items() if f[0] != terms) for terms, forms in merged.items()})

    def save(self, directory: Path) -> None:
        groups = {frozenset([terms, *(other for other, _ in forms)]) for terms, forms in self.others.items()}
        written = {terms: text for forms in self.others.values() for terms, text in forms}
        rows = sorted([[list(terms), written[terms]] for terms in sorted(group)] for group in groups)
        (directory / VARIANTS_FILE).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> Variants:
        """The build's variants; none for a build without the file (one made by an older version of this code)."""
        try:
            rows = json.loads((directory / VARIANTS_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls.none()
        return cls.from_groups([[(tuple(terms), text) for terms, text in group] for group in rows])


def find_variants(searcher: Searcher) -> Variants:
    """The variant forms in an index's text (see the module's docstring)."""
    vocabulary = {word.decode("utf-8") for word in searcher.reader().lexicon(WORDS)}
    groups = [*_split_words(searcher, vocabulary), *_acronym_plurals(searcher, vocabulary)]
    return Variants.from_groups(groups)


def _split_words(searcher: Searcher, vocabulary: set[str]) -> Iterator[list[tuple[Terms, str]]]:
    for word in sorted(vocabulary):
        if not word.isalpha():
            continue
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            first, second = word[:cut], word[cut:]
            if first not in vocabulary or second not in vocabulary:
                continue
            # Written apart with a space (a hyphenated compound is a phrase of its parts in the index too).
            apart = _written(searcher, [stem_word(first), stem_word(second)], rf"\b{first}\s+{second}\b")
            whole = _written(searcher, [stem_word(word)], rf"\b{word}\b")
            if apart and whole:
                yield [((stem_word(word),), whole), ((stem_word(first), stem_word(second)), apart)]


def _acronym_plurals(searcher: Searcher, vocabulary: set[str]) -> Iterator[list[tuple[Terms, str]]]:
    for word in sorted(vocabulary):
        plural = word + "s"
        if plural not in vocabulary or stem_word(plural) == stem_word(word) or not word.isalnum():
            continue
        # Only an acronym: written in capitals, with a small `s` ("PKOs"), somewhere in the text.
        written = _written(searcher, [stem_word(plural)], rf"\b{re.escape(word.upper())}s\b", ignore_case=False)
        if written:
            yield [((stem_word(word),), written[:-1]), ((stem_word(plural),), written)]


def _written(searcher: Searcher, terms: list[str], pattern: str, *, ignore_case: bool = True) -> str | None:
    """How the text writes these index terms, matched by `pattern`, in one of the sections holding them; None
    if in none."""
    query = Or([_field_query(field, terms) for field in (HEADING, BODY)])
    regex = re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    for hit in searcher.search(query, limit=_SAMPLES):
        for field in (HEADING, BODY):
            match = regex.search(hit[field])
            if match:
                return " ".join(match.group(0).split())
    return None


def _field_query(field: str, terms: Sequence[str], boost: float = 1.0) -> Query:
    return Term(field, terms[0], boost=boost) if len(terms) == 1 else Phrase(field, list(terms), boost=boost)


class NamePair(And):
    """Two adjacent words of a query that are one name written apart (`Viet Nam` typed without quotes): searched
    as both words, like any two words; marked in the text only where they stand together (`query.highlight_pattern`).
    """

    def words(self) -> list[str]:
        """The two words' index terms, in order."""
        return [term for child in self.subqueries for term in (_word(child) or ((), []))[0]]


class Expansion(NamedTuple):
    """A query with every variant form added, and the written forms it added (for "also …")."""

    query: Query
    added: list[str]


def expand(query: Query, variants: Variants) -> Expansion:
    """The query matching every variant form of its words, phrases and adjacent word pairs."""
    added: list[str] = []
    if not variants.others:
        return Expansion(query, added)
    return Expansion(_expand(query, variants, added), added)


def _expand(query: Query, variants: Variants, added: list[str]) -> Query:
    word = _word(query)
    if word is not None:
        return _with_others(query, word, variants, added)
    if isinstance(query, And):
        return And(_expand_pairs([_expand(child, variants, added) for child in query.subqueries], variants, added))
    if isinstance(query, Or):
        return Or([_expand(child, variants, added) for child in query.subqueries], boost=query.boost)
    if isinstance(query, Not):
        # What is excluded is excluded in every form, and is not news for "also …".
        return Not(_expand(query.query, variants, []), boost=query.boost)
    return query


def _word(query: Query) -> tuple[Terms, list[Term | Phrase]] | None:
    """A word or two-word phrase of the query, searched in one or more of the text fields (the multifield Or):
    its terms, and its leaves (one per field)."""
    found: set[Terms] = set()
    leaves: list[Term | Phrase] = []
    for leaf in query.subqueries if isinstance(query, Or) else [query]:
        if isinstance(leaf, Term) and leaf.fieldname in SEARCHED_FIELDS and isinstance(leaf.text, str):
            found.add((leaf.text,))
        elif isinstance(leaf, Phrase) and leaf.fieldname in SEARCHED_FIELDS and len(leaf.words) == 2:
            found.add(tuple(leaf.words))
        else:
            return None
        leaves.append(leaf)
    if len(found) != 1:
        return None
    return found.pop(), leaves


def _with_others(query: Query, word: tuple[Terms, list[Term | Phrase]], variants: Variants, added: list[str]) -> Query:
    terms, leaves = word
    others = variants.others.get(terms, ())
    if not others:
        return query
    alternatives = [query]
    for other, written in others:
        alternatives.extend(_field_query(leaf.fieldname, other, leaf.boost) for leaf in leaves)
        added.append(written)
    return Or(alternatives)


def _expand_pairs(children: list[Query], variants: Variants, added: list[str]) -> list[Query]:
    """Two adjacent plain words of an And (`Viet Nam` typed without quotes) also match their one-word form."""
    result: list[Query] = []
    index = 0
    while index < len(children):
        first = _word(children[index])
        second = _word(children[index + 1]) if index + 1 < len(children) else None
        if first and second and len(first[0]) == len(second[0]) == 1:
            pair = (first[0][0], second[0][0])
            others = variants.others.get(pair, ())
            if others:
                alternatives: list[Query] = [NamePair([children[index], children[index + 1]])]
                for other, written in others:
                    alternatives.extend(_field_query(leaf.fieldname, other, leaf.boost) for leaf in first[1])
                    added.append(written)
                result.append(Or(alternatives))
                index += 2
                continue
        result.append(children[index])
        index += 1
    return result
