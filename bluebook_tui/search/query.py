"""Queries as people type them: cleaned, parsed with Whoosh's parser, spell-checked, turned into a regex.

Syntax: plain words (all must match), `"phrases"` (curly quotes too), `OR`, `NOT word` / `-word`, `cyber*`,
`(groups)`, and the fields `edition:2016` and `heading:…`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from whoosh.qparser import (
    FieldAliasPlugin,
    FieldsPlugin,
    GroupPlugin,
    MultifieldPlugin,
    OperatorsPlugin,
    PhrasePlugin,
    QueryParser,
    WildcardPlugin,
)
from whoosh.query import Not, Or, Phrase, Prefix, Query, Term, Wildcard

from bluebook_tui.search.analysis import STOP_LIST, stem_word, written_forms
from bluebook_tui.search.schema import BODY, FIELD_BOOSTS, SEARCHED_FIELDS, WORDS
from bluebook_tui.search.variants import NamePair

if TYPE_CHECKING:
    from whoosh.fields import Schema
    from whoosh.qparser.plugins import Plugin
    from whoosh.reading import IndexReader
    from whoosh.searching import Searcher

# Longer queries are refused with a message rather than parsed into thousands of clauses.
MAX_QUERY_CHARS = 1000

# Only words, no operator, no `-word`, no quotes, fields or wildcards: the kind of query a phrase bonus suits.
_PLAIN_WORDS = re.compile(r"^(?!.*\b(?:AND|OR|NOT)\b)(?!(?:.*\s)?-)[\w'’.,+ -]+$")
# Words worth correcting: three letters or more, maybe hyphenated; not numbers, not codes.
_SPELLABLE = re.compile(r"^(?=\w{3})[^\W\d_]+(?:[-'][^\W\d_]+)*$")
# A query that ends in a plain word of two characters or more (not an operator, field, wildcard or phrase), and
# that word; a single letter would start too many words to be worth searching for. Compiled on first use (re keeps
# it): only a query being typed asks.
_LAST_PLAIN_WORD = r"(?:^|\s)(?!(?:AND|OR|NOT)$)([^\W_][\w'’.-]*[^\W_])$"
_DOUBLE_QUOTES = str.maketrans(dict.fromkeys("“”„‟«»″〝〞＂", '"'))
# `NOT` as a word, or a minus that opens a word (so `anti-satellite` keeps its hyphen).
_NOT_OPERATOR = r"(^|(?<=[\s(]))(NOT(?=\s)|-(?=[^\s-]))"


def clean_query(text: str) -> str:
    """The query with control characters removed, typographic quotes made straight and a stray quote dropped."""
    text = "".join(" " if unicodedata.category(char) in ("Cc", "Cf") else char for char in text)
    text = text.translate(_DOUBLE_QUOTES)
    if text.count('"') % 2:
        last = text.rindex('"')
        text = text[:last] + " " + text[last + 1 :]
    return " ".join(text.split())


class _StarWildcardPlugin(WildcardPlugin):
    """Only `*` is a wildcard: a question mark ends a question (`what is FOIP?`), it is not a pattern."""

    qmarks = ""
    expr = r"(?P<text>[*])"


class _CompoundParser(QueryParser):
    """A hyphenated word matches its parts as a phrase, or the parts written as one word."""

    def multitoken_query(
        self, spec: str, texts: list[str], fieldname: str, termclass: type[Term], boost: float
    ) -> Query:
        parts: Query = super().multitoken_query(spec, texts, fieldname, termclass, boost)
        if spec != "phrase":
            return parts
        return Or([parts, termclass(fieldname, "".join(texts), boost=boost)])


def _plugins() -> list[Plugin]:
    # A tagging plugin is a plugin by what it does, not by its class: Whoosh's types say `Plugin` subclasses only.
    return [
        cast("Plugin", FieldsPlugin()),
        cast("Plugin", _StarWildcardPlugin()),
        PhrasePlugin(),
        GroupPlugin(),
        OperatorsPlugin(Not=_NOT_OPERATOR, AndNot=None, AndMaybe=None, Require=None),
    ]


def search_parser(schema: Schema) -> QueryParser:
    """Parses a user's query over heading and body (heading weighted higher)."""
    parser = _CompoundParser(None, schema, plugins=_plugins())
    parser.add_plugin(MultifieldPlugin(SEARCHED_FIELDS, fieldboosts=FIELD_BOOSTS))
    return parser


def suits_phrase_bonus(text: str) -> bool:
    """Whether the query is plain words, two or more, which rank higher where they stand together as written
    (`free and open Indo-Pacific`)."""
    return len(text.split()) >= 2 and _PLAIN_WORDS.match(text) is not None


