"""Paragraph alignment inside an aligned pair of sections, for scrolling two panes in step.

The pairing keeps both texts' order (a monotone alignment that maximises the total TF-IDF similarity of
the paragraphs it pairs), so scrolling down one pane never scrolls the other one up.
"""

from __future__ import annotations

from bluebook_tui.compare.alignment import SectionPair
from bluebook_tui.compare.tfidf import TfIdf, cosine
from bluebook_tui.library.model import paragraph_spans

# Paragraphs less alike than this are not counterparts, however well they fit the order.
MIN_PARAGRAPH_SIMILARITY = 0.2

ParagraphPair = tuple[int | None, int | None]


def paragraphs(text: str) -> list[str]:
    """A section text's paragraphs (blocks between blank lines), as the indices of `paragraph_pairs` count."""
    return [text[start:end] for start, end in paragraph_spans(text)]


def paragraph_pairs(pair: SectionPair) -> list[ParagraphPair]:
    """Every paragraph of both sides in reading order: (left index, right index), None where there is none."""
    left = paragraphs(pair.left.text) if pair.left else []
    right = paragraphs(pair.right.text) if pair.right else []
    model = TfIdf([*left, *right])
    left_vectors, right_vectors = model.vectors(left), model.vectors(right)
    similarity = [[cosine(lv, rv) for rv in right_vectors] for lv in left_vectors]
    # best[i][j]: the highest total similarity pairing left[:i] with right[:j] in order.
    best = [[0.0] * (len(right) + 1) for _ in range(len(left) + 1)]
    for i in range(1, len(left) + 1):
        for j in range(1, len(right) + 1):
            options = [best[i - 1][j], best[i][j - 1]]
            if similarity[i - 1][j - 1] >= MIN_PARAGRAPH_SIMILARITY:
                options.append(best[i - 1][j - 1] + similarity[i - 1][j - 1])
            best[i][j] = max(options)
    pairs: list[ParagraphPair] = []
    i, j = len(left), len(right)
    while i or j:
        if (
            i
            and j
            and similarity[i - 1][j - 1] >= MIN_PARAGRAPH_SIMILARITY
            and best[i][j] == (best[i - 1][j - 1] + similarity[i - 1][j - 1])
        ):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j and (not i or best[i][j] == best[i][j - 1]):
            pairs.append((None, j - 1))
            j -= 1
        else:
            pairs.append((i - 1, None))
            i -= 1
    pairs.reverse()
    return pairs
