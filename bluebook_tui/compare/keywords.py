"""Keywords of one edition against another: words and 2–3-word phrases ranked by log-likelihood keyness.

G² (Dunning's log-likelihood, as AntConc and quanteda's `textstat_keyness` compute it) says how sure the difference
is, with its p-value (χ², one degree of freedom); the log ratio (Hardie's, base 2, 0.5 for a zero count) says how
big it is: +1 is twice as frequent in the right edition, -1 half. Terms are counted as the search finds them
(`term_stream`), so a keyword's figures match `trend` and `kwic` for it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from bluebook_tui.compare.function_words import is_function_word
from bluebook_tui.compare.term_stream import PART, WORD, TermStream, Unit

# Between two words of a phrase: spacing only (and the stop words the index leaves out), no punctuation.
_PHRASE_GAP = re.compile(r"[\s\w'’-]*")
_LETTER = re.compile(r"[^\W\d_]")
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)", re.IGNORECASE)
LONGEST_PHRASE = 3
_PREFIXES = frozenset({"anti", "co", "counter", "cross", "de", "ex", "inter", "intra", "mid", "multi", "non", "post"})
_PREFIXES |= {"pre", "pro", "re", "semi", "sub", "trans", "ultra"}


@dataclass(frozen=True)
class Keyword:
    """A term's counts in both editions and its keyness; `log_ratio` > 0 leans to the right edition."""

    term: str
    left_count: int
    right_count: int
    g2: float
    p: float
    log_ratio: float


def keyness(left: TermStream, right: TermStream, *, min_count: int = 5) -> list[Keyword]:
    """Every word and phrase seen `min_count` times or more in the two editions together (in one edition only
    among them), with its keyness, strongest first."""
    left_counts, left_forms = _term_counts(left)
    right_counts, right_forms = _term_counts(right)
    left_total, right_total = left.word_count, right.word_count
    frequent = {key for key, count in (left_counts + right_counts).items() if count >= min_count}
    written = _most_written(left_forms + right_forms, frequent)
    scored = []
    for key in _unsubsumed(frequent, left_counts, right_counts):
        a, b = left_counts[key], right_counts[key]
        g2 = log_likelihood(a, b, left_total, right_total)
        scored.append(Keyword(written[key], a, b, g2, chi2_p(g2), log_ratio(a, b, left_total, right_total)))
    scored.sort(key=lambda keyword: (-keyword.g2, keyword.term))
    return scored


def strongest(scored: list[Keyword], limit: int) -> list[Keyword]:
    """The `limit` strongest keywords leaning each way, together sorted by G² (`scored` is sorted so)."""
    rising = [keyword for keyword in scored if keyword.log_ratio > 0][:limit]
    falling = [keyword for keyword in scored if keyword.log_ratio < 0][:limit]
    return sorted(rising + falling, key=lambda keyword: (-keyword.g2, keyword.term))


def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G² for a term seen `a` times in `c` words and `b` times in `d` words."""
    expected_a, expected_b = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * sum(
        observed * math.log(observed / expected)
        for observed, expected in ((a, expected_a), (b, expected_b))
        if observed
    )


def chi2_p(g2: float) -> float:
    """The p-value of G² under χ² with one degree of freedom."""
    return math.erfc(math.sqrt(g2 / 2)) if g2 > 0 else 1.0


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """log₂ of the right edition's relative frequency over the left's (a zero count taken as 0.5)."""
    return math.log2(((b or 0.5) / d) / ((a or 0.5) / c))


Key = tuple[str, ...]


def _term_counts(stream: TermStream) -> tuple[Counter[Key], Counter[tuple[Key, str]]]:
    """How often each word and phrase occurs (keyed by its analysed terms), and how often each way it is written."""
    forms = Counter(term for unit in stream.units for term in _terms(unit))
    counts: Counter[Key] = Counter()
    for (key, _), count in forms.items():
        counts[key] += count
    return counts, forms


def _most_written(forms: Counter[tuple[Key, str]], keys: set[Key]) -> dict[Key, str]:
    """For each key, the way it is most often written (of two as often, the first in sorted order)."""
    best: dict[Key, tuple[int, str]] = {}
    for (key, written), count in forms.items():
        if key in keys and (count, written) > best.get(key, (0, "")):
            best[key] = (count, written)
    return {key: written for key, (_, written) in best.items()}


def _terms(unit: Unit) -> Iterator[tuple[Key, str]]:
    """Every word (not a function word, with a letter in it) and every phrase of 2–3 such words standing
    together, as keys and as written. A hyphenated word is the phrase of its parts, as a search for it is
    (`counter-terrorism` counts "counter terrorism" too), and each part a word (`Pacific` in `Indo-Pacific`); a
    phrase neither starts nor ends inside one ("Free and Open Indo" is not a phrase)."""
    roles = unit.roles
    run: list[int] = []  # the words of the current run: consecutive, without punctuation between them
    for index in _words_and_parts(unit):
        written = unit.text[unit.starts[index] : unit.ends[index]]
        if run:
            previous = run[-1]
            gap = unit.text[unit.ends[previous] : unit.starts[index]]
            if unit.positions[index] != unit.positions[previous] + 1 or not _PHRASE_GAP.fullmatch(gap):
                run = []
        part = roles[index] == PART
        lettered = bool(_LETTER.search(written))
        if (not lettered and not part) or _ORDINAL.fullmatch(written) or (is_function_word(written) and not part):
            run = []
            continue
        run.append(index)
        # A compound's function words ("like-minded"), prefixes ("anti-") and numbers ("-19") are not words alone.
        if lettered and not (part and (is_function_word(written) or written.lower() in _PREFIXES)):
            yield (unit.terms[index],), written
        if index + 1 < len(roles) and part and roles[index + 1] == PART:
            continue  # inside a compound: no phrase ends here
        for size in range(2, min(len(run), LONGEST_PHRASE) + 1):
            words = run[-size:]
            if roles[words[0]] == PART and roles[words[0] - 1] == PART:
                continue  # it would start inside a compound
            phrase = " ".join(unit.text[unit.starts[words[0]] : unit.ends[words[-1]]].split())
            if len(phrase.split()) <= LONGEST_PHRASE:  # words as written, the stop words between them too
                yield tuple(unit.terms[word] for word in words), phrase


def _words_and_parts(unit: Unit) -> Iterator[int]:
    """The indices of the words as written, a hyphenated word by its parts instead of whole."""
    roles = unit.roles
    for index, role in enumerate(roles):
        if role == PART or (role == WORD and (index + 1 == len(roles) or roles[index + 1] != PART)):
            yield index


def _unsubsumed(keys: set[Key], left: Counter[Key], right: Counter[Key]) -> list[Key]:
    """The keys less those words and phrases only ever seen inside one longer phrase (same counts in both
    editions): the longer one says it better ("supply chains", not "chains" too)."""
    inside: set[Key] = set()
    for key in keys:
        if len(key) < 2:
            continue
        for shorter in (key[:-1], key[1:]):
            if left[shorter] == left[key] and right[shorter] == right[key]:
                inside.add(shorter)
    return sorted(keys - inside)
