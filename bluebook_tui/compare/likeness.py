"""How alike two sentences are, from what each is made of: its words, its content stems, its normalised text."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bluebook_tui.compare.sentences import Sentence
from bluebook_tui.compare.words import STOPWORDS, stem, unify_quotes, words

# Footnote markers follow the page (`[3]` in one edition is `[5]` in the next): not part of what a sentence says.
_FOOTNOTE_MARKER = re.compile(r"\[(?:\d+|[A-Z][a-z]*)\]")
# Kana and kanji: written without spaces, so a "word" is a whole clause; they are compared by pairs of characters.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# The kinds of paragraph a sentence may be traced across: body text (a byline is body text, moved into the
# column), captions, and footnotes each only to their own kind.
KIND_FAMILY = {"body": "body", "byline": "body", "caption": "caption", "footnote": "footnote"}


def normalised_text(text: str) -> str:
    """A sentence's text for telling "unchanged" from "edited": spacing, quote style and footnote markers aside."""
    return " ".join(unify_quotes(_FOOTNOTE_MARKER.sub(" ", text)).split())


@dataclass(frozen=True, eq=False)
class Features:
    """What matching reads of one sentence, computed once."""

    sentence: Sentence
    order: int  # position in its edition's reading order
    family: str
    normalised: str
    words: Counter[str]  # case-folded words: what the share of words kept is counted in
    stems: Counter[str]  # content stems (stopwords left out): what candidates are scored by
    size: int  # how many words
    stem_count: int  # how many content stems


def features(sentence: Sentence, order: int) -> Features:
    plain = _FOOTNOTE_MARKER.sub(" ", sentence.text)
    folded = [term for word in words(plain) for term in _terms(word.lower().replace("’", "'"))]
    stems = Counter(stemmed for stemmed in map(stem, folded) if stemmed not in STOPWORDS)
    return Features(
        sentence,
        order,
        KIND_FAMILY[sentence.kind],
        normalised_text(sentence.text),
        Counter(folded),
        stems,
        len(folded),
        stems.total(),
    )


def _terms(word: str) -> list[str]:
    """A word as matching counts it: itself, or for Japanese its pairs of characters (日本は → 日本, 本は)."""
    if word.isascii() or len(word) < 3 or not _CJK.search(word):
        return [word]
    return [word[at : at + 2] for at in range(len(word) - 1)]


def dice(left: Counter[str], right: Counter[str]) -> float:
    """Twice the shared count over the total count of two bags (1.0 the same bag, 0.0 nothing shared)."""
    total = left.total() + right.total()
    return 2 * shared(left, right) / total if total else 1.0


def shared(left: Counter[str], right: Counter[str]) -> int:
    """How many items two bags have in common (the size of their intersection, without building it)."""
    if len(left) > len(right):
        left, right = right, left
    return sum(min(count, right[item]) for item, count in left.items() if item in right)


def combined(bags: list[Counter[str]]) -> Counter[str]:
    result: Counter[str] = Counter()
    for bag in bags:
        result.update(bag)
    return result
