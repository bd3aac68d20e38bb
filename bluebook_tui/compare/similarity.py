"""How alike two sections are: their titles with the numbering set aside, and their text with the children's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bluebook_tui.compare.tfidf import TfIdf, Vector, cosine
from bluebook_tui.compare.words import terms, words
from bluebook_tui.library import Section
from bluebook_tui.library.labels import split_label

# The text says more about a section than its title does: a retitled section keeps its text, a new
# section can borrow an old title ("Maritime Security").
TITLE_WEIGHT = 0.35
TEXT_WEIGHT = 0.65
# A cross-reference in a heading, e.g. "(see 1-1(2) and 2-1-6)": page furniture, not part of the title.
_CROSS_REFERENCE = re.compile(r"\(see [^()]*(?:\([^()]*\)[^()]*)*\)", re.IGNORECASE)


def plain_title(section: Section) -> str:
    """The title as a reader would quote it: no numbering, no cross-references."""
    return " ".join(_CROSS_REFERENCE.sub(" ", section.title).split())


def title_words(section: Section) -> tuple[str, ...]:
    """The title's words, case-folded: two titles that differ only in case or punctuation match."""
    return tuple(word.lower().replace("’", "'") for word in words(plain_title(section)))


def label_position(section: Section) -> int:
    """The position the heading's number gives (`(2)`, `B`, `(b)` are all 2), 0 when unnumbered."""
    label = split_label(section.heading) if section.kind == "section" else None
    return label.value if label else 0


def subtree_text(section: Section) -> str:
    """The section's own text followed by every descendant's title and text."""
    parts = [section.text]
    for descendant in list(section.walk())[1:]:
        parts.extend((plain_title(descendant), descendant.text))
    return "\n\n".join(part for part in parts if part)


@dataclass(frozen=True)
class Profile:
    """What alignment compares of one section, computed once."""

    section: Section
    order: int
    title_terms: frozenset[str]
    text_vector: Vector


def profiles(sections: list[Section], model: TfIdf) -> list[Profile]:
    return [
        Profile(section, order, frozenset(terms(plain_title(section))), model.vector(subtree_text(section)))
        for order, section in enumerate(sections)
    ]


def title_similarity(left: Profile, right: Profile) -> float:
    """Dice coefficient of the titles' stems."""
    if not left.title_terms and not right.title_terms:
        return 1.0
    shared = len(left.title_terms & right.title_terms)
    return 2 * shared / (len(left.title_terms) + len(right.title_terms))


def text_similarity(left: Profile, right: Profile) -> float:
    """TF-IDF cosine of the two sections' texts with their children's; two empty texts are alike."""
    if not left.text_vector and not right.text_vector:
        return 1.0
    return cosine(left.text_vector, right.text_vector)


def match_score(left: Profile, right: Profile, carried: float = 0.0) -> float:
    """How strongly two sections claim each other, in [0, 1]; sections of different kinds never match.

    The text counts by the better of two measures: the TF-IDF cosine (which sees shared vocabulary), and
    `carried`, the share of the two texts their linked sentences share (which sees text carried over, however
    reworded the rest).
    """
    if left.section.kind != right.section.kind:
        return 0.0
    if not left.text_vector and not right.text_vector:
        return title_similarity(left, right)
    text = max(text_similarity(left, right), carried)
    return TITLE_WEIGHT * title_similarity(left, right) + TEXT_WEIGHT * text
