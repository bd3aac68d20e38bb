"""One spelling for words the editions write two ways: quote style, and British against American spelling.

Hand-written: the spelling lists on PyPI are data files of tens of thousands of pairs to load for a handful of
patterns. These rules fold the regular patterns (defence/defense, centre/center, programme/program,
organise/organize, analyse/analyze, labour/labor, travelled/traveled) and leave short words alone, so that no two
different words (four/for, hour/hor) are folded together.
"""

from __future__ import annotations

import re

from bluebook_tui.compare.words import unify_quotes

# (British ending, American ending, shortest word the rule applies to), tried in order.
_ENDINGS = (
    ("ogramme", "ogram", 7),
    ("ence", "ense", 7),  # defence, offence, licence
    ("tre", "ter", 5),  # centre, metre, theatre
    ("our", "or", 6),  # labour, favour, behaviour (not four, hour, your)
    ("ise", "ize", 6),  # organise, realise
    ("ised", "ized", 7),
    ("ising", "izing", 8),
    ("isation", "ization", 9),
    ("yse", "yze", 6),  # analyse, paralyse
    ("ogue", "og", 7),  # catalogue, dialogue
)
_DOUBLED_L = re.compile(r"([aeiou])ll(ed|ing|er|ers)$")  # travelled, modelling, counsellor


def spelling_key(word: str) -> str:
    """The word (or token) with quote style unified and a British spelling turned American; case is kept."""
    word = unify_quotes(word)
    if word[-1:] in "sS" and word[-2:-1] not in ("s", "S", ""):
        return _american(word[:-1]) + word[-1]  # centres → centers, programmes → programs
    return _american(word)


def _american(word: str) -> str:
    lowered = word.lower()
    for british, american, shortest in _ENDINGS:
        if len(lowered) >= shortest and lowered.endswith(british):
            stem = word[: -len(british)]
            return stem + (american.upper() if word.isupper() else american)
    if len(lowered) >= 8:
        return _DOUBLED_L.sub(r"\1l\2", word)
    return word
