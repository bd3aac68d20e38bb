"""The comparison layer: trace the sentences of two editions and pair their sections, diff them, count terms,
and say how their wording changed.

Nothing here imports Textual; of Whoosh, only the search layer's analysis (words are counted as they are found),
on first use. The CLI and the app both stand on this API. Names are imported on first
use, so a caller that only reads a cached alignment (`bluebook trace`) does not pay for the aligning.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bluebook_tui.compare.alignment import Alignment, Flow, SectionPair, SentenceTrace, align_editions
    from bluebook_tui.compare.diff import DiffOp, word_diff
    from bluebook_tui.compare.paragraph_alignment import paragraph_pairs, paragraphs
    from bluebook_tui.compare.trend import TermCount, term_trend

_HOMES = {
    "Alignment": "alignment",
    "Flow": "alignment",
    "SectionPair": "alignment",
    "SentenceTrace": "alignment",
    "align_editions": "alignment",
    "DiffOp": "diff",
    "word_diff": "diff",
    "paragraph_pairs": "paragraph_alignment",
    "paragraphs": "paragraph_alignment",
    "TermCount": "trend",
    "term_trend": "trend",
}

__all__ = [
    "Alignment",
    "DiffOp",
    "Flow",
    "SectionPair",
    "SentenceTrace",
    "TermCount",
    "align_editions",
    "paragraph_pairs",
    "paragraphs",
    "term_trend",
    "word_diff",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
