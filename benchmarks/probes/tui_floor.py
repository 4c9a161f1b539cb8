"""Floor for the UI: a bare Textual app (Header, a DataTable of N rows, Footer).

    tui_floor.py N             headless, from process start until its rows are on screen, then exit
    tui_floor.py N --terminal  in the real terminal, staying up (timed from outside by run.py)
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

N = int(sys.argv[1])
TERMINAL = "--terminal" in sys.argv[2:]


class Bare(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("✓", "title", "questions", "spoken")
        table.add_rows([("✓", f"Story number {i}", "project, failure", "72s") for i in range(N)])
        if not TERMINAL:
            self.call_after_refresh(self.exit)


if TERMINAL:
    Bare().run()
else:
    Bare().run(headless=True, size=(120, 40))
