"""A small TF-IDF model: sparse unit vectors over stems, compared by cosine."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence

from bluebook_tui.compare.words import terms

Vector = dict[str, float]


class TfIdf:
    """Term weights learnt from a corpus of documents; `vector` turns any text into a unit vector."""

    def __init__(self, documents: Iterable[str]) -> None:
        counted = [set(terms(document)) for document in documents]
        document_frequency = Counter(term for document in counted for term in document)
        total = len(counted)
        # Smoothed IDF: a term in every document still weighs a little, an unseen term the most.
        self._idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in document_frequency.items()}
        self._unseen = math.log(1 + total) + 1

    def vector(self, text: str) -> Vector:
        """The text's sublinear TF-IDF weights, scaled to unit length (empty for a text without words)."""
        weights = {
            term: (1 + math.log(count)) * self._idf.get(term, self._unseen)
            for term, count in Counter(terms(text)).items()
        }
        norm = math.sqrt(sum(weight * weight for weight in weights.values()))
        return {term: weight / norm for term, weight in weights.items()} if norm else {}

    def vectors(self, texts: Sequence[str]) -> list[Vector]:
        return [self.vector(text) for text in texts]


def cosine(left: Vector, right: Vector) -> float:
    """Cosine of two unit vectors, clamped to [0, 1] against rounding."""
    if len(left) > len(right):
        left, right = right, left
    return min(1.0, sum(weight * right.get(term, 0.0) for term, weight in left.items()))
