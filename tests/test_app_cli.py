"""`bluebook` with no verb: options are checked before the app starts."""

from __future__ import annotations

import pytest

from bluebook_tui.cli import main


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--section", "2022/99"], "no section '2022/99' in edition 2022"),
        (["--edition", "1999"], "no edition '1999'"),
        (["--edition", "2016", "--section", "2022/1"], "section '2022/1' is not in edition 2016"),
    ],
)
def test_unknown_places_are_one_line_on_stderr_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
