"""Systematic wording changes between two editions, from two sources:

- **substitutions** inside sentences the alignment pairs: where an edited sentence says in 1–3 words what its
  counterpart said in 1–3 others ("Asia-Pacific" → "Indo-Pacific"), counted over all pairs;
- **variant forms** of one word: the same letters written another way (space, hyphen, dots, case, British or
  American spelling: "Viet Nam" → "Vietnam", "defence" → "defense"), where the newer edition prefers the other form.

Each shift says how often it was made, how often the old wording survives in the newer edition, and where.
Words are compared as the search analyses them (`term_stream`); function words and numbers are not wording.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from bluebook_tui.compare.alignment import Alignment
from bluebook_tui.compare.function_words import is_function_word
from bluebook_tui.compare.sentences import Sentence
from bluebook_tui.compare.spelling import spelling_key
from bluebook_tui.compare.term_stream import WORD, TermStream, Unit
from bluebook_tui.compare.trend import occurrences_in

LONGEST_SIDE = 3
EXAMPLES = 3
_DIGIT = re.compile(r"\d")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;(“\"‘]\s*)$")
_VARIANT_NOISE = re.compile(r"[\s.\-'’]")
_WORD_PART = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Example:
    """Where a shift was made: the sentence in each edition (its section id and address)."""

    left_id: str
    right_id: str
    left: str
    right: str
    left_sentence: str
    right_sentence: str
    paired: bool = True  # the two sentences are counterparts (else: one of each edition using its wording)


@dataclass(frozen=True)
class Shift:
    """`old` in the left edition became `new` in the right `count` times; `survives`: the old wording's
    occurrences still in the right edition; `kind`: "substitution" or "variant"."""

    old: str
    new: str
    count: int
    survives: int
    kind: str
    examples: tuple[Example, ...] = field(default=())


def shifts(
    alignment: Alignment, left: TermStream, right: TermStream, *, limit: int = 20, min_count: int = 1
) -> list[Shift]:
    """The shifts made at least `min_count` times, most made first (at most `limit`), each with examples.

    A substitution made once counts only where the whole editions agree with it (`_preferred`): one rewritten
    sentence is an edit, not a shift in wording.
    """
    found = [*_substitutions(alignment, left, right, min_count), *_variants(left, right, max(min_count, 2))]
    unique = {(shift.old.lower(), shift.new.lower()): shift for shift in sorted(found, key=lambda s: s.kind)}
    kept = [shift for shift in unique.values() if not _inside_another(shift, unique.values())]
    ranked = sorted(kept, key=lambda shift: (-shift.count, shift.survives, shift.old.lower()))[:limit]
    return [
        shift if shift.examples else replace(shift, examples=_variant_examples(alignment, shift.old, shift.new))
        for shift in ranked
    ]


def _inside_another(shift: Shift, shifts: Iterable[Shift]) -> bool:
    """Whether a shift only repeats a shorter one inside a longer word ("Japan-U.K." → "Japan-UK" is "U.K." →
    "UK")."""
    return any(
        other is not shift and other.old in shift.old and shift.old.replace(other.old, other.new) == shift.new
        for other in shifts
    )


# Substitutions ----------------------------------------------------------------------------------------------


def _substitutions(alignment: Alignment, left: TermStream, right: TermStream, min_count: int) -> Iterator[Shift]:
    made: dict[tuple[tuple[str, ...], tuple[str, ...]], list[tuple[str, str, Sentence, Sentence]]] = {}
    left_units, right_units = _text_units(left), _text_units(right)
    for traces in alignment.traces.values():
        for trace in traces:
            sentence = trace.sentence
            if sentence.edition != alignment.left.id or trace.status != "edited" or len(trace.counterparts) != 1:
                continue
            counterpart = trace.counterparts[0]
            old_words = _sentence_words(left_units[sentence.section_id], sentence)
            new_words = _sentence_words(right_units[counterpart.section_id], counterpart)
            for before, after in _replacements(old_words, new_words):
                old_text = _written(left_units[sentence.section_id], before)
                new_text = _written(right_units[counterpart.section_id], after)
                if max(len(old_text.split()), len(new_text.split())) > LONGEST_SIDE:
                    continue
                key = (tuple(word.term for word in before), tuple(word.term for word in after))
                made.setdefault(key, []).append((old_text, new_text, sentence, counterpart))
    for (old_terms, new_terms), uses in made.items():
        if len(uses) < min_count:
            continue
        survives = _occurrences(right, old_terms)
        if len(uses) == 1 and not _preferred(
            _occurrences(left, old_terms), survives, _occurrences(left, new_terms), _occurrences(right, new_terms)
        ):
            continue
        old = Counter(written for written, _, _, _ in uses).most_common(1)[0][0]
        new = Counter(written for _, written, _, _ in uses).most_common(1)[0][0]
        examples = tuple(
            _example(left_sentence, right_sentence) for _, _, left_sentence, right_sentence in uses[:EXAMPLES]
        )
        yield Shift(old, new, len(uses), survives, "substitution", examples)


def _preferred(old_left: int, old_right: int, new_left: int, new_right: int) -> bool:
    """Whether the editions as a whole moved from the old wording to the new: each used more than once in the
    edition that prefers it, the left using the old more than the new, the right the new more than the old."""
    return old_left >= 2 and new_right >= 2 and old_left > new_left and new_right > old_right


def _occurrences(stream: TermStream, terms: tuple[str, ...]) -> int:
    """How often the analysed terms stand together in the edition, as `trend` counts a phrase."""
    return sum(1 for _ in occurrences_in(stream, tuple((term, index) for index, term in enumerate(terms))))


@dataclass(frozen=True)
class Word:
    """A word of a sentence: its analysed term and where it stands in the unit's text."""

    term: str
    written: str
    start: int
    end: int


