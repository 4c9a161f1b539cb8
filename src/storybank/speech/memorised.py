"""Does the spoken answer recite the written story word for word?

One implementation: the drill's check (`storybank.drill.check_memorised`: 4-word runs and a
character ratio, the same threshold). Speech adds one step before calling it: both texts get their
numbers as digits, because the story says "5 hours 40 minutes" and the recogniser may write "five
hours, 40 minutes". Measured on the test fixtures with tiny.en: a recital of the example story
scores 0.94, a candid retelling of the same story 0.44, against the threshold of 0.7.
"""

from __future__ import annotations

from storybank.drill import MEMORISED_THRESHOLD, MemorisationCheck, check_memorised
from storybank.speech.numbers import with_digits


def spoken_memorised(transcript: str, written: str,
                     threshold: float = MEMORISED_THRESHOLD) -> MemorisationCheck:
    return check_memorised(with_digits(transcript), with_digits(written), threshold)
