"""Sentences of a section's text, each an exact slice of it: with the spacing between them, they give the text back.

Hand-written rather than a segmenter from PyPI, because none measured right on these books (all 711 sentences of
both editions read by eye): pysbd takes ~470 ms for them (the whole alignment's budget is 300 ms), misses "…
and the U.S. At the ninth …" and splits a footnote marker (`[5]`) off as a sentence; syntok misses the same
boundaries, splits inside a quoted speech and at "(1) …; (2) …" lists, and leaves `”` and `.` as sentences;
sentencex splits every "Japan-U.S.". The rules here are few and each is tested on the books' own cases.

A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes, brackets and footnote markers after it)
before spacing and a capital or digit (in any script, after an opening quote or bracket if one comes first); at
`。！？` in Japanese; and at a paragraph's end.
It does not end inside quotes or brackets that close within the paragraph, after a title (`Dr.`, `No.`), or
after a dotted abbreviation (`U.S.`, `i.e.`) unless a word that opens sentences follows (`… the U.S. At the …`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bluebook_tui.library.model import BlockKind, Section, paragraph_spans

# A stop, with closing quotes, brackets and footnote markers after it, before spacing and what may open a sentence
# (whether it does, a capital or a digit in any script, `_opens_sentence` says).
_LATIN_END = re.compile(r"[.!?…]+[”’\"')\]]*(?:\[\w+\])*(?=\s+[“‘\"'(\[]?(\w))")
_CJK_END = re.compile(r"[。！？]+[」』）]*")
_PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’", "「": "」", "『": "』", "（": "）"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_BRACKET = re.compile("[" + re.escape("".join([*_PAIRS, *_CLOSERS])) + "]")
# Words before a full stop that never end a sentence (titles, "No. 5", months).
_TITLES = frozenset(
    {"no", "nos", "dr", "mr", "mrs", "ms", "prof", "st", "mt", "vs", "cf", "approx", "art", "para", "vol", "fig"}
    | {"jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
# After a dotted abbreviation ("U.S."), a sentence ends only if one of these words opens the next.
_OPENERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "it", "its", "they", "their", "he", "she", "we", "i"}
    | {"there", "as", "at", "in", "on", "by", "for", "from", "to", "with", "during", "after", "before", "since"}
    | {"under", "through", "following", "based", "however", "furthermore", "moreover", "also", "additionally"}
    | {"meanwhile", "thereafter", "afterwards", "accordingly", "therefore", "thus", "consequently", "while", "when"}
    | {"if", "although", "but", "and"}
)
_DOTTED = re.compile(r"(?:\b[^\W\d_]\.){2,}$")
_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")
_NEXT_WORD = re.compile(r"\s+[“‘\"'(\[]?([^\W\d_]+)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a section: `text` is `section.text[start:end]`; `index` counts from 0 in the section."""

    section_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: BlockKind

    @property
    def edition(self) -> str:
        return self.section_id.partition("/")[0]

    @property
    def address(self) -> str:
        """Stable while the section's text is: the section id and the sentence's index (`2022/4.B.B#3`)."""
        return f"{self.section_id}#{self.index}"


def section_sentences(section: Section) -> list[Sentence]:
    """The sentences of a section's own text, in reading order, each with its paragraph and the paragraph's kind."""
    kinds = section.block_kinds
    found: list[Sentence] = []
    for paragraph, (paragraph_start, paragraph_end) in enumerate(paragraph_spans(section.text)):
        kind = kinds[paragraph] if paragraph < len(kinds) else "body"
        for start, end in split_sentences(section.text[paragraph_start:paragraph_end]):
            begin, finish = paragraph_start + start, paragraph_start + end
            found.append(Sentence(section.id, len(found), begin, finish, section.text[begin:finish], paragraph, kind))
    return found


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph of a section's text starts (paragraphs as `section_sentences` numbers them)."""
    return [start for start, _ in paragraph_spans(text)]


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of a paragraph's sentences: no spacing at their ends, only spacing between."""
    nested = _nested_spans(paragraph)
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _boundaries(paragraph):
        if not any(opened < end < closed for opened, closed in nested):
            spans.append((start, end))
            start = _skip_space(paragraph, end)
    if start < len(paragraph.rstrip()):
        spans.append((start, len(paragraph.rstrip())))
    return [(begin, finish) for begin, finish in spans if finish > begin]


def _boundaries(paragraph: str) -> list[int]:
    """Where sentences may end, in order: after Latin and after Japanese sentence stops."""
    latin = [
        match.end()
        for match in _LATIN_END.finditer(paragraph)
        if _opens_sentence(match.group(1)) and _ends_sentence(paragraph, match.start(), match.end())
    ]
    japanese = [match.end() for match in _CJK_END.finditer(paragraph) if match.end() < len(paragraph)]
    return sorted(set(latin + japanese))


def _opens_sentence(char: str) -> bool:
    """Whether a sentence can start with this character: a capital or a digit, in any script."""
    return char.isupper() or char.isdigit()


def _ends_sentence(paragraph: str, stop: int, end: int) -> bool:
    """Whether the full stop at `stop` ends a sentence, judging by the word before it and the word after."""
    if paragraph[stop] != ".":
        return True
    before = paragraph[max(0, stop - 12) : stop + 1]
    following = _NEXT_WORD.match(paragraph, end)
    next_word = following.group(1).lower() if following else ""
    if _DOTTED.search(before):
        return next_word in _OPENERS
    last = _LAST_WORD.search(before)
    if last is None:
        return True
    word = last.group(1).lower()
    if word == "etc":
        return True
    # A single capital is an initial ("Shinzo A. Abe"), unless it is the pronoun.
    return word not in _TITLES and not (len(word) == 1 and last.group(1).isupper() and word != "i")


def _nested_spans(paragraph: str) -> list[tuple[int, int]]:
    """(opening, closing) offsets of the quotes and brackets that close within the paragraph; unmatched ones (a
    stray quote in the source) are ignored, so they cannot swallow the rest of it."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for found in _BRACKET.finditer(paragraph):
        offset, char = found.start(), found.group()
        if char in _PAIRS:
            stack.append((char, offset))
        elif char in _CLOSERS:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == _CLOSERS[char]:
                    spans.append((stack[depth][1], offset))
                    del stack[depth:]
                    break
    return spans


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at
