"""Output helpers shared by the verbs: stable JSON on stdout, Rich for people."""

from __future__ import annotations

import json
import os
import sys
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from bluebook_tui.library import Section


# Rich lays out for 80 columns when it has no terminal to ask.
PIPED_WIDTH = 200


def print_json(data: Any) -> None:
    """Write `data` as the verb's JSON contract: UTF-8, indented, a trailing newline."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def console() -> Any:
    """A Rich console for human output (imported on use: JSON callers never pay for Rich). Written to a file or
    a pipe, lines are as long as a wide terminal's (or $COLUMNS), so tables keep their headings whole."""
    from rich.console import Console

    if sys.stdout.isatty():
        return Console()
    # $COLUMNS, when set, is the width asked for (`COLUMNS=80 bluebook compare … | less`).
    columns = os.environ.get("COLUMNS", "")
    return Console(width=int(columns) if columns.isdigit() and int(columns) > 0 else PIPED_WIDTH)


@overload
def section_ref(section: Section) -> dict[str, Any]: ...
@overload
def section_ref(section: Section | None) -> dict[str, Any] | None: ...
def section_ref(section: Section | None) -> dict[str, Any] | None:
    """A section as the JSON contracts name one: `{edition, id, heading, path}` (null for none)."""
    if section is None:
        return None
    return {"edition": section.edition, "id": section.id, "heading": section.heading, "path": list(section.path)}
