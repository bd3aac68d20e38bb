"""The library verbs as scripts use them: stable JSON, one-line errors with exit 2, nothing written half-way."""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from tests.support import run

NODE_KEYS = {"id", "number", "title", "heading", "kind", "children"}


def test_editions_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "editions", "--json")
    assert code == 0
    editions = json.loads(out)
    assert [edition["id"] for edition in editions] == ["2016", "2022"]
    assert editions[1]["book"] == "Diplomatic Bluebook 2022"


def test_toc_json_nests_nodes_with_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "toc", "--edition", "2016", "--json")
    assert code == 0
    nodes = json.loads(out)

    def check(node: dict) -> None:
        assert set(node) == NODE_KEYS
        for child in node["children"]:
            check(child)

    for node in nodes:
        check(node)
    assert [node["heading"] for node in nodes][:2] == ["(1) Regional Security", "(2) Peacekeeping and Peacebuilding"]
    trafficking = nodes[2]["children"][4]
    assert trafficking["children"][0]["kind"] == "column"


def test_toc_json_of_every_edition_has_edition_roots(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "toc", "--json")
    roots = json.loads(out)
    assert [(root["id"], root["kind"], root["title"]) for root in roots] == [
        ("2016", "edition", "Global Security"),
        ("2022", "edition", "Global Security"),
    ]


def test_show_json_gives_own_body_path_and_text(capsys: pytest.CaptureFixture[str], library: Library) -> None:
    code, out, _ = run(capsys, "show", "2016/3.D", "--json")
    assert code == 0
    shown = json.loads(out)
    assert set(shown) == {"id", "edition", "heading", "path", "markdown", "text"}
    assert shown["path"] == [
        "(3) Initiatives to Combat Security Threats",
        "D. Measures to Combat Money Laundering and the Financing of Terrorism",
    ]
    assert "[^3.D-4]" in shown["markdown"]
    assert "(FATF)[4] has" in shown["text"] and "[^" not in shown["text"]
    _, out, _ = run(capsys, "show", "2016/4", "--json")
    assert "Open and Stable Seas" in json.loads(out)["text"]
    assert "Senkaku" not in json.loads(out)["markdown"], "a section's body excludes its children's"


def test_show_renders_for_people(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "2016/3.D")
    assert code == 0
    assert "D. Measures to Combat Money Laundering" in out
    assert "(FATF)[4] has" in out and "{.caption}" not in out


def test_toc_renders_a_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "toc", "--edition", "2022")
    assert code == 0
    assert "(6) Peacekeeping and Peacebuilding" in out and "Column" in out


def test_export_is_the_edition_markdown(capsys: pytest.CaptureFixture[str], bundled_content: Path) -> None:
    code, out, _ = run(capsys, "export", "--edition", "2022")
    assert code == 0
    assert out == (bundled_content / "2022.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        (["show", "2016/9"], "2016/1, 2016/2"),
        (["show", "1999/1"], "2016, 2022"),
        (["toc", "--edition", "1999"], "2016, 2022"),
        (["export", "--edition", "2030"], "2016, 2022"),
        (["--content-dir", "/nonexistent/library", "toc"], "/nonexistent/library"),
    ],
)
def test_unknown_things_are_one_line_naming_what_exists(
    capsys: pytest.CaptureFixture[str], argv: list[str], names: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and names in err


def test_content_dir_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bundled_content: Path
) -> None:
    shutil.copy(bundled_content / "2016.md", tmp_path)
    monkeypatch.setenv("BLUEBOOK_CONTENT_DIR", str(tmp_path))
    _, out, _ = run(capsys, "editions", "--json")
    assert [edition["id"] for edition in json.loads(out)] == ["2016"]


def test_ingest_writes_the_edition_and_its_source(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled_content: Path
) -> None:
    source = bundled_content / "2022.txt"
    code, out, _ = run(capsys, "--content-dir", str(tmp_path), "ingest", str(source), "--edition", "2022")
    assert code == 0 and "2022" in out
    assert (tmp_path / "2022.md").read_bytes() == (bundled_content / "2022.md").read_bytes()
    assert (tmp_path / "2022.txt").read_bytes() == source.read_bytes()
    assert run(capsys, "--content-dir", str(tmp_path), "ingest", str(source), "--edition", "2022")[0] == 0