def spelling_parser(schema: Schema) -> QueryParser:
    """Parses the same query over the unstemmed vocabulary, for spelling suggestions."""
    parser = QueryParser(WORDS, schema, plugins=_plugins())
    parser.add_plugin(FieldAliasPlugin({WORDS: list(SEARCHED_FIELDS)}))
    return parser


def suggest(searcher: Searcher, spelling_query: Query, text: str) -> str | None:
    """The query with each unknown word replaced by the nearest real word of the library, if any changes."""
    reader = searcher.reader()
    # Only a token standing where its place in the query says can be replaced there: words split off a
    # hyphenated word have no place, and a prefix's (`IBU*`) is the `*` (replacing it gave `IBUits`).
    # `all_tokens` names each token's field in an attribute Whoosh's Token does not declare; a reader takes a term's
    # text as a str as well as bytes (it encodes it), though typed bytes only.
    unknown = [
        (WORDS, token.text)
        for token in spelling_query.all_tokens()
        if token.fieldname == WORDS  # type: ignore[attr-defined]
        and getattr(token, "startchar", None) is not None
        and text[token.startchar : token.endchar].lower() == token.text
        and _SPELLABLE.match(token.text)
        and (WORDS, token.text) not in reader  # type: ignore[operator]
    ]
    if not unknown:
        return None
    correction = searcher.correct_query(
        spelling_query, text, correctors={WORDS: reader.corrector(WORDS)}, terms=unknown, prefix=1
    )
    return correction.string if correction.tokens else None


def last_plain_word(text: str) -> str | None:
    """The last word of a cleaned query, if it is a plain word that could still be being typed (`IBU` in
    `satellite IBU`); None after an operator, a field, a wildcard or a closing quote."""
    match = re.search(_LAST_PLAIN_WORD, text)
    return match.group(1) if match else None


def highlight_pattern(query: Query, reader: IndexReader) -> str | None:
    """A case-insensitive regex for what the query matched in the text: its words in every inflection, and a
    phrase (quoted, hyphenated, or a name written apart such as `cyber space`) only where its words stand together,
    so that a lone `cyber` is not marked."""
    alternatives: set[str] = set()
    for leaf in _wanted_leaves(query):
        if isinstance(leaf, Prefix):
            alternatives.add(_word_regex(leaf.text) + r"\w*")
        elif isinstance(leaf, Wildcard):
            alternatives.add(r"\w*".join(_word_regex(part) for part in leaf.text.split("*")))
        elif isinstance(leaf, Phrase):
            forms = [_forms_regex(reader, term) for term in leaf.words]
            if all(forms):
                alternatives.add(_PHRASE_GAP.join(forms))
        else:
            alternatives.update(_word_regex(word) for word in _surface_forms(reader, leaf.text))
    if not alternatives:
        return None
    return r"(?i:\b(?:" + "|".join(sorted(alternatives, key=lambda a: (-len(a), a))) + r")\b)"


# Between two words of a phrase as the text writes them: what is not a word (a space, a hyphen), and the stop
# words the index leaves out of its positions (a phrase `law sea` is "law of the sea").
_PHRASE_GAP = r"(?:\W+(?:" + "|".join(sorted(STOP_LIST, key=len, reverse=True)) + r")\b)*\W+"


def _forms_regex(reader: IndexReader, term: str) -> str:
    """An index term's written forms as one regex group; empty when the text never writes it."""
    forms = sorted({_word_regex(word) for word in _surface_forms(reader, term)}, key=lambda a: (-len(a), a))
    return "(?:" + "|".join(forms) + ")" if forms else ""


def _wanted_leaves(query: Query) -> Iterator[Term | Phrase | Prefix | Wildcard]:
    """The heading and body terms the query looks for (what it excludes with NOT is no match); a name written
    apart as the phrase of its words."""
    if isinstance(query, Not):
        return
    if isinstance(query, NamePair):
        yield Phrase(BODY, query.words())
        return
    if isinstance(query, Term | Phrase | Prefix | Wildcard):
        if query.fieldname in SEARCHED_FIELDS:
            yield query
        return
    for child in query.children():
        yield from _wanted_leaves(child)


def _surface_forms(reader: IndexReader, term: str) -> list[str]:
    """The words, as written in the text, that stem to an index term (`piraci` → piracy). A stem is the start
    of its word but for its last letter (`y` → `i`), so the vocabulary's candidates share that prefix."""
    prefix = term[:-1] or term
    candidates = (word.decode("utf-8") for word in reader.expand_prefix(WORDS, prefix))
    return [form for word in candidates if stem_word(word) == term for form in written_forms(word)]


def _word_regex(word: str) -> str:
    """A word as it may be written: either apostrophe; two letters also as a dotted acronym (`us`, `U.S.`)."""
    written = re.escape(word).replace("'", "['’]")
    if len(word) == 2 and word.isalpha():
        dotted = r"\.".join(word)
        return f"(?:{written}|{dotted})"
    return written
