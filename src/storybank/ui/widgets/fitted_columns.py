"""A table whose columns have fixed widths but the last, which takes the room the others leave.

A DataTable cannot measure styled Content, so an auto width follows the plain text and cuts the
styled one; the coverage and "Which story?" tables give their last column the width that is left
instead, and set it again when the screen is resized.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.widgets import DataTable

# {column key: (its label, its width)}
Fixed = Mapping[str, tuple[str, int]]


def room_left(table: DataTable[object], fixed: Fixed, fallback: int) -> int:
    """The width the last column has: what the fixed columns and every column's padding leave of
    the table's width (`fallback` before the table has one)."""
    width = table.scrollable_content_region.width or fallback or 80
    used = sum(w for _label, w in fixed.values()) + 2 * table.cell_padding * (len(fixed) + 1)
    return max(8, width - used)


def add_columns(table: DataTable[object], fixed: Fixed, last: tuple[str, str], fallback: int) -> None:
    """The fixed columns, then the last one (its key and label) in the room they leave."""
    for key, (label, width) in fixed.items():
        table.add_column(label, key=key, width=width)
    table.add_column(last[1], key=last[0], width=room_left(table, fixed, fallback))
