"""`storybank rehearse ID [--audio FILE]`: hear a spoken answer and analyse what was said (README "Spoken practice").

Exit 0 when the answer was analysed, 2 when it could not be (no such story, unusable audio, no
speech engine, no microphone): one line on stderr that says what to do, never a traceback.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any

from storybank.cli.common import find_story, open_bank, open_catalog
from storybank.cli.output import Painter, grouped, print_json, safe, use_colour
from storybank.errors import StorybankError

if TYPE_CHECKING:
    from argparse import Namespace
    from pathlib import Path
    from typing import TextIO

    from storybank.answers.report import AnswerReport
    from storybank.bank import StoryFile
    from storybank.catalog import Catalog
    from storybank.cli import Context
    from storybank.cli.output import Painter
    from storybank.settings import Settings
    from storybank.speech.analyse import Spoken
    from storybank.speech.listen import AnswerListener
    from storybank.speech.recorder import AudioSource
    from storybank.speech.report import SpokenReport


def _question(args: Namespace, sf: StoryFile, catalog: Catalog) -> str | None:
    if args.question:
        if catalog.question(args.question) is None:
            raise StorybankError(f"unknown question type `{args.question}`; known: "
                                 f"{', '.join(catalog.question_ids())}")
        return str(args.question)
    return next((q for q in sf.story.questions if catalog.question(q) is not None), None)


def _probe(args: Namespace, catalog: Catalog) -> str | None:
    if args.probe and args.probe not in catalog.probe_ids():
        raise StorybankError(f"unknown probe `{args.probe}`; known: {', '.join(catalog.probe_ids())}")
    return args.probe or None


def _from_file(path: Path, settings: Settings, base: Path | None,
               names: str = "") -> tuple[Spoken, Any, str]:
    from storybank.speech import engine
    from storybank.speech.analyse import Spoken
    from storybank.speech.audio import load_audio
    from storybank.speech.delivery import prompt
    from storybank.speech.vad import speech_regions

    audio = load_audio(path)
    model = engine.get(settings.speech_model, base)
    heard = model.transcribe(audio.samples, prompt=f"{prompt()} {names}".strip())
    regions = speech_regions(audio.samples)
    return Spoken(heard, tuple(regions), audio.seconds), audio.samples, model.name


def _wait_for_enter(listener: AnswerListener, source: object, limit: float) -> None:
    """Until Enter, the end-of-answer silence, the time limit, a device error, or the end of a
    source that can end."""
    import select

    deadline = time.monotonic() + limit
    done = getattr(source, "done", None)
    try:
        stdin = [sys.stdin] if sys.stdin is not None and sys.stdin.isatty() else []
        if stdin:
            stdin[0].fileno()
    except (OSError, ValueError, AttributeError):
        stdin = []
    while listener.recorder.running and time.monotonic() < deadline:
        if listener.ended.is_set() or (done is not None and done.is_set()):
            return
        if stdin:
            ready, _, _ = select.select(stdin, [], [], 0.1)
            if ready:
                stdin[0].readline()
                return
        else:
            time.sleep(0.05)


def microphone() -> AudioSource:
    """The audio source for a recording (a seam: tests put a fake source here)."""
    from storybank.speech.recorder import MicrophoneSource

    return MicrophoneSource()


def _from_microphone(limit: float, settings: Settings, base: Path | None) -> tuple[Spoken, Any, str]:
    from storybank.speech import engine
    from storybank.speech.delivery import prompt
    from storybank.speech.listen import AnswerListener

    source = microphone()
    listener = AnswerListener(source, lambda: engine.get(settings.speech_model, base), prompt(),
                              end_silence=settings.end_silence_seconds,
                              no_speech=settings.no_speech_seconds, limit=limit)
    listener.start()
    sys.stderr.write(f"Recording: answer now. It ends after {settings.end_silence_seconds:g} s of "
                     f"silence, when you press Enter, or after {limit:.0f} s.\n")
    sys.stderr.flush()
    try:
        _wait_for_enter(listener, source, limit)
    finally:
        samples = listener.stop()
    spoken = listener.finish("microphone")
    return spoken, samples, engine.get(settings.speech_model, base).name


def _keep(bank_root: Path, story_id: str, samples: Any) -> str:
    import io

    import soundfile

    from storybank.atomic import atomic_write
    from storybank.settings import TOOL_DIR

    folder = bank_root / TOOL_DIR / "recordings"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-{story_id}.flac"
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, 16000, format="FLAC")
    atomic_write(path, buffer.getvalue())
    return str(path)


def _log(bank_root: Path, report: SpokenReport, question: str | None, probe: str | None) -> str | None:
    from storybank.practice import PracticeRecord, append_record

    if not question:
        return "not added to the practice log: the story names no known question type (use --question)"
    seconds = report.span_seconds
    record = PracticeRecord(ts=time.time(), question=question, story=report.story, probe=probe,
                            answer_seconds=None if probe else seconds,
                            followup_seconds=seconds if probe else None,
                            spoken=None if probe else report, followup_spoken=report if probe else None)
    try:
        append_record(bank_root, record)
    except OSError as exc:
        return f"not added to the practice log ({exc.strerror or exc})"
    return None


def _check_limit(args: Namespace) -> None:
    """--limit is a positive number of seconds, and only for the microphone."""
    if args.limit is None:
        return
    if not args.limit > 0:
        raise StorybankError(f"--limit {args.limit:g}: give the seconds to record, more than 0")
    if args.audio:
        raise StorybankError("--limit sets how long the microphone records; a file given with --audio "
                             "is analysed whole: leave out --limit, or trim the file")


def run(args: Namespace, ctx: Context) -> int:
    from pathlib import Path

    from storybank.speech.analyse import analyse

    _check_limit(args)
    bank = open_bank(ctx)
    catalog = open_catalog(bank)
    sf = find_story(bank, args.id)
    question, probe = _question(args, sf, catalog), _probe(args, catalog)
    settings = bank.settings
    base = settings.source.parent if settings.source else bank.root
    from storybank.speech import engine

    engine.preload(settings.speech_model, base)  # loads while the file is read / the user speaks
    if args.audio:
        from storybank.speech.said import recogniser_hints

        names = ", ".join(recogniser_hints(sf.story, limit=6))  # so "libvips" is heard as spelled
        spoken, samples, model = _from_file(Path(args.audio), settings, base, f"{names}." if names else "")
    else:
        limit = args.limit or (settings.followup_seconds[1] if probe else
                               settings.answer_limit_seconds) + 30
        spoken, samples, model = _from_microphone(limit, settings, base)
    where = args.audio or "the recording"
    from storybank.speech.quality import UnheardError, judge

    verdict = judge(spoken.heard, spoken.regions)
    if verdict is not None:  # not scored, not logged: one line that says why
        raise UnheardError(verdict, str(where))
    if not spoken.regions or not spoken.heard.text.strip():
        raise StorybankError(f"{where}: no speech heard; check the microphone or the file and try again")
    audio = str(args.audio) if args.audio else None
    if args.keep_audio or settings.keep_audio:
        audio = _keep(bank.root, sf.id, samples)
    from storybank.answers.judge import bank_stories

    report = analyse(sf, catalog, settings, spoken, question=question, probe=probe, audio=audio,
                     engine={"name": "faster-whisper", "model": model},
                     stories=bank_stories(bank.stories))
    notice = _log(bank.root, report, question, probe)
    if ctx.json:
        print_json(report.to_json())
    else:
        _print(report, sf)
    if notice:
        sys.stderr.write(f"storybank: {notice}\n")
    return 0


def _print(r: SpokenReport, sf: StoryFile) -> None:
    """The report for a person (`r`: a `speech.report.SpokenReport`)."""
    import textwrap

    paint = Painter(use_colour())
    out = sys.stdout
    what = f"follow-up ({r.probe})" if r.probe else f"answer to {r.question or 'the story'}"
    out.write(f"{paint(safe(sf.story.title), 'bold')} ({sf.id}), {what}\n")
    _print_delivery(out, paint, r)
    _print_content(out, paint, r.judged)
    out.write(paint("What you said\n", "bold"))
    out.write(textwrap.fill(safe(r.transcript), 96, initial_indent="  ", subsequent_indent="  "))
    out.write("\n")
    probe = r.judged.next_probe if r.judged is not None else None
    if probe is not None and probe.id:
        out.write(paint("\nThe probe an interviewer would ask next\n", "bold"))
        out.write(textwrap.fill(safe(f"“{probe.prompt}” ({probe.reason})"), 96,
                                initial_indent="  ", subsequent_indent="  ") + "\n")
    if r.advice:
        out.write(paint("\nTo change\n", "bold"))
        for line in r.advice:
            out.write(textwrap.fill(safe(line), 96, initial_indent="  - ", subsequent_indent="    ")
                      + "\n")


def _print_delivery(out: TextIO, paint: Painter, r: SpokenReport) -> None:
    """Time, pace, pauses, fillers, hedges, I and we, numbers heard."""
    from storybank.cli.output import TONE_COLOUR
    from storybank.zones import WORDS, verdict_text

    out.write(f"  time     {r.span_seconds:.0f} s from first to last word "
              f"({r.speech_seconds:.0f} s speaking, {r.duration_seconds:.0f} s recorded): "
              f"{paint(verdict_text(r.zone), TONE_COLOUR[WORDS[r.zone].tone])}\n")
    out.write(f"  pace     {r.wpm:.0f} words a minute ({r.pace}), {r.words} words\n")
    if r.pauses:
        pauses = "; ".join(f"{p.seconds:.1f} s at {p.at:.1f} s" for p in r.pauses)
        out.write(f"  pauses   {paint(pauses, 'yellow')}\n")
    else:
        out.write("  pauses   none long enough to be taken as the end of the answer\n")
    f = r.fillers
    words = ", ".join(f"{w} {n}" for w, n in f.words.items())
    rate = f"{f.per_minute:.1f} a minute"
    out.write(f"  fillers  {paint(rate, 'yellow' if f.over else 'green')}"
              f"{' (' + words + ')' if words else ''}\n")
    if r.hedges:
        out.write(f"  hedges   {', '.join(r.hedges)}\n")
    out.write(f"  I / we   {r.first_person.i} / {r.first_person.we}\n")
    out.write(f"  numbers  {', '.join(grouped(n) for n in r.numbers) or 'none heard'}\n")


def _print_content(out: TextIO, paint: Painter, judged: AnswerReport | None) -> None:
    """Cues, the recital, deeper or restarted, the four scores (the judge's, on the transcript)."""
    if judged is None:
        out.write("  scores   \n\n")
        return
    if judged.cues is not None:
        c = judged.cues
        out.write(f"  cues     {len(c.said)} of {len(c.said) + len(c.missed)} said"
                  f"{'; missed: ' + paint(', '.join(c.missed), 'yellow') if c.missed else ''}\n")
    if judged.recital is not None and judged.recital.compared:
        recital = judged.recital
        verdict = paint("sounds recited", "yellow") if recital.recited else "sounds like you"
        out.write(f"  recital  {recital.share:.0%} of it in long word-for-word runs of the "
                  f"written story: {verdict}\n")
    if judged.followup is not None:
        v = judged.followup
        verdict = paint("restarted the story", "yellow") if v.restarted else "went deeper"
        out.write(f"  depth    {verdict} ({v.repeated_share:.0%} repeated from the first answer)\n")
    scores = "  ".join(f"{k.replace('technical_', '')} {v}" for k, v in judged.score_values().items())
    out.write(f"  scores   {scores}\n\n")