def _sentence_words(unit: Unit, sentence: Sentence) -> list[Word]:
    first = bisect_left(unit.starts, sentence.start)
    last = bisect_left(unit.starts, sentence.end)
    return [
        Word(unit.terms[index], unit.text[unit.starts[index] : unit.ends[index]], unit.starts[index], unit.ends[index])
        for index in range(first, last)
        if unit.roles[index] == WORD
    ]


def _replacements(old: list[Word], new: list[Word]) -> Iterator[tuple[list[Word], list[Word]]]:
    """The stretches of 1–3 words replaced by 1–3 others, with a word on each side and no number in them."""
    matcher = SequenceMatcher(None, [word.term for word in old], [word.term for word in new], autojunk=False)
    for tag, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        before, after = old[old_start:old_end], new[new_start:new_end]
        if tag != "replace" or len(before) > LONGEST_SIDE or len(after) > LONGEST_SIDE:
            continue
        if any(_DIGIT.search(word.written) or len(word.written) < 2 for word in before + after):
            continue
        if all(is_function_word(word.written) for word in before) or all(
            is_function_word(word.written) for word in after
        ):
            continue
        yield before, after


def _written(unit: Unit, words: list[Word]) -> str:
    """The words as the sentence writes them, with the function words between them (`a leading role`)."""
    return " ".join(unit.text[words[0].start : words[-1].end].split())


def _example(left: Sentence, right: Sentence) -> Example:
    return Example(left.section_id, right.section_id, left.text, right.text, left.address, right.address)


def _text_units(stream: TermStream) -> dict[str, Unit]:
    return {unit.section.id: unit for unit in stream.units if unit.section is not None and unit.kind == "text"}


# Variant forms ----------------------------------------------------------------------------------------------


