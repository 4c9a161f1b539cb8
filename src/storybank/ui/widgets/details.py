"""The selected story's details on the bank screen: scores, findings, follow-ups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from storybank.ui.widgets import report_view as rv
from storybank.ui.widgets import unchanged

if TYPE_CHECKING:  # pragma: no cover
    from storybank.analysis.types import FollowupPrompt, StoryReport
    from storybank.bank import StoryFile
    from storybank.ui.state import BankState


class StoryDetails(VerticalScroll, can_focus=True):
    # What `show` was last given (shown again at the new width on a resize).
    _shown: tuple[StoryFile, StoryReport | None, list[FollowupPrompt] | None, BankState] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="details-body")

    def clear(self, text: str = "") -> None:
        self._shown = None
        unchanged.show(self.query_one("#details-body", Static), Content.styled(text, rv.MUTED))

    def show(self, sf: StoryFile, report: StoryReport | None, prompts: list[FollowupPrompt] | None,
             state: BankState) -> None:
        self._shown = (sf, report, prompts, state)
        if not self.scrollable_content_region.width:
            return  # not laid out yet: on_resize renders it at the width app.tcss gives
        width = max(20, self.scrollable_content_region.width)
        story = sf.story
        labels = " · ".join(state.label(q) for q in story.questions) or "no question types yet"
        who = " · ".join(x for x in (story.role, story.when) if x)
        parts = [
            *Content.styled(story.title or sf.id, "bold").wrap(width),
            *Content.assemble((labels, "$accent"), (f"   {who}" if who else "", rv.MUTED)).wrap(width),
            *rv.readiness_line(report, state.settings, width),
            Content(""),
            rv.heading("Scores"),
            *rv.scores(report, width),
            Content(""),
            rv.heading("Findings"),
            *rv.findings(report, width),
            Content(""),
            rv.heading("Follow-ups"),
            *rv.followups(prompts, width),
            Content(""),
            Content.styled(sf.path.name, rv.MUTED),
        ]
        # A change of state elsewhere (another story analysed, the log read) shows the same
        # story again: the same text is not laid out again.
        unchanged.show(self.query_one("#details-body", Static), rv.lines(parts))

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)
