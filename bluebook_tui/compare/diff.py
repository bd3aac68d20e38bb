"""Word diffs of two texts: exact (the runs rebuild both texts) and readable (no confetti)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

DiffKind = Literal["equal", "insert", "delete"]

# Tokens cover the text completely, so joining the tokens of any run gives back its text character for
# character: a word or other character with the spaces after it, or a run of whitespace holding a line
# break. Carrying spaces with their word (rather than as tokens of their own) keeps a single space from
# being the commonest token, which makes the diff both cleaner and many times faster.
_TOKEN = re.compile(r"\s+|(?:[^\W_]+(?:['’\-][^\W_]+)*|.)[^\S\n]*", re.DOTALL)
_WORD = re.compile(r"[^\W_]")
# An equal run between two changes is folded into them when it is this small (it reads as noise).
_TINY_RUN_WORDS = 2
_TINY_RUN_LETTERS = 16


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff: text both sides share, text only the right has, or only the left."""

    op: DiffKind
    text: str


@dataclass
class _Change:
    deleted: str
    inserted: str


def word_diff(left_text: str, right_text: str) -> list[DiffOp]:
    """The runs that turn `left_text` into `right_text`.

    The equal and delete runs joined rebuild `left_text` exactly, the equal and insert runs `right_text`;
    whitespace travels with the word before it. Within a change the delete run comes before the insert run.
    """
    left_tokens = _TOKEN.findall(left_text)
    right_tokens = _TOKEN.findall(right_text)
    matcher = SequenceMatcher(None, left_tokens, right_tokens, autojunk=False)
    blocks: list[str | _Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        left_run = "".join(left_tokens[i1:i2])
        right_run = "".join(right_tokens[j1:j2])
        if tag == "equal":
            blocks.append(left_run)
        else:
            _push_change(blocks, _Change(left_run, right_run))
    return [op for block in _spacing_shared(blocks) for op in _ops(block)]


def _push_change(blocks: list[str | _Change], change: _Change) -> None:
    """Append a change, absorbing a tiny equal run that sits between it and the previous change."""
    if len(blocks) >= 2:
        previous, shared = blocks[-2], blocks[-1]
        if isinstance(previous, _Change) and isinstance(shared, str) and _is_tiny(shared):
            del blocks[-2:]
            change = _Change(
                previous.deleted + shared + change.deleted,
                previous.inserted + shared + change.inserted,
            )
    blocks.append(change)


def _spacing_shared(blocks: list[str | _Change]) -> list[str | _Change]:
    """Blocks with the spacing that ends both sides of a change moved out into the shared text after it,
    so a replaced word reads `[-brown-]{+red+} fox` rather than `[-brown -]{+red +}fox`."""
    shared: list[str | _Change] = []
    for block in blocks:
        if isinstance(block, str):
            before = shared[-1] if shared else None
            if isinstance(before, str):
                shared[-1] = before + block
            else:
                shared.append(block)
            continue
        spacing = len(_common_trailing_space(block.deleted, block.inserted))
        if spacing and block.deleted.strip() and block.inserted.strip():
            shared.append(_Change(block.deleted[:-spacing], block.inserted[:-spacing]))
            shared.append(block.deleted[-spacing:])
        else:
            shared.append(block)
    return shared


def _common_trailing_space(left: str, right: str) -> str:
    common = ""
    for left_char, right_char in zip(reversed(left), reversed(right), strict=False):
        if left_char != right_char or not left_char.isspace():
            break
        common = left_char + common
    return common


def _is_tiny(run: str) -> bool:
    """One word, or two short ones, with whatever punctuation and spacing lies between."""
    found = [token for token in _TOKEN.findall(run) if _WORD.match(token)]
    if len(found) <= 1:
        return True
    return len(found) <= _TINY_RUN_WORDS and sum(map(len, found)) <= _TINY_RUN_LETTERS


def _ops(block: str | _Change) -> list[DiffOp]:
    if isinstance(block, str):
        return [DiffOp("equal", block)] if block else []
    ops = []
    if block.deleted:
        ops.append(DiffOp("delete", block.deleted))
    if block.inserted:
        ops.append(DiffOp("insert", block.inserted))
    return ops