def _variants(left: TermStream, right: TermStream, min_count: int) -> Iterator[Shift]:
    """Variant forms the right edition prefers to the left's (examples are found later, for the shifts shown)."""
    (left_forms, left_shown), (right_forms, right_shown) = _forms(left), _forms(right)
    for key in sorted(set(left_forms) & set(right_forms)):
        before, after = left_forms[key], right_forms[key]
        old, new = before.most_common(1)[0][0], after.most_common(1)[0][0]
        if old == new or after[new] < min_count or before[new] >= before[old] or after[old] >= after[new]:
            continue
        yield Shift(left_shown[old], right_shown[new], after[new], after[old], "variant")


def _forms(stream: TermStream) -> tuple[dict[str, Counter[str]], dict[str, str]]:
    """For each variant key, how often each form of it is written in the edition's body text (not its headings,
    whose capitals are the style's, nor a sentence's first word). Two words written apart count as one form when
    some edition writes them as one word. Forms are told apart by all but their opening capitals; with the
    counts comes how each form is most often written."""
    singles: defaultdict[str, Counter[str]] = defaultdict(Counter)
    pairs: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for unit in stream.units:
        if unit.kind == "heading":
            continue
        previous: int | None = None
        for index in unit.words():
            start, end = unit.starts[index], unit.ends[index]
            written = unit.text[start:end].replace("’", "'").removesuffix("'s")
            if not _SENTENCE_OPENING.search(unit.text[max(0, start - 3) : start]) and _LETTER.search(written):
                singles[variant_key(written)][written] += 1
                if previous is not None and unit.text[unit.ends[previous] : start] == " ":
                    both = unit.text[unit.starts[previous] : end]
                    pairs[variant_key(both)][both] += 1
            previous = index
    for key, counts in pairs.items():
        if key in singles:
            singles[key].update(counts)
    forms: dict[str, Counter[str]] = {}
    shown: dict[str, str] = {}
    for key, counts in singles.items():
        folded: Counter[str] = Counter()
        for written, count in counts.most_common():
            folded[_fold_initials(written)] += count
            shown.setdefault(_fold_initials(written), written)
        if not is_function_word(folded.most_common(1)[0][0]):
            forms[key] = folded
    return forms, shown


@lru_cache(maxsize=16384)
def _fold_initials(written: str) -> str:
    """A capital that only opens a word (a name's, a title's: "Technology" in "Science and Technology
    Cooperation") does not make a variant of the word: it is lowered; other capitals (`UK`, `COVID`) are kept."""
    return _WORD_PART.sub(lambda part: part[0].lower() if part[0][1:].islower() else part[0], written)


@lru_cache(maxsize=16384)
def variant_key(written: str) -> str:
    """What the forms of one word share: its letters, with British spelling as American and no spaces, hyphens,
    dots or apostrophes (`Viet Nam`, `Vietnam`; `U.K.`, `UK`; `defence`, `defense`)."""
    return _VARIANT_NOISE.sub("", spelling_key(written).lower())


def _variant_examples(alignment: Alignment, old: str, new: str) -> tuple[Example, ...]:
    """Sentence pairs where the old form became the new one (else a sentence of each edition using its form)."""
    found: list[Example] = []
    first: dict[str, Sentence] = {}
    for traces in alignment.traces.values():
        for trace in traces:
            sentence = trace.sentence
            mine = old if sentence.edition == alignment.left.id else new
            if not _uses(sentence.text, mine):
                continue
            first.setdefault(sentence.edition, sentence)
            if sentence.edition == alignment.left.id and len(found) < EXAMPLES:
                after = next((each for each in trace.counterparts if _uses(each.text, new)), None)
                if after is not None:
                    found.append(_example(sentence, after))
    if not found and alignment.left.id in first and alignment.right.id in first:
        found.append(replace(_example(first[alignment.left.id], first[alignment.right.id]), paired=False))
    return tuple(found)


def _uses(text: str, form: str) -> bool:
    return _form_pattern(form).search(text.replace("’", "'")) is not None


@lru_cache(maxsize=256)
def _form_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}(?!\w)", re.IGNORECASE)
