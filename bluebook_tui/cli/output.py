"""Output helpers shared by the verbs: stable JSON on stdout, Rich for people."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any, Literal, Protocol, overload

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


class NamesASection(Protocol):
    """What `section_json` reads at least: a `Section`, or a record naming one (a search hit, a concordance line)."""

    @property
    def edition(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def heading(self) -> str: ...


# The attributes a section can be written with; tuples (`path`) become lists.
SectionField = Literal["edition", "id", "number", "title", "heading", "kind", "path", "markdown", "text"]
# How the JSON contracts name a section where they refer to one.
REFERENCE: tuple[SectionField, ...] = ("edition", "id", "heading", "path")


@overload
def section_json(section: NamesASection, fields: Sequence[SectionField] = ..., **extra: object) -> dict[str, Any]: ...
@overload
def section_json(
    section: NamesASection | None, fields: Sequence[SectionField] = ..., **extra: object
) -> dict[str, Any] | None: ...
def section_json(
    section: NamesASection | None, fields: Sequence[SectionField] = REFERENCE, **extra: object
) -> dict[str, Any] | None:
    """A section as every verb's JSON gives one: `fields` in that order (by default `{edition, id, heading,
    path}`), then `extra`; null for none. The one mapping, so a section reads the same in every verb."""
    if section is None:
        return None
    data: dict[str, Any] = {}
    for name in fields:
        value = getattr(section, name)
        data[name] = list(value) if isinstance(value, tuple) else value
    data.update(extra)
    return data
