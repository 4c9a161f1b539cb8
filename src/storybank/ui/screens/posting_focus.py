"""A mock interview tailored to a saved job posting (`storybank interview --posting NAME`, or
`i` on the postings screen): the screen half of `storybank.postings.tailor`.

The posting is checked against the bank in a worker once the bank is loaded; until then the
interview waits, as it waits for the analysis. A posting that cannot be read is said once, and
the interview runs untailored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from textual import work
from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:  # pragma: no cover
    from storybank.bank import Bank
    from storybank.postings.tailor import InterviewFocus, SkillProbe
    from storybank.ui.app import StorybankApp


class FocusReady(Message):
    def __init__(self, focus: InterviewFocus | None, error: str | None = None) -> None:
        super().__init__()
        self.focus = focus
        self.error = error


class PostingFocus(Screen[None]):
    """The interview screen's base: `posting` names the saved posting, `posting_focus` holds
    what it changes once worked out; `_maybe_plan` (the screen's) runs when it is."""

    app: StorybankApp
    posting: str | None = None
    posting_focus: InterviewFocus | None = None
    focus_done = False
    _focus_started = False
    asked_skills: list[str]

    def focus_pending(self) -> bool:
        """True (and the posting is being checked) while the plan must wait for the focus."""
        if not self.posting or self.focus_done:
            return False
        if not self._focus_started:
            self._focus_started = True
            self.asked_skills = []
            self._check_posting(self.app.state.opened.bank, self.posting)
        return True

    def _maybe_plan(self) -> None:  # pragma: no cover - the interview plans its session
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="posting-focus", name="tailor to a posting")
    def _check_posting(self, bank: Bank, name: str) -> None:
        from storybank.errors import StorybankError
        from storybank.postings.api import interview_focus_for

        try:
            self.post_message(FocusReady(interview_focus_for(bank, name)))
        except StorybankError as exc:
            self.post_message(FocusReady(None, str(exc)))

    def on_focus_ready(self, message: FocusReady) -> None:
        self.posting_focus, self.focus_done = message.focus, True
        if message.error:
            self.app.notify(f"{message.error}. The interview is not tailored.", severity="warning")
        self._maybe_plan()

    def tailored_boost(self) -> Mapping[str, float] | None:
        focus = self.posting_focus
        return focus.boost if focus else None

    def tailored_candidates(self, candidates: Mapping[str, Sequence[str]]) -> Mapping[str, Sequence[str]]:
        focus = self.posting_focus
        return focus.candidates(candidates) if focus else candidates

    def tailored_probe(self, story: str | None) -> SkillProbe | None:
        """The technical probe on the posting's named skill this story shows, once per skill."""
        focus = self.posting_focus
        probe = focus.skill_probe(story, self.asked_skills) if focus else None
        if probe is not None:
            self.asked_skills.append(probe.skill)
        return probe
