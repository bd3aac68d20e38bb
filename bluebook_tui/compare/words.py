"""Words as the comparison layer counts them: case-folded, whole words, inflections folded to one stem.

The stemmer is a small suffix stripper (plurals, -ing, -ed, possessives), enough to make `vessel` and
`vessels`, `operate`, `operated` and `operating` one term, without pulling a search engine into this layer.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A word: letters and digits, with inner apostrophes (`Japan’s`); hyphens part words, so `terrorism`
# counts in `counter-terrorism` as a search for it finds it there.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

STOPWORDS = frozenset(
    {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "in", "is", "it", "its"}
    | {"of", "on", "or", "that", "the", "their", "this", "to", "was", "were", "which", "with"}
)
_VOWEL = re.compile(r"[aeiouy]")
_DOUBLE_CONSONANT = re.compile(r"([^aeiouylsz])\1$")


def unify_quotes(text: str) -> str:
    """Curly quotes and apostrophes as straight ones: the editions write both."""
    # Four replaces run in C; `str.translate` with a table of non-ASCII keys looks each character up in Python's
    # dict, ~50× slower on a sentence and ~18 ms of every alignment.
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def words(text: str) -> list[str]:
    """The words of a text as written, in order."""
    return WORD.findall(text)


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """The stem of one word (case-folded): plurals, -ing and -ed forms share their word's stem."""
    word = word.lower().replace("’", "'")
    for possessive in ("'s", "s'"):
        if word.endswith(possessive):
            word = word[: -len(possessive)] + ("s" if possessive == "s'" else "")
            break
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for suffix in ("ing", "ed"):
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= 3 and _VOWEL.search(base):
            word = base[:-1] if _DOUBLE_CONSONANT.search(base) else base
            break
    # A final silent e goes (operate → operat), and one l of a final double l (patrolled → patrol).
    if (word.endswith("e") and len(word) > 4) or (word.endswith("ll") and len(word) > 5):
        word = word[:-1]
    return word


def terms(text: str) -> list[str]:
    """The stems of a text's words, stopwords left out: what similarity is measured over."""
    return [stemmed for stemmed in map(stem, words(text)) if stemmed not in STOPWORDS]
