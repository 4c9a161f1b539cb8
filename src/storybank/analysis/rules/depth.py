"""Technical depth: named systems and how they work, for the technical question types."""

from __future__ import annotations

from storybank.analysis.rules.registry import Hit, quote_list, rule

MECHANISM_MIN = 2
NAMED_ENOUGH = 3      # three named methods, tools or rules carry depth without a "because"
MECHANISM_ENOUGH = 3  # nor do three of the field's mechanism words


@rule("SB401", "no-technologies", "technical_depth", "warning", "technologies",
      "A technical story that names no technology.")
def no_technologies(ctx):
    from storybank.professions import pack_for

    if ctx.technical and not ctx.story.technologies and not ctx.answer.technologies and ctx.answer.words:
        example = pack_for(ctx.story.profession or ctx.settings.profession).example("method")
        yield Hit(f"Name the systems, methods or tools you worked with ({example}) in "
                  "`technologies` and in the answer; unnamed work sounds like you were not close to it.")


@rule("SB402", "technologies-not-mentioned", "technical_depth", "info", "technologies",
      "The listed technologies never come up in the spoken answer.")
def technologies_not_mentioned(ctx):
    from storybank.analysis.phrases import mentioned_names

    listed = [t for t in ctx.story.technologies if t.strip()]
    if not listed or not ctx.answer.words:
        return
    # Matched loosely: "Ansys" says "ANSYS Mechanical transient thermal", "KDE" a kernel density.
    if not mentioned_names(listed, ctx.story.answer_text()):
        yield Hit(f"None of {quote_list(listed)} is mentioned in the answer; name the one that "
                  "mattered where it did the work.")


@rule("SB403", "shallow-mechanism", "technical_depth", "warning", "action",
      "The action says what was done but not how it works.")
def shallow_mechanism(ctx):
    from storybank.analysis.signals import signals
    from storybank.professions import pack_for

    if not ctx.technical or ctx.too_short_to_judge:
        return
    sig = signals(ctx)
    found = set(sig.mechanism)
    # Depth in any field: a cause-and-effect sentence, named methods or tools, or the field's
    # mechanism words. Only a story with none of them is shallow.
    if len(sig.named) >= NAMED_ENOUGH or len(found) >= MECHANISM_ENOUGH:
        return
    if sig.causes and (len(sig.named) >= 2 or len(found) >= MECHANISM_MIN):
        return
    example = pack_for(ctx.story.profession or ctx.settings.profession).example("mechanism")
    yield Hit("The action stays at the surface. Add one line of mechanism that says why it "
              f"happened or why your change worked ({example}).", len(found))
