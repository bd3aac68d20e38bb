"""Sentences traced from 2016 into 2022, checked against what a careful reading of both books finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bluebook_tui.compare import Alignment, align_editions
from bluebook_tui.compare.likeness import features
from bluebook_tui.compare.redline import compared_text, redline
from bluebook_tui.compare.sentence_links import ANYWHERE, _score
from bluebook_tui.library import Library
from tests.compare_support import edition

# Sentences 2022 copied from 2016 or edited lightly, as a reading finds them (2016 address → 2022 address).
COPIES = {
    "2016/1#0": "2022/1#0",  # "The security environment surrounding the Asia-Pacific region …"
    "2016/1#22": "2022/1#49",  # multilateral frameworks, the EAS, the ARF and ADMM-Plus
    "2016/1#27": "2022/1#53",  # "Japan is making a proactive contribution through … a co-chair …"
    "2016/2.A.a#4": "2022/6.A.A#2",  # "In response to the increasing complexity and scale of the mandates …"
    "2016/2.A.a#6": "2022/6.A.A#6",  # the PKO Act, personnel dispatched since 1992
    "2016/2.A.a#7": "2022/6.A.A#7",  # staff officers dispatched to UNMISS since 2011
    "2016/2.C.1#0": "2022/6.C.A#0",  # civilian experts with a high level of skill and expertise
    "2016/2.C.1#1": "2022/6.C.A#1",
    "2016/2.C.2#0": "2022/6.C.B#0",  # supporting peacekeepers from various countries
    "2016/3.B#0": "2022/7.B#0",  # the UN Congress on Crime Prevention and Criminal Justice
    "2016/3.D#1": "2022/7.D#2",  # "As a founding member, Japan has actively participated in these discussions."
    "2016/3.E#0": "2022/7.E#0",
    "2016/3.E#5": "2022/7.E#3",
    "2016/4#0": "2022/4#2",  # "Open and Stable Seas" based on maritime order
    "2016/4.A.b#0": "2022/4.A.B#0",  # "Also known as the “Constitution for the Seas,” UNCLOS …"
    "2016/4.A.b#5": "2022/4.A.B#1",
    "2016/4.A.b#6": "2022/4.A.B#2",
    "2016/4.A.c.a#0": "2022/4.A.C#0",  # Chinese vessels around the Senkaku Islands
    "2016/4.B#0": "2022/4.B#0",
    "2016/4.B.a.extension-of-anti#0": "2022/4.B.B#3",  # "Since 2009, Japan has been conducting … operations"
    "2016/4.B.a.promotion-of-international#1": "2022/4.B.B#5",  # Information Sharing Centers in Yemen, Kenya …
    "2016/4.B.b#0": "2022/4.B.A#1",  # ReCAAP
    "2016/5#8": "2022/3#9",  # existing international law applies to cyberspace
    "2016/6#0": "2022/5#0",  # "In recent years, outer space has become congested …"
    "2016/6#1": "2022/5#1",
    "2016/6.B#2": "2022/5.B#0",
    "2016/6.C#0": "2022/5.C#0",  # "The progress of space exploration … is a common benefit for all humankind"
    "2016/6.C#1": "2022/5.C#6",  # the ISS, an epic project in which 15 countries participate
}
# Sentences rewritten in their place, updated figures and all: the same statement to a reader.
REWRITTEN = {
    "2016/1#18": "2022/1#41",  # the Maritime and Air (Aerial) Communication Mechanism
    "2016/2.C.1#2": "2022/6.C.A#2",  # "As of the end of FY 2015, … 540 people" → "… FY2021, more than 800 people"
    "2016/2.C.1#7": "2022/6.C.A#6",  # the FY 2015 programme → the FY2021 programme
    "2016/2.B.2#5": "2022/6.B#3",  # the review of the UN Peacebuilding architecture
    "2016/3.C#5": "2022/7.C#5",  # the OECD Working Group on Bribery (moved after UNCAC in 2022)
    "2016/6#2": "2022/5#2",  # "In order to cope with this situation, Japan has been …"
    "2016/4#4": "2022/4.A.A#2",  # Abe's "Three Principles of the Rule of Law at Sea", moved along with 2016/4#2
}
# Two sentences merged into one, or one split in two (left sentences, right sentences).
REGROUPED = [
    (["2016/4.B.a.current-status-of#1", "2016/4.B.a.current-status-of#2"], ["2022/4.B.B#1"]),
    (["2016/2.B.2#0", "2016/2.B.2#1"], ["2022/6.B#0"]),  # "Based on the understanding that …"
    (["2016/1#29", "2016/1#30"], ["2022/1#54"]),  # track 1 and track 1.5 dialogues
    (["2016/1#23", "2016/1#24"], ["2022/1#50"]),  # the ARF
    (["2016/2.A.a#3"], ["2022/6.A.A#0", "2022/6.A.A#1"]),  # UN PKO missions, and their personnel
    (["2016/4.B.a.promotion-of-international#3"], ["2022/4.B.B#7", "2022/4.B.B#8"]),  # Djibouti, JICA
    (["2016/4.A.c.b#7"], ["2022/4.A.D#6", "2022/4.A.D#7"]),  # the South China Sea matters to Japan
]
# Look-alikes in unrelated places: the same words, not the same statement.
FALSE_FRIENDS = [
    ("2016/6.C#6", "2022/3#23"),  # capacity building in outer space / a cybersecurity trust fund (0.57)
    ("2016/3.D#4", "2022/4.B.C#5"),  # FATF's members / the Gulf of Guinea's Group of Friends (0.56)
    ("2016/1#4", "2022/4.C.A#5"),  # partners sharing strategic interests, in two different sections
    ("2016/2.B.1#7", "2022/6.A.A#4"),  # a review of UN peace operations / what SPMs are
    ("2016/6.A#3", "2022/5.A#17"),  # UNCOPUOS guidelines / a UNOOSA project, in paired sections (0.32)
    ("2016/2.A.b.2#5", "2022/6.A.B.b#3"),  # "capacity building in the concerned countries" / in Guinea-Bissau (0.31)
    ("2016/1#13", "2022/1#42"),  # trilateral frameworks / meetings with the ROK, long lists of meetings
]


def sentence_trace(alignment: Alignment, address: str):  # type: ignore[no-untyped-def]
    section_id, _, index = address.rpartition("#")
    return alignment.trace(section_id)[int(index)]


def counterparts(alignment: Alignment, address: str) -> list[str]:
    return [sentence.address for sentence in sentence_trace(alignment, address).counterparts]


@pytest.mark.parametrize(("old", "new"), sorted({**COPIES, **REWRITTEN}.items()))
def test_a_copied_or_rewritten_sentence_is_traced_to_its_counterpart(alignment: Alignment, old: str, new: str) -> None:
    assert counterparts(alignment, old) == [new]
    assert old in counterparts(alignment, new)
    assert sentence_trace(alignment, old).status in ("edited", "unchanged")


@pytest.mark.parametrize(("olds", "news"), REGROUPED)
def test_sentences_merged_or_split_are_traced_as_a_group(
    alignment: Alignment, olds: list[str], news: list[str]
) -> None:
    for old in olds:
        assert counterparts(alignment, old) == news
    for new in news:
        assert counterparts(alignment, new) == olds


@pytest.mark.parametrize(("old", "new"), FALSE_FRIENDS)
def test_look_alikes_are_not_traced_to_each_other(alignment: Alignment, old: str, new: str) -> None:
    assert new not in counterparts(alignment, old)


def test_no_sentence_is_new_or_removed_while_a_near_copy_of_it_is_free(library: Library, alignment: Alignment) -> None:
    """A sentence with no counterpart has no sentence of the other edition scoring as a copy that is free."""
    free = {
        edition: [
            (trace, features(trace.sentence, 0))
            for section in library.edition(edition).walk()
            for trace in alignment.trace(section.id)
        ]
        for edition in ("2016", "2022")
    }
    for mine, theirs in (("2016", "2022"), ("2022", "2016")):
        unmatched = [(trace, item) for trace, item in free[theirs] if not trace.counterparts]
        for trace, item in free[mine]:
            if trace.counterparts:
                continue
            near = [other.sentence.address for other, candidate in unmatched if _score(item, candidate) >= ANYWHERE]
            assert near == [], trace.sentence.address


def _plain(text: str) -> str:
    """Text as "the same words" reads it: spacing, quote style and footnote markers set aside."""
    text = re.sub(r"\[\d+\]|\[Note\]", " ", text).replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def test_nothing_called_unchanged_differs_and_every_identical_sentence_is_unchanged(
    library: Library, alignment: Alignment
) -> None:
    plain = {
        edition: {_plain(t.sentence.text) for s in library.edition(edition).walk() for t in alignment.trace(s.id)}
        for edition in ("2016", "2022")
    }
    for section in library.walk():
        other = plain["2022" if section.edition == "2016" else "2016"]
        for trace in alignment.trace(section.id):
            if trace.status == "unchanged":
                assert [_plain(trace.sentence.text)] == [_plain(c.text) for c in trace.counterparts]
            else:
                assert _plain(trace.sentence.text) not in other, trace.sentence.address
    # The one sentence both books print word for word.
    assert sentence_trace(alignment, "2016/3.D#1").status == "unchanged"


def _homes(alignment: Alignment, section_id: str) -> set[str]:
    """The sections of the other edition a section's sentences belong with: its counterpart, the section its text
    went into (or came from), and the sections merged into it (or split off it)."""
    pair = alignment.pair_for(section_id)
    mine_left = pair.left is not None and pair.left.id == section_id
    homes = {other.id for other in (pair.right if mine_left else pair.left, pair.destination) if other is not None}
    for other in alignment.pairs:
        if other.destination is not None and other.destination.id == section_id:
            homes |= {side.id for side in (other.left, other.right) if side is not None}
    return homes


def test_nothing_moved_stands_in_the_section_its_own_is_paired_with(library: Library, alignment: Alignment) -> None:
    moved = []
    for section in library.walk():
        homes = _homes(alignment, section.id)
        for trace in alignment.trace(section.id):
            if trace.counterparts:
                assert trace.moved == (trace.counterparts[0].section_id not in homes), trace.sentence.address
            if trace.moved:
                moved.append(trace.sentence.address)
    # Two sentences of 2016's "(4) The Oceans and Seas" (clashing interests; the Shangri-La Dialogue) went to
    # 2022's new "(A) Basic Stance".
    assert moved == ["2016/4#2", "2016/4#4", "2022/4.A.A#0", "2022/4.A.A#2"]


def test_the_piracy_subsections_are_traced_to_where_their_sentences_went(alignment: Alignment) -> None:
    somalia = alignment.pair_for("2016/4.B.a")
    assert somalia.right is not None and somalia.right.id == "2022/4.B.B"
    assert somalia.through_subtree and somalia.carried_over[0] > 0.5  # was a diff of 100% insertion
    for part, sentences, carried in (
        ("current-status-of", 4, 3),
        ("extension-of-anti", 3, 1),
        ("promotion-of-international", 5, 5),
    ):
        pair = alignment.pair_for(f"2016/4.B.a.{part}")
        assert pair.status == "merged" and pair.destination is not None and pair.destination.id == "2022/4.B.B"
        traces = alignment.trace(f"2016/4.B.a.{part}")
        assert len(traces) == sentences
        assert sum(1 for trace in traces if trace.counterparts) == carried
        assert all(trace.counterparts[0].section_id == "2022/4.B.B" for trace in traces if trace.counterparts)
        assert not any(trace.moved for trace in traces)


def test_the_peacebuilding_commission_is_merged_into_2022s_initiatives_within_the_un(alignment: Alignment) -> None:
    pair = alignment.pair_for("2016/2.B.2")
    assert pair.status == "merged" and pair.destination is not None and pair.destination.id == "2022/6.B"
    # 2016's B is a heading over (1) and (2): it faces 2022's B through its subtree, the PBC's text included.
    within_the_un = alignment.pair_for("2022/6.B")
    assert within_the_un.left is not None and within_the_un.left.id == "2016/2.B" and within_the_un.through_subtree
    assert any(flow.source.id == "2016/2.B.2" for flow in within_the_un.flows)


def test_flows_say_where_each_sections_words_went(alignment: Alignment) -> None:
    for pair in alignment.pairs:
        assert all(0.0 <= share <= 1.0 for share in pair.carried_over)
        for flow in pair.flows:
            assert flow.sentences >= 1 and flow.words >= 1
            assert flow.source.edition == "2016" and flow.target.edition == "2022"
    # 2016's B. Maritime Security has one sentence, kept nearly word for word in 2022's B.
    assert alignment.pair_for("2016/4.B").carried_over[0] > 0.85


def test_an_edition_against_itself_traces_every_sentence_to_itself(library: Library) -> None:
    same = align_editions(library.edition("2022"), library.edition("2022"))
    for section in library.edition("2022").walk():
        for trace in same.trace(section.id):
            assert trace.status == "unchanged" and not trace.moved and trace.similarity == 1.0
            assert [counterpart.address for counterpart in trace.counterparts] == [trace.sentence.address]


def test_tracing_is_deterministic_and_the_same_either_way_round(library: Library, alignment: Alignment) -> None:
    def links(of: Alignment) -> set[tuple[str, str]]:
        return {
            (trace.sentence.address, counterpart.address)
            for edition in (of.left, of.right)
            for section in edition.walk()
            for trace in of.trace(section.id)
            for counterpart in trace.counterparts
        }

    again = align_editions(library.edition("2016"), library.edition("2022"))
    assert links(again) == links(alignment)
    backwards = align_editions(library.edition("2022"), library.edition("2016"))
    assert links(backwards) == links(alignment)


# Editions built to order: every sentence unique, so a reader knows where each one went.
_TOPICS = ["piracy", "cyber", "space", "oceans", "terrorism", "peacebuilding", "sanctions", "drugs"]
_WORDS = ["Japan", "supports", "regional", "dialogue", "capacity", "funding", "security", "partners", "training"]


@st.composite
def _shuffled_editions(draw: st.DrawFn) -> tuple[str, str, dict[str, tuple[str, str]]]:
    """Two editions of the same sections, some paragraphs moved to another section in the second: the Markdown
    of each, and for each moved sentence, the titles of the section it was in and of the one it went to."""
    sections = draw(st.integers(min_value=2, max_value=4))
    paragraphs: list[list[str]] = []
    for number in range(sections):
        count = draw(st.integers(min_value=1, max_value=3))
        paragraphs.append(
            [
                " ".join(
                    f"{_TOPICS[number].title()} {_TOPICS[(number + p + s) % len(_TOPICS)]} paragraph{p} sentence{s}: "
                    + " ".join(draw(st.lists(st.sampled_from(_WORDS), min_size=4, max_size=8)))
                    + "."
                    for s in range(2)
                )
                for p in range(count)
            ]
        )
    moves = draw(
        st.lists(st.tuples(st.integers(0, sections - 1), st.integers(0, sections - 1)), max_size=3).filter(
            lambda found: all(a != b for a, b in found)
        )
    )
    # Each paragraph with the section it was written in, moved about.
    placed = [[(paragraph, number) for paragraph in row] for number, row in enumerate(paragraphs)]
    for source, target in moves:
        if len(placed[source]) > 1:
            placed[target].append(placed[source].pop())
    moved = {
        sentence if sentence.endswith(".") else sentence + ".": (_TOPICS[origin].title(), _TOPICS[number].title())
        for number, row in enumerate(placed)
        for paragraph, origin in row
        if origin != number
        for sentence in paragraph.split(". ")
    }

    def markdown(rows: list[list[str]]) -> str:
        return "\n".join(
            f"## ({number + 1}) {_TOPICS[number].title()}\n\n" + "\n\n".join(row) + "\n"
            for number, row in enumerate(rows)
        )

    return markdown(paragraphs), markdown([[paragraph for paragraph, _ in row] for row in placed]), moved


@settings(max_examples=40, deadline=None)
@given(_shuffled_editions())
def test_paragraphs_shuffled_between_sections_are_found_moved(
    case: tuple[str, str, dict[str, tuple[str, str]]],
) -> None:
    old, new, moved = case
    left, right = edition("2016", old), edition("2022", new)
    alignment = align_editions(left, right)
    for mine, other in ((left, right), (right, left)):
        for section in mine.walk():
            for trace in alignment.trace(section.id):
                assert trace.status == "unchanged"  # every sentence is still there, word for word
                assert trace.moved == (trace.sentence.text in moved), trace.sentence.text
                # Its counterpart is the same sentence, in the section it went to (or came from).
                [counterpart] = trace.counterparts
                assert counterpart.text == trace.sentence.text
                origin, target = moved.get(trace.sentence.text, (section.title, section.title))
                assert other.section(counterpart.section_id).title == (target if mine is left else origin)
    again = align_editions(left, right)
    assert [(p.left and p.left.id, p.right and p.right.id) for p in again.pairs] == [
        (p.left and p.left.id, p.right and p.right.id) for p in alignment.pairs
    ]


@settings(max_examples=40, deadline=None)
@given(_shuffled_editions(), st.booleans())
def test_redlines_of_any_two_sections_rebuild_both_texts(
    case: tuple[str, str, dict[str, tuple[str, str]]], subtree: bool
) -> None:
    left, right = edition("2016", case[0]), edition("2022", case[1])
    alignment = align_editions(left, right)
    for old in left.walk():
        for new in right.walk():
            marked = redline(alignment, old, new, subtree=subtree)
            assert "".join(op.text for op in marked.ops if op.op != "insert") == compared_text(old, subtree)
            assert "".join(op.text for op in marked.ops if op.op != "delete") == compared_text(new, subtree)


@settings(max_examples=30, deadline=None)
@given(_shuffled_editions())
def test_any_edition_against_itself_is_unchanged_and_nothing_moves(
    case: tuple[str, str, list[tuple[str, str]]],
) -> None:
    same = edition("2016", case[0])
    alignment = align_editions(same, same)
    for section in same.walk():
        assert alignment.pair_for(section.id).status == "unchanged"
        for trace in alignment.trace(section.id):
            assert (trace.status, trace.moved) == ("unchanged", False)
            assert [c.address for c in trace.counterparts] == [trace.sentence.address]


def test_a_japanese_sentence_edited_is_traced_as_edited() -> None:
    # Written without spaces, Japanese is compared by pairs of characters, not as one word per clause.
    old = edition("2016", "## (1) 海洋\n\n日本は海洋の安全を支える。国際協力が重要だ。\n")
    new = edition("2022", "## (1) 海洋\n\n日本は海洋の安全を強く支える。国際協力が重要だ。\n")
    first, second = align_editions(old, new).trace("2016/1")
    assert (first.status, [c.text for c in first.counterparts]) == ("edited", ["日本は海洋の安全を強く支える。"])
    assert second.status == "unchanged"


def test_a_section_whose_sentences_are_all_unchanged_is_unchanged() -> None:
    # Quote style and footnote numbers are not changes, for a section as for its sentences.
    old = edition("2016", "## (1) Seas\n\nJapan’s “regional” seas matter.[1]\n\n[^1-1]: A note.\n")
    new = edition("2022", '## (1) Seas\n\nJapan\'s "regional" seas matter.[2]\n\n[^1-2]: A note.\n')
    alignment = align_editions(old, new)
    assert {trace.status for trace in alignment.trace("2016/1")} == {"unchanged"}
    assert alignment.pair_for("2016/1").status == "unchanged"