def test_ingest_does_not_replace_a_different_edition_without_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled_content: Path
) -> None:
    shutil.copy(bundled_content / "2016.md", tmp_path / "2022.md")
    before = (tmp_path / "2022.md").read_bytes()
    argv = ["--content-dir", str(tmp_path), "ingest", str(bundled_content / "2022.txt"), "--edition", "2022"]
    code, _, err = run(capsys, *argv)
    assert code == 2 and "--force" in err
    assert (tmp_path / "2022.md").read_bytes() == before
    assert run(capsys, *argv, "--force")[0] == 0
    assert (tmp_path / "2022.md").read_bytes() == (bundled_content / "2022.md").read_bytes()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("Diplomatic Bluebook\n\nCafé".encode("latin-1"), "not UTF-8"),
        (b"", "empty"),
        (b" \n\r\n\t\n", "empty"),
        (b"Just a paragraph of text.\n\nAnd another one.\n", "no headings"),
    ],
)
def test_ingest_refuses_bad_sources_in_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    source = tmp_path / "source.txt"
    source.write_bytes(content)
    library = tmp_path / "library"
    code, _, err = run(capsys, "--content-dir", str(library), "ingest", str(source), "--edition", "2030")
    assert code == 2
    assert err.count("\n") == 1 and message in err
    assert not library.exists()


def test_ingest_names_a_missing_source_and_a_bad_id(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--content-dir", str(tmp_path), "ingest", "missing.txt", "--edition", "2030")
    assert code == 2 and "missing.txt" in err
    code, _, err = run(capsys, "--content-dir", str(tmp_path), "ingest", "missing.txt", "--edition", "../up")
    assert code == 2 and "edition id" in err


def test_the_installed_command_never_prints_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bluebook_tui", "show", "no-such-id"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_app_options_parse_without_the_verbs_and_verbs_still_parse() -> None:
    from bluebook_tui.cli import parse_arguments

    opening = parse_arguments(["--section", "2022/4.A", "--content-dir", "lib"])
    assert (opening.verb, opening.section, opening.content_dir) == (None, "2022/4.A", "lib")
    listing = parse_arguments(["--content-dir", "lib", "toc", "--edition", "2016"])
    assert (listing.verb, listing.edition, listing.content_dir) == ("toc", "2016", "lib")


def _verbs(parser: argparse.ArgumentParser) -> list[str]:
    (subparsers,) = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return sorted(subparsers.choices)


def test_a_verb_named_builds_its_own_parser_and_every_verb_is_known_by_name() -> None:
    from bluebook_tui.cli import VERB_MODULES, build_parser

    assert _verbs(build_parser()) == sorted(VERB_MODULES)  # a verb added to a module but not to the map fails here
    for verb, module in VERB_MODULES.items():
        assert _verbs(build_parser(verb=verb)) == sorted(name for name, of in VERB_MODULES.items() if of == module)


def test_a_command_line_naming_no_verb_still_lists_them_all(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "serach", "piracy")
    assert code == 2 and out == ""
    assert "invalid choice: 'serach'" in err and "'search'" in err and "'bookmarks'" in err


def test_a_command_line_that_is_the_whole_process_leaves_the_collector_nothing_to_walk_at_exit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The interpreter's last collection would walk all that is left (~200 ms after the app): frozen out of it;
    not when a caller runs a command line in its own process, which goes on."""
    import gc

    from bluebook_tui.cli import main

    gc.unfreeze()
    try:
        assert main(["editions"]) == 0
        assert gc.get_freeze_count() == 0
        monkeypatch.setattr(sys, "argv", ["bluebook", "editions"])
        assert main() == 0
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
    assert "2016" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (("compare", "2016", "2016"), "bluebook: compare two different editions, not 2016 with itself"),
        (("keywords", "2022", "2022", "--json"), "bluebook: compare two different editions, not 2022 with itself"),
        (("shifts", "2016", "2016"), "bluebook: compare two different editions, not 2016 with itself"),
    ],
)
def test_an_edition_compared_with_itself_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], error: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out, err) == (2, "", error + "\n")
