"""The probe an interviewer asks after an answer, chosen from what the answer lacked (README "Judging an answer").

- a finding that names the answer's weak point (the catalog's `answer_weaknesses`: a
  disagreement only "talked out", a strength told as the failure, "flexible" with no hours) puts
  its probe first, with its reason (the judge orders `lacking` so);
- no lesson said → differently; no alternative weighed → alternatives; no mechanism → technical;
  "we" without who did what, or nobody named → collaborators (see `covered`). Among several, the
  first in that order, unless the session already asked it more often than another (so one mock
  interview does not ask "what would you do differently?" seven times);
- an answer that covered all four gets the probe the recognised story's prepared layers cover
  worst (the thinnest layer, in speaking seconds): that is where the interviewer's digging will
  find the least. Without a story, the probe asked least in the session.

The wording comes from the follow-up prompt generator (`analysis.followups`) run on the answer's
own parts, so a prompt quotes only what the candidate said ("How did you decide on a broadcast
join over …?"), never a layer they have not told, and falls back to the probe as asked.
Every choice carries its reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storybank.answers.report import NextProbe


def choose(probe_ids: Sequence[str], lacking: Sequence[str], reasons: Mapping[str, str], *,
           layer_seconds: Mapping[str, float] | None = None, asked: Sequence[str] = (),
           exclude: Sequence[str] = ()) -> tuple[str, str] | None:
    """(probe id, reason) for the next probe, or None when there is no probe to ask.

    `lacking` lists the probes the answer gave reason to ask, in order, with `reasons`;
    `layer_seconds` holds the recognised story's prepared layers in speaking seconds (None: no
    story); `asked` the probes asked so far in the session; `exclude` probes not to ask now (the
    one just answered)."""
    options = [p for p in probe_ids if p not in exclude] or list(probe_ids)
    if not options:
        return None
    order = {p: i for i, p in enumerate(options)}
    times = {p: asked.count(p) for p in options}
    wanted = [p for p in lacking if p in order]
    if wanted:
        probe = min(wanted, key=lambda p: (times[p], wanted.index(p)))
        return probe, reasons.get(probe, "")
    if layer_seconds is not None:
        probe = min(options, key=lambda p: (layer_seconds.get(p, 0.0), times[p], order[p]))
        seconds = layer_seconds.get(probe, 0.0)
        prepared = f"{seconds:.0f} s prepared" if seconds else "not prepared"
        return probe, (f"The answer covered all four probes' ground; your prepared {probe} layer "
                       f"is the thinnest ({prepared}).")
    probe = min(options, key=lambda p: (times[p], order[p]))
    return probe, "The answer covered all four probes' ground; this one was asked least so far."


def next_probe(probe_ids: Sequence[str], lacking: Sequence[str], reasons: Mapping[str, str],
               prompts: Mapping[str, str], questions: Mapping[str, str], *,
               layer_seconds: Mapping[str, float] | None = None, asked: Sequence[str] = (),
               exclude: Sequence[str] = ()) -> NextProbe:
    """The next probe with its wording: `prompts` worded around the answer, `questions` the
    catalog's plain wording of each probe (the fallback)."""
    found = choose(probe_ids, lacking, reasons, layer_seconds=layer_seconds, asked=asked,
                   exclude=exclude)
    if found is None:
        return NextProbe("", "Tell me more about that.", "The catalog has no probes.")
    probe, reason = found
    prompt = prompts.get(probe) or questions.get(probe) or "Tell me more about that."
    return NextProbe(probe, prompt, reason)
