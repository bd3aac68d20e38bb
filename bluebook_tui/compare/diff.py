"""Word diffs of two texts: exact (the runs rebuild both texts) and readable (no confetti).

Texts are diffed after alignment has paired them (sentences with their counterparts), so the diff never has to
find its way between unrelated paragraphs; within a pair, an equal run between two changes that is no longer
than either change is folded into them, as diff-match-patch's `diff_cleanupSemantic` does with characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from bluebook_tui.compare.spelling import spelling_key

DiffKind = Literal["equal", "insert", "delete"]
# Differences a reader may ask the diff to set aside: letter case, punctuation, and spelling (quote style and
# British / American spelling).
Ignorable = Literal["case", "punctuation", "spelling"]
IGNORABLE: tuple[Ignorable, ...] = ("case", "punctuation", "spelling")

# Tokens cover the text completely, so joining the tokens of any run gives back its text character for
# character: a word or other character with the spaces after it, or a run of whitespace holding a line
# break. Carrying spaces with their word (rather than as tokens of their own) keeps a single space from
# being the commonest token, which makes the diff both cleaner and many times faster.
_TOKEN = re.compile(r"\s+|(?:[^\W_]+(?:['’\-][^\W_]+)*|.)[^\S\n]*", re.DOTALL)
_WORD = re.compile(r"[^\W_]")
# An equal run between two changes is folded into them when it is this small (it reads as noise).
_TINY_RUN_WORDS = 2
_TINY_RUN_LETTERS = 16
# An equal run this short is folded into the changes around it when neither of them is shorter.
SEMANTIC_RUN_WORDS = 4


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff: text both sides share, text only the right has, or only the left.

    `ignored`: a difference that the options asked to set aside (a change of case, say); it still rebuilds its
    side exactly, and a reader is shown the right side's text unmarked.
    """

    op: DiffKind
    text: str
    ignored: bool = False


@dataclass
class _Change:
    deleted: str
    inserted: str
    ignored: bool = False


