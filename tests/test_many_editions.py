"""A library of four editions (#12): the pair compared is chosen, `e` picks the edition, `H` shows a section's
history, and every label names the editions it means."""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from bluebook_tui.library import Library, load_library
from bluebook_tui.search import SearchService
from bluebook_tui.ui.app import BluebookApp
from bluebook_tui.ui.screens.history import HistoryScreen
from bluebook_tui.ui.screens.pick_editions import EditionScreen, PairScreen
from bluebook_tui.ui.widgets.breadcrumb import Breadcrumb
from bluebook_tui.ui.widgets.search_panel import edition_counts
from tests.app_support import notices, reader, reader_pane, settle, text_in, until, wait_for_hits
from tests.support import run


def copy_edition(content: Path, source: str, edition: str, source_dir: Path | None = None) -> None:
    """A new edition with the same text as `source` (so every section has an identical counterpart in it)."""
    text = ((source_dir or content) / f"{source}.md").read_text(encoding="utf-8")
    text = text.replace(f'edition: "{source}"', f'edition: "{edition}"', 1)
    text = text.replace(f"Diplomatic Bluebook {source}", f"Diplomatic Bluebook {edition}", 1)
    (content / f"{edition}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def four(bundled_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("four") / "content"
    content.mkdir()
    for edition in ("2016", "2022"):
        shutil.copy(bundled_content / f"{edition}.md", content)
    copy_edition(content, "2016", "2017")
    copy_edition(content, "2022", "2023")
    return content


@pytest.fixture(scope="module")
def four_library(four: Path) -> Library:
    return load_library(four)


@pytest.fixture(scope="module")
def four_index(four_library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("four-index")
    SearchService(four_library, index_root=root).ensure_index()
    return root


def test_compare_names_the_editions_when_one_is_unknown(capsys: pytest.CaptureFixture[str], four: Path) -> None:
    code, out, err = run(capsys, "--content-dir", str(four), "--compare", "2016", "2099")
    assert (code, out) == (2, "")
    assert err.startswith("bluebook: no edition '2099'") and err.endswith("(editions: 2016, 2017, 2022, 2023)\n")
    assert err.count("\n") == 1
    code, _, err = run(capsys, "--content-dir", str(four), "--compare", "2017", "2017")
    assert code == 2 and err == "bluebook: compare two different editions, not 2017 with itself\n"


def test_history_follows_a_section_through_every_edition(capsys: pytest.CaptureFixture[str], four: Path) -> None:
    code, out, _ = run(capsys, "--content-dir", str(four), "history", "2017/5", "--json")
    assert code == 0
    data = json.loads(out)
    steps = [
        (step["edition"], step["section"]["id"] if step["section"] else None, step["status"]) for step in data["steps"]
    ]
    # 2016's "(5) Cyber" is 2022's "(3) Cyber"; 2017 and 2023 copy them word for word.
    assert steps == [
        ("2016", "2016/5", "start"),
        ("2017", "2017/5", "unchanged"),
        ("2022", "2022/3", "changed"),
        ("2023", "2023/3", "unchanged"),
    ]
    assert data["steps"][1]["kept"] == 1.0
    code, out, _ = run(capsys, "--content-dir", str(four), "history", "2022/2", "--json")
    statuses = [(step["edition"], step["status"]) for step in json.loads(out)["steps"]]
    assert statuses == [("2016", "absent"), ("2017", "absent"), ("2022", "added"), ("2023", "unchanged")]


def test_search_counts_every_edition_in_one_pass(four_library: Library, four_index: Path) -> None:
    service = SearchService(four_library, index_root=four_index)
    results = service.search("piracy", limit=1)
    assert dict(results.per_edition) == {"2016": 6, "2017": 6, "2022": 4, "2023": 4}
    assert sum(count for _, count in results.per_edition) == results.total == 20


def test_fifty_editions_bars_keep_to_the_top_ones_then_others() -> None:
    counts = {str(1973 + year): year % 7 for year in range(50)}
    bars = edition_counts(counts).plain
    assert bars.count("█") > 0 and len(bars) < 160
    assert "45 others" in bars
    top = sorted(counts, key=lambda edition: (-counts[edition], edition))[:5]
    assert all(edition in bars for edition in top)
    assert f"others {sum(counts.values()) - sum(counts[edition] for edition in top)}" in bars


@pytest.mark.parametrize("width", [30, 50, 72, 116])
def test_the_bars_wrap_within_the_width_and_keep_every_count_and_the_hint(width: int) -> None:
    counts = {"2023": 4, "2022": 4, "2017": 6, "2016": 6}
    hint = "ctrl+o: a hit's counterpart"
    lines = edition_counts(counts, hint, width).plain.split("\n")
    assert all(len(line) <= width for line in lines), lines
    assert len(lines) <= 3
    for edition, count in counts.items():
        assert any(re.search(rf"{edition} \D*?\b{count}\b", line) for line in lines), (edition, lines)
    assert hint in lines[-1]


async def test_the_search_bars_of_four_editions_fit_80_columns(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    async with four_app(four_library, data_dir, four_index, "2023/1", None).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        comparison = reader(pilot).comparison
        assert comparison is not None
        await asyncio.to_thread(comparison.ensure)
        await pilot.press("slash", *"piracy")
        await wait_for_hits(pilot)
        shown = " ".join(text_in(pilot, pilot.app.screen.query_one("#edition-counts")))
        for edition, count in SearchService(four_library, index_root=four_index).search("piracy").per_edition:
            assert re.search(rf"{edition} \D*?\b{count}\b", shown), (edition, shown)
        assert "ctrl+o: a hit's counterpart" in shown


def four_app(
    library: Library, data_dir: Path, index_root: Path, section: str, pair: tuple[str, str] | None
) -> BluebookApp:
    return BluebookApp(library, data_dir, start_section_id=section, index_root=index_root, pair=pair)


async def test_the_app_compares_the_pair_asked_for_and_labels_it(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    app = four_app(four_library, data_dir, four_index, "2017/5", ("2016", "2017"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: reader(pilot).comparing and reader(pilot).side_by_side().panes()[1].section)
        await settle(pilot)
        view = reader(pilot).side_by_side()
        assert [str(column.border_title).split(" · ")[0] for column in view.query("EditionColumn")] == ["2016", "2017"]
        assert [pane.section.id for pane in view.panes() if pane.section] == ["2016/5", "2017/5"]
        await pilot.press("slash")
        assert pilot.app.screen.query_one(Input).placeholder == "Search all editions…"


async def test_comparing_two_older_editions_opens_their_nodes_in_the_tree(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    app = four_app(four_library, data_dir, four_index, "2022/3", ("2017", "2022"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: reader(pilot).comparing and reader(pilot).side_by_side().panes()[1].section)
        await settle(pilot)
        tree = reader(pilot).section_tree()
        assert tree is not None
        opened = {str(node.label).split()[0]: node.is_expanded for node in tree.root.children}
        assert opened == {"2023": False, "2022": True, "2017": True, "2016": False}
        assert tree.cursor_node is not None and tree.cursor_node.data == "2022/3"
        assert tree.scroll_y <= tree.cursor_line < tree.scroll_y + tree.size.height


async def test_e_picks_the_edition_and_says_which_has_no_counterpart(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    async with four_app(four_library, data_dir, four_index, "2022/2", None).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, EditionScreen))
        options = pilot.app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == ["2023", "2017", "2016"]
        await pilot.press("enter")
        await until(pilot, lambda: reader(pilot).section.id == "2023/2")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, EditionScreen))
        await pilot.press("down", "down", "enter")  # 2016, which has no economic security section
        await until(pilot, lambda: any("no counterpart in 2016" in str(n.message) for n in pilot.app._notifications))
        assert reader(pilot).section.id == "2023/2"


async def test_e_asks_about_a_long_heading_whole_under_a_short_title(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    section = four_library.section("2023/4.A.C")
    assert len(section.heading) > 130
    async with four_app(four_library, data_dir, four_index, section.id, None).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(pilot.app.screen, EditionScreen))
        await settle(pilot)
        rows = text_in(pilot, pilot.app.screen.query_one("#pick"))
        title = rows[0].strip("╭─╮ ")
        assert title == "Other edition"
        assert section.heading in " ".join(row.strip("│ ") for row in rows[1:])


async def test_the_pair_is_picked_in_the_app_and_the_same_edition_twice_is_refused(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    async with four_app(four_library, data_dir, four_index, "2016/5", None).run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert (reader(pilot).comparison.left_edition, reader(pilot).comparison.right_edition) == ("2022", "2023")
        await pilot.press("P")
        await until(pilot, lambda: isinstance(pilot.app.screen, PairScreen))
        screen = pilot.app.screen
        screen.query_one("#pick-left", OptionList).highlighted = 1  # 2017
        screen.query_one("#pick-right", OptionList).highlighted = 1  # 2017 again
        screen.query_one("#pick-right", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert any("not 2017 twice" in str(n.message) for n in pilot.app._notifications)
        screen.query_one("#pick-left", OptionList).highlighted = 0  # 2016
        await pilot.press("enter")
        await until(pilot, lambda: reader(pilot).comparison.right_edition == "2017")
        await pilot.press("c")
        await until(pilot, lambda: reader(pilot).comparing and reader(pilot).side_by_side().panes()[1].section)
        await settle(pilot)
        view = reader(pilot).side_by_side()
        assert [str(column.border_title).split(" · ")[0] for column in view.query("EditionColumn")] == ["2016", "2017"]
        assert [pane.section.id for pane in view.panes() if pane.section] == ["2016/5", "2017/5"]


@pytest.mark.parametrize("size", [(40, 12), (80, 24)])
async def test_the_pair_picker_says_all_its_keys_at_40_columns(
    four_library: Library, data_dir: Path, four_index: Path, size: tuple[int, int]
) -> None:
    async with four_app(four_library, data_dir, four_index, "2023/1", None).run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("P")
        await until(pilot, lambda: isinstance(pilot.app.screen, PairScreen))
        await settle(pilot)
        rows = text_in(pilot, pilot.app.screen.query_one("#pick"))
        assert "enter choose" in rows[-1] and "esc cancel" in rows[-1] and "…" not in rows[-1]
        assert "tab" in " ".join(rows)


async def test_h_shows_the_history_and_opens_a_step(four_library: Library, data_dir: Path, four_index: Path) -> None:
    async with four_app(four_library, data_dir, four_index, "2016/5", None).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))
        table = pilot.app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 4)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(4)]
        assert [row[0] for row in rows] == ["2016", "2017", "2022", "2023"]
        assert rows[2][1] == "2022/3  (3) Cyber" and "changed" in rows[2][2]
        assert table.cursor_row == 0  # on the section being read
        await pilot.press("down", "down", "enter")
        await until(pilot, lambda: reader(pilot).section.id == "2022/3")


async def test_h_fits_a_long_heading_into_80_columns_with_its_status_and_share_kept(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    async with four_app(four_library, data_dir, four_index, "2023/4.A.C", None).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("H")
        await until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))
        table = pilot.app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 4)
        await settle(pilot)
        rows = text_in(pilot, table)
        assert [row.split()[-1] for row in rows[:1]] == ["kept"]
        row_2022 = next(row for row in rows if row.strip().startswith("2022"))
        assert re.search(r"2022/4\.A\.C  \(C\) Challenge to Japan's .*…\s+changed\s+\d+%", row_2022), row_2022


