"""Judging an answer that is not a file (README "Judging an answer"): running text, typed or transcribed, judged as
the interviewer judges what was said.

One job per module, composed by `judge`:

- `data`      the cue lists of `data/answers.toml`, compiled once;
- `segment`   finds the situation, action, outcome and reflection in the text, sentence by sentence;
- `recognise` which bank story, if any, the answer tells, from its names, numbers and phrases;
- `covered`   what the answer covered and lacked (a lesson, an alternative, a mechanism, people);
- `probe`     the probe an interviewer would ask next, with its reason, worded around the answer;
- `followup`  whether a follow-up answer went deeper or restarted the story;
- `recital`   whether the answer recites the written story (one verdict for every screen);
- `report`    the typed records that cross to the screens and the command line;
- `judge`     the orchestrator: text in, an `AnswerReport` out.

No Textual, no I/O. Like `storybank.analysis`, this package module imports nothing, so loading one
piece does not load them all.
"""