def word_diff(left_text: str, right_text: str, ignore: Collection[Ignorable] = ()) -> list[DiffOp]:
    """The runs that turn `left_text` into `right_text`.

    The equal and delete runs joined rebuild `left_text` exactly, the equal and insert runs `right_text`;
    whitespace travels with the word before it. Within a change the delete run comes before the insert run.
    With `ignore`, tokens that differ only in what it names are paired, and marked `ignored`.
    """
    left_tokens = _TOKEN.findall(left_text)
    right_tokens = _TOKEN.findall(right_text)
    key = _token_key(frozenset(ignore))
    left_keys = [key(token) for token in left_tokens]
    right_keys = [key(token) for token in right_tokens]
    matcher = SequenceMatcher(None, left_keys, right_keys, autojunk=False)
    blocks: list[str | _Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for left_run, right_run in _same_key_runs(left_tokens[i1:i2], right_tokens[j1:j2]):
                if left_run == right_run:
                    blocks.append(left_run)
                else:
                    # Spacing alone is a change no option names: it joins the changes beside it.
                    spacing = not (left_run + right_run).strip()
                    _push_change(blocks, _Change(left_run, right_run, ignored=not spacing))
        else:
            change = _Change("".join(left_tokens[i1:i2]), "".join(right_tokens[j1:j2]))
            change.ignored = "punctuation" in ignore and not _WORD.search(change.deleted + change.inserted)
            _push_change(blocks, change)
    return [op for block in _spacing_shared(_semantic_cleanup(blocks)) for op in _ops(block)]


def _token_key(ignore: frozenset[Ignorable]) -> Callable[[str], str]:
    """What two tokens must share to be paired: their word (`tests,` and `tests and` share `tests`, whatever
    follows it), or with `ignore` set, the part of it that counts."""
    if not ignore:
        return lambda token: token.rstrip() or token

    def key(token: str) -> str:
        core = token.strip()
        if "punctuation" in ignore and core and not _WORD.search(core):
            return "\0punctuation"
        if "spelling" in ignore:
            core = spelling_key(core)
        return core.lower() if "case" in ignore else core

    return key


def _same_key_runs(left: list[str], right: list[str]) -> list[tuple[str, str]]:
    """Tokens paired by key, as runs that are either the same text on both sides or differ in each piece; a
    word the same on both sides is kept apart from the spacing after it, which may differ."""
    pieces: list[tuple[str, str]] = []
    for left_token, right_token in zip(left, right, strict=True):
        left_word, right_word = left_token.rstrip(), right_token.rstrip()
        if left_token != right_token and left_word and left_word == right_word:
            pieces += [(left_word, right_word), (left_token[len(left_word) :], right_token[len(right_word) :])]
        else:
            pieces.append((left_token, right_token))
    runs: list[tuple[str, str]] = []
    for left_piece, right_piece in pieces:
        same = left_piece == right_piece
        if runs and (runs[-1][0] == runs[-1][1]) == same:
            runs[-1] = (runs[-1][0] + left_piece, runs[-1][1] + right_piece)
        else:
            runs.append((left_piece, right_piece))
    return runs


def _push_change(blocks: list[str | _Change], change: _Change) -> None:
    """Append a change, absorbing a tiny equal run that sits between it and the previous change (or joining the
    previous change when they touch)."""
    if blocks and isinstance(blocks[-1], _Change) and blocks[-1].ignored == change.ignored:
        previous = blocks.pop()
        assert isinstance(previous, _Change)
        change = _Change(previous.deleted + change.deleted, previous.inserted + change.inserted, change.ignored)
    elif len(blocks) >= 2 and not change.ignored:
        previous, shared = blocks[-2], blocks[-1]
        if isinstance(previous, _Change) and not previous.ignored and isinstance(shared, str) and _is_tiny(shared):
            del blocks[-2:]
            change = _Change(previous.deleted + shared + change.deleted, previous.inserted + shared + change.inserted)
    blocks.append(change)


def _semantic_cleanup(blocks: list[str | _Change]) -> list[str | _Change]:
    """Fold each short equal run between two changes into them when it has no more words than either change has
    on its longer side: a shared "of the" between two rewritten clauses is not a shared text. One pass over the
    changes as found (diff-match-patch's passes cascade, which on words swallows whole shared clauses)."""
    result: list[str | _Change] = []
    at = 0
    while at < len(blocks):
        block = blocks[at]
        if result and _foldable(blocks, at):
            previous, after = result.pop(), blocks[at + 1]
            assert isinstance(previous, _Change) and isinstance(block, str) and isinstance(after, _Change)
            result.append(_Change(previous.deleted + block + after.deleted, previous.inserted + block + after.inserted))
            at += 2
            continue
        result.append(block)
        at += 1
    return result


def _foldable(blocks: list[str | _Change], at: int) -> bool:
    if not 0 < at < len(blocks) - 1:
        return False
    before, shared, after = blocks[at - 1], blocks[at], blocks[at + 1]
    if not (isinstance(before, _Change) and isinstance(shared, str) and isinstance(after, _Change)):
        return False
    if before.ignored or after.ignored:
        return False
    return _words(shared) <= min(SEMANTIC_RUN_WORDS, _change_words(before), _change_words(after))


def _words(text: str) -> int:
    return sum(1 for token in _TOKEN.findall(text) if _WORD.match(token))


def _change_words(change: _Change) -> int:
    return max(_words(change.deleted), _words(change.inserted))


def _spacing_shared(blocks: list[str | _Change]) -> list[str | _Change]:
    """Blocks with the spacing that opens or ends both sides of a change moved out into the shared text beside
    it, so a replaced word reads `the [-brown-]{+red+} fox` rather than `the[- brown -]{+ red +}fox`."""
    shared: list[str | _Change] = []

    def share(text: str) -> None:
        if shared and isinstance(shared[-1], str):
            shared[-1] += text
        elif text:
            shared.append(text)

    for block in blocks:
        if isinstance(block, str):
            share(block)
            continue
        deleted, inserted = block.deleted, block.inserted
        if not (deleted.strip() and inserted.strip()):
            shared.append(block)
            continue
        opening = _common_space(deleted, inserted)
        closing = _common_space(deleted[::-1], inserted[::-1])[::-1]
        share(opening)
        end = len(deleted) - len(closing), len(inserted) - len(closing)
        shared.append(_Change(deleted[len(opening) : end[0]], inserted[len(opening) : end[1]], block.ignored))
        share(closing)
    return shared


def _common_space(left: str, right: str) -> str:
    """The whitespace both texts open with."""
    common = []
    for left_char, right_char in zip(left, right, strict=False):
        if left_char != right_char or not left_char.isspace():
            break
        common.append(left_char)
    return "".join(common)


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
        ops.append(DiffOp("delete", block.deleted, block.ignored))
    if block.inserted:
        ops.append(DiffOp("insert", block.inserted, block.ignored))
    return ops