@pytest.fixture(scope="module")
def fifty(bundled_content: Path, tmp_path_factory: pytest.TempPathFactory) -> Library:
    content = tmp_path_factory.mktemp("fifty") / "content"
    content.mkdir()
    for year in range(1973, 2023):
        copy_edition(content, "2016" if year % 2 else "2022", str(year), source_dir=bundled_content)
    return load_library(content)


async def test_with_fifty_editions_the_tree_fills_an_edition_when_it_is_opened(
    fifty: Library, data_dir: Path, tmp_path: Path
) -> None:
    from bluebook_tui.ui.widgets.section_tree import SectionTree

    assert len(fifty.editions) == 50
    app = BluebookApp(fifty, data_dir, start_section_id="2022/4.A", index_root=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        tree = pilot.app.screen.query_one(SectionTree)
        filled = {section_id.partition("/")[0] for section_id in tree._section_nodes}
        assert filled == {"2022"}
        editions = [node for node in tree.root.children]
        assert len(editions) == 50 and [node.is_expanded for node in editions].count(True) == 1
        node_1980 = next(node for node in editions if str(node.label).startswith("1980"))
        node_1980.expand()
        await pilot.pause()
        assert "1980/4.A" in tree._section_nodes and node_1980.children
        reader(pilot).open_section("1975/2.A")
        await settle(pilot)
        assert tree.cursor_node is not None and tree.cursor_node.data == "1975/2.A"


def test_trend_charts_every_edition(capsys: pytest.CaptureFixture[str], four: Path) -> None:
    code, out, _ = run(capsys, "--content-dir", str(four), "trend", "piracy", "--json")
    rows = {row["edition"]: row for row in json.loads(out)["editions"]}
    assert code == 0 and list(rows) == ["2016", "2017", "2022", "2023"]
    assert rows["2016"]["occurrences"] == rows["2017"]["occurrences"] > 0
    assert rows["2022"]["per_10k_words"] == rows["2023"]["per_10k_words"] > 0
    _, chart, _ = run(capsys, "--content-dir", str(four), "trend", "piracy")
    bars = [line for line in chart.splitlines() if "█" in line]
    assert [line.split()[0] for line in bars] == ["2016", "2017", "2022", "2023"]


async def test_h_opens_an_edition_outside_the_pair_alone_and_says_why(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    app = four_app(four_library, data_dir, four_index, "2023/3", ("2022", "2023"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: reader(pilot).comparing and reader(pilot).side_by_side().panes()[1].section)
        await settle(pilot)
        await pilot.press("H")
        await until(pilot, lambda: isinstance(pilot.app.screen, HistoryScreen))
        table = pilot.app.screen.query_one(DataTable)
        await until(pilot, lambda: table.row_count == 4)
        assert table.cursor_row == 3  # 2023, the section being read
        await pilot.press("up", "up", "enter")  # 2017's "(5) Cyber", outside the pair
        await until(pilot, lambda: not reader(pilot).comparing)
        await settle(pilot)
        assert reader_pane(pilot).section is not None and reader_pane(pilot).section.id == "2017/5"
        assert reader(pilot).query_one(Breadcrumb).edition == "2017"
        assert "2017 is not in the compared pair 2022 → 2023; shown alone" in " ".join(notices(pilot))


async def test_picking_another_pair_while_side_by_side_shows_it_at_once(
    four_library: Library, data_dir: Path, four_index: Path
) -> None:
    app = four_app(four_library, data_dir, four_index, "2017/5", ("2016", "2017"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: reader(pilot).comparing and reader(pilot).side_by_side().panes()[1].section)
        await pilot.press("P")
        await until(pilot, lambda: isinstance(pilot.app.screen, PairScreen))
        pilot.app.screen.query_one("#pick-left", OptionList).highlighted = 2  # 2022
        pilot.app.screen.query_one("#pick-right", OptionList).highlighted = 3  # 2023
        pilot.app.screen.query_one("#pick-right", OptionList).focus()
        await pilot.press("enter")
        await until(pilot, lambda: reader(pilot).side_by_side().left_edition == "2022")
        await until(pilot, lambda: bool(reader(pilot).side_by_side().panes()[1].section))
        await settle(pilot)
        view = reader(pilot).side_by_side()
        assert reader(pilot).comparing and view.display, "still side by side, now with the new pair"
        # 2017's Cyber is shown by its counterpart in the pair: 2023's, facing 2022's.
        assert [pane.section.id for pane in view.panes() if pane.section] == ["2022/3", "2023/3"]
        tree = reader(pilot).section_tree()
        assert tree is not None and tree._edition_nodes["2023"].is_expanded
        assert not tree._edition_nodes["2016"].is_expanded, "the tree opens the pair compared now"
