"""The comparison layer: align two editions' section trees, diff an aligned pair word by word, count terms.

Nothing here imports Textual or Whoosh; the CLI and the app both stand on this API.
"""

from bluebook_tui.compare.alignment import Alignment, SectionPair, align_editions
from bluebook_tui.compare.diff import DiffOp, word_diff
from bluebook_tui.compare.paragraphs import paragraph_pairs, paragraphs
from bluebook_tui.compare.trend import TermCount, term_trend

__all__ = [
    "Alignment",
    "DiffOp",
    "SectionPair",
    "TermCount",
    "align_editions",
    "paragraph_pairs",
    "paragraphs",
    "term_trend",
    "word_diff",
]
