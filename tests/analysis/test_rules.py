"""Every finding code: a realistic story that triggers it, and a near miss that must not.

Each story is one of the example bank's clean stories (see conftest.BASELINES) with one thing
changed. A positive case asserts the code's severity, category and field, and that the message
says what to change; a negative case asserts only that this code stays silent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from storybank.analysis.engine import analyze, rules_for
from storybank.catalog import builtin_catalog
from storybank.model import Story
from storybank.settings import Settings

# --- stories ---------------------------------------------------------------------------------
# Project (dock scheduling) rewrites.

DOCK_ACTION_WE = (
    "We designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "book 30-minute door slots online. The core risk was double booking under concurrent "
    "requests, so we enforced it with a PostgreSQL exclusion constraint on door and time range. "
    "Celery workers send SMS reminders through Twilio and release no-show slots after 20 minutes. "
    "We piloted at one warehouse for six weeks, measuring waits from gate logs, and then our team "
    "rolled out to the other ten sites over four months."
)
DOCK_ACTION_MIXED = (
    "I designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "book 30-minute door slots online. The core risk was double booking under concurrent "
    "requests, so I enforced it with a PostgreSQL exclusion constraint on door and time range. "
    "Celery workers send SMS reminders through Twilio and release no-show slots after 20 minutes. "
    "We piloted at one warehouse for six weeks, and I measured waits from gate logs. Then we "
    "rolled out to the other ten sites over four months."
)
DOCK_ACTION_NO_DECISION = (
    "The dock scheduling service runs on Django and PostgreSQL, and carriers book 30-minute door "
    "slots online. Double booking under concurrent requests was the core risk, handled by a "
    "PostgreSQL exclusion constraint on door and time range, so overlapping bookings fail "
    "whichever code path writes them. Celery workers send SMS reminders through Twilio and "
    "release no-show slots after 20 minutes. The pilot ran at one warehouse for six weeks, with "
    "waits taken from gate logs, and the rollout to the other ten sites took four months."
)
DOCK_ACTION_ONE_DECISION = DOCK_ACTION_NO_DECISION.replace(
    "handled by a PostgreSQL exclusion constraint", "so I chose a PostgreSQL exclusion constraint")

# No technology named anywhere in the spoken answer.
DOCK_UNNAMED = {
    "technologies": [],
    "action": (
        "I designed and built a booking service where carriers reserve 30-minute door slots "
        "online. The core risk was double booking under concurrent requests, so I put an "
        "exclusion constraint in the database on door and time range, and overlapping bookings "
        "fail whichever code path writes them. Background workers send text reminders and "
        "release no-show slots after 20 minutes. I piloted it at one warehouse for six weeks and "
        "rolled it out to the other ten sites over four months."
    ),
}
# Surface only: what was built, not how it works (one technology named).
DOCK_SHALLOW_ACTION = (
    "I designed and built a dock scheduling website in Django so carriers could book door slots "
    "online instead of by phone. I worked closely with the operations director and the warehouse "
    "supervisors, made sure everyone was trained, and piloted it at one warehouse for six weeks "
    "before rolling it out to the other ten sites over four months."
)
DOCK_MECHANISM_ACTION = DOCK_SHALLOW_ACTION + (
    " Overlapping bookings fail in the database itself, even for concurrent requests, instead of "
    "relying on row locks in the application."
)

DOCK_FILLERS_HEAVY = (
    "So basically I designed and built a dock scheduling service in Django and PostgreSQL, you "
    "know, where carriers book 30-minute door slots online. The core risk was, like, double "
    "booking under concurrent requests. I basically enforced it with a PostgreSQL exclusion "
    "constraint on door and time range, so overlapping bookings just fail whichever code path "
    "writes them. Celery workers send SMS reminders through Twilio and, um, release no-show "
    "slots after 20 minutes. I actually piloted at one warehouse for six weeks, measuring waits "
    "from gate logs. Supervisors there, you know, bypassed the system when trucks arrived really "
    "early, so I literally added an early-arrival queue. Then I rolled out to the other ten sites "
    "over four months and stuff."
)
DOCK_FILLERS_SOME = (
    "I designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "basically book 30-minute door slots online. The core risk was double booking under "
    "concurrent requests. I enforced it with a PostgreSQL exclusion constraint on door and time "
    "range, so overlapping bookings just fail whichever code path writes them. Celery workers "
    "send SMS reminders through Twilio and release no-show slots after 20 minutes. I actually "
    "piloted at one warehouse for six weeks, measuring waits from gate logs. Supervisors there, "
    "you know, bypassed the system when trucks arrived early, so I literally added an "
    "early-arrival queue. Then I rolled out to the other ten sites over four months."
)
# "like" as a preposition is not a filler: only two real fillers here.
DOCK_LIKE_NOT_FILLER = (
    "I designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "book 30-minute door slots online, much like airline seats. The core risk was double "
    "booking under concurrent requests. I enforced it with a PostgreSQL exclusion constraint on "
    "door and time range, so overlapping bookings just fail whichever code path writes them. "
    "Celery workers send reminders through channels like SMS and release no-show slots after 20 "
    "minutes. I piloted at one warehouse for six weeks, measuring waits from gate logs. "
    "Supervisors there bypassed the system when trucks arrived early, so I added an early-arrival "
    "queue. Then I actually rolled out to the other ten sites over four months, using tools like "
    "Celery beat for the schedule."
)
DOCK_HEDGED = (
    "I think the core risk was double booking under concurrent requests, so I designed a dock "
    "scheduling service in Django and PostgreSQL where carriers book 30-minute door slots online. "
    "I believe a PostgreSQL exclusion constraint on door and time range was probably the right "
    "call, so overlapping bookings fail whichever code path writes them. Celery workers send SMS "
    "reminders through Twilio and maybe release no-show slots after 20 minutes. I piloted at one "
    "warehouse for six weeks, measuring waits from gate logs. Supervisors there perhaps bypassed "
    "the system when trucks arrived early, so I added an early-arrival queue, which was fairly "
    "useful. Then I rolled out to the other ten sites over four months."
)
DOCK_TWO_HEDGES = (
    "I designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "book 30-minute door slots online. I thought the core risk was double booking under "
    "concurrent requests, and I enforced it with a PostgreSQL exclusion constraint on door and "
    "time range, so overlapping bookings fail whichever code path writes them. Celery workers "
    "send SMS reminders through Twilio and release no-show slots after 20 minutes. I piloted at "
    "one warehouse for six weeks, measuring waits from gate logs. Supervisors there probably "
    "bypassed the system when trucks arrived early, so I added an early-arrival queue. I think "
    "the rollout to the other ten sites over four months went smoothly."
)


RUN_ON = ("I designed and built a dock scheduling service in Django and PostgreSQL where "
          "carriers book door slots online and an exclusion constraint on door and time range "
          "rejects overlapping bookings from any code path that writes them at any of the "
          "eleven sites across three states")


def long_sentence(n: int) -> str:
    """One sentence of exactly `n` words (30 <= n <= 45)."""
    words = RUN_ON.split()
    assert 30 <= n <= len(words)
    return " ".join(words[:n]) + "."


LONG_SITUATION = (
    "Harborline Freight ran 11 cross-dock warehouses across three states, and each one booked "
    "truck unloading by phone and a shared spreadsheet. Carriers called the dock office the day "
    "before, a clerk typed the slot into the sheet, and supervisors reshuffled doors by hand "
    "every morning. Trucks that arrived early queued at the gate, trucks that arrived late lost "
    "their slot, and nobody could see a door's real schedule. Trucks waited 94 minutes on "
    "average, and carrier detention fees cost $1.3 million a year."
)
MEDIUM_SITUATION = (
    "Harborline Freight's 11 cross-dock warehouses booked truck unloading by phone and a shared "
    "spreadsheet, and supervisors reshuffled doors by hand every morning. Trucks waited 94 "
    "minutes on average, and carrier detention fees cost $1.3 million a year."
)
SHORT_ACTION = (
    "I designed and built a dock scheduling service in Django and PostgreSQL, where carriers "
    "book 30-minute door slots online. I enforced no double booking with a PostgreSQL exclusion "
    "constraint on door and time range. Celery workers send SMS reminders through Twilio. I "
    "piloted at one warehouse for six weeks, then rolled out to the other ten sites."
)

# The dock story told without a single number, in digits or spelled out ("six weeks" is a number).
DOCK_NO_DIGITS = {
    "situation": ("Harborline Freight's cross-dock warehouses booked truck unloading by phone and "
                  "spreadsheet. Trucks waited well over an hour, and carrier detention fees were a "
                  "heavy cost every year."),
    "action": ("I designed and built a dock scheduling service in Django and PostgreSQL, where "
               "carriers book door slots online. The core risk was double booking under "
               "concurrent requests. I enforced it with a PostgreSQL exclusion constraint on door "
               "and time range. Celery workers send SMS reminders through Twilio and release "
               "no-show slots after a short grace period. I piloted at a single warehouse first, then "
               "rolled out to the other sites."),
    "outcome": "Average waits fell sharply, and detention fees dropped too.",
}

# Failure (Avro schema change) rewrites.
AVRO_BLAME = {
    "action": (
        "The platform team changed the Schema Registry compatibility to NONE on our subject and "
        "never told us. Their change let a breaking Avro schema through, and two consumers, claims "
        "adjudication and portal sync, crashed on deserialization. It was not my fault: QA signed "
        "off on the release. The rollback of the producer happened within 25 minutes of the alert, "
        "and the 4,100 events already written in the old format were republished. Then plan_code "
        "shipped as a new optional field beside plan_id, with FULL_TRANSITIVE compatibility on all "
        "14 subjects and a CI compatibility check."),
    "reflection": "Other teams' settings can break a topic you own, so shared settings need a named owner.",
}
AVRO_OTHER_TEAM_MENTIONED = (
    "I renamed the Avro field plan_id to plan_code and changed its type from int to string. Months "
    "earlier I had set that subject's Schema Registry compatibility to NONE to unblock a test, and "
    "I never reverted it, although the platform team had asked subject owners to keep BACKWARD. The "
    "registry accepted the breaking schema, and two consumers, claims adjudication and portal sync, "
    "crashed on deserialization. I rolled back the producer within 25 minutes of the alert. I "
    "republished the 4,100 events already written in the old format. Then I shipped plan_code as a "
    "new optional field beside plan_id and added a CI compatibility check."
)
AVRO_NO_PREVENTION = {
    "outcome": ("Eligibility updates were delayed 190 minutes for about 86,000 members, and no claim "
                "was paid incorrectly."),
    "reflection": ("A safety setting I loosened temporarily became the root cause, and two teams paid "
                   "for my shortcut."),
}

# Disagreement (Temporal or Airflow) rewrites.
TEMPORAL_TALKED = (
    "His case was fair: Airflow is already run and familiar, keeping on-call lighter. Mine: exports "
    "wait up to 72 hours for late corrections and call flaky billing APIs, which suits durable "
    "workflows. We sat down and talked it through over two long meetings, and after some discussion "
    "we eventually agreed that Temporal fit the billing exports better. I learned Temporal from its "
    "documentation and the Temporal 101 course for Go."
)
TEMPORAL_REFLECTION_NO_MECHANISM = ("Hearing his concern out in full made the decision easier for "
                                    "him to accept.")
TEMPORAL_TALKED_THEN_TRIAL = (
    "His case was fair: Airflow is already run and familiar, keeping on-call lighter. Mine: exports "
    "wait up to 72 hours for late corrections and call flaky billing APIs, which suits durable "
    "workflows. We talked it through, then ran both in a two-week trial, each of us building the "
    "hardest export, judged on a killed worker, 30 minutes of API errors and on-call load. Airflow "
    "held 14 worker slots through the three-day wait; Temporal held none."
)

# Performance (Spark job) rewrites.
SPARK_OUTCOME_NO_NUMBERS = ("The job became much faster and far cheaper, and it met the analysts' "
                            "deadline every night for the next six months.")
SPARK_VALUE_ONLY_METRICS = [{"name": "runtime after the fix", "value": 58, "unit": "min"}]

# Learning (Rust decoder) rewrites.
RUST_BASE_ACTION_SENTENCE = ("I worked through 'The Rust Programming Language' to chapter 16, the "
                             "Rustlings exercises and the nom parser documentation.")
RUST_NAME_LIST = ("Over five weeks of evenings I picked up Rust, Tokio, Serde, Axum, nom, rdkafka, "
                  "cargo-fuzz, Clippy and WebAssembly, using the nom parser documentation.")
RUST_SHORT_LIST = ("I worked through 'The Rust Programming Language' to chapter 16, then Rustlings, "
                   "nom and rdkafka, reading the nom parser documentation as I went.")
RUST_DEPTH_SENTENCE = ("Honest depth: I can ship and maintain this service but would want review "
                       "before writing unsafe code.")
RUST_NO_RESOURCES_SENTENCE = "I practised by porting the smallest frame types from the Go decoder first."

# Motivation rewrites.
MERCOR_GENERIC = {
    "action": ("I want flexible side income I can do from home in the evenings. I love AI and I have "
               "heard good things about Mercor from friends, so it seems like a great company to work "
               "with. The work looks interesting and I pick things up fast."),
    "outcome": "I could start right away and put in time most weeks.",
    "reflection": "It feels like a good fit for where I am now.",
}

# Rubric rewrites.
RUBRIC_OVERRIDE = {
    "action": (
        "Within days I saw that corrected resubmissions reuse the original claim number by design, "
        "so the rule marked valid corrections as duplicates. I knew better than the guideline here, "
        "so I used my own judgment and labeled those claims the way I think is right. I relabeled "
        "my 43 earlier items too, so my labels would be correct."),
    "reflection": "Labels should reflect what is true about a claim, not what a guideline happens to say.",
}
RUBRIC_JUDGMENT_TO_FLAG = (
    "Within days I saw that corrected resubmissions reuse the original claim number by design, so "
    "the rule marked valid corrections as duplicates. I kept applying the rule as written, because "
    "the classifier needs consistent labels from all six labelers, and used my own judgment only to "
    "decide which items to tag with a Label Studio comment. Then I wrote a one-page rationale citing "
    "the X12 837 standard and submitted it through the labeling lead's guideline-change form."
)

# Schedule rewrites.
SCHEDULE_VAGUE = {
    "action": ("My schedule is flexible, so I would fit it in whenever I have free time: evenings "
               "after work and some weekends, as much as the projects need. On call weeks are "
               "harder, but I would make it work around my day job."),
    "outcome": "I can usually manage a good number of hours each week.",
}
SCHEDULE_FLEXIBLE_BUT_BLOCKED = (
    "I am flexible about which evening, but I block Monday, Tuesday and Thursday 19:00–22:00 plus "
    "Saturday 08:00–12:00, 13 hours a week. In on-call weeks I drop the Tuesday block, so those weeks "
    "run 10 hours, and I would tell the project lead two weeks ahead."
)

# Project: taking part, never owning.
DOCK_INVOLVED = (
    "I worked on a dock scheduling service in Django and PostgreSQL, where carriers book 30-minute "
    "door slots online. I helped with the PostgreSQL exclusion constraint on door and time range "
    "that stops double booking under concurrent requests. Celery workers send SMS reminders through "
    "Twilio and release no-show slots after 20 minutes. I was part of the pilot at one warehouse for "
    "six weeks, with waits taken from gate logs, and then I contributed to the rollout to the other "
    "ten sites over four months."
)


# --- the case tables ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    build: Callable  # kit -> Story
    severity: str
    category: str
    field: str
    says: tuple[str, ...]  # the message mentions each of these (case-insensitive)
    settings: Settings | None = None
    value: object = ...  # the measured value, when it is worth pinning


POSITIVE: dict[str, Case] = {
    "SB101": Case(lambda k: k.mk(title="   "), "error", "structure", "title", ("title",)),
    "SB102": Case(lambda k: k.mk(questions=[]), "error", "structure", "questions",
                  ("questions", "project")),
    "SB103": Case(lambda k: k.mk(questions=["projects"]), "error", "structure", "questions",
                  ("did you mean `project`",), value="projects"),
    "SB104": Case(lambda k: k.mk(reflection=" \n "), "error", "structure", "reflection",
                  ("`reflection`",)),
    "SB105": Case(lambda k: k.mk(metrics=[]), "error", "structure", "metrics", ("[[metrics]]",)),
    "SB106": Case(lambda k: k.mk(situaton="Trucks waited 94 minutes."), "warning", "structure",
                  "situaton", ("did you mean `situation`",), value="situaton"),
    "SB107": Case(lambda k: k.mk(ignore=["SB999"]), "warning", "structure", "ignore",
                  ("SB999", "not a finding code"), value="SB999"),
    "SB108": Case(lambda k: k.mk(ignore=["SB204"]), "info", "structure", "ignore",
                  ("SB204", "remove"), value="SB204"),
    "SB109": Case(lambda k: k.mk(questions=["project", "performance", "failure", "disagreement"]),
                  "warning", "structure", "questions", ("4 question types",), value=4),
    "SB201": Case(lambda k: k.mk(outcome="Average waits fell sharply and detention fees dropped by "
                                         "more than half, with no double bookings since launch."),
                  "warning", "specificity", "outcome", ("number",), value=0),
    "SB202": Case(lambda k: k.mk(**DOCK_NO_DIGITS), "warning", "specificity", "situation",
                  ("number",), value=0),
    "SB203": Case(lambda k: k.mk(outcome=base_outcome(k, "project") + " Carrier satisfaction "
                                 "improved significantly and a lot of paperwork disappeared."),
                  "warning", "specificity", "action", ('"significantly"', '"a lot of"', "replace")),
    "SB204": Case(lambda k: k.mk(metrics=[{"name": "average truck wait", "before": 96.5,
                                           "after": 33.5, "unit": "min"}]),
                  "info", "specificity", "metrics", ("say the key number",)),
    "SB301": Case(lambda k: k.mk(action=DOCK_ACTION_WE), "warning", "ownership", "action",
                  ('"i" 0', "which steps were yours")),
    "SB302": Case(lambda k: k.mk(ownership=""), "info", "ownership", "ownership",
                  ("`ownership` line",)),
    "SB303": Case(lambda k: k.mk(action=DOCK_ACTION_NO_DECISION), "info", "ownership", "action",
                  ("i chose",)),
    "SB401": Case(lambda k: k.mk(**DOCK_UNNAMED), "warning", "technical_depth", "technologies",
                  ("name the systems",)),
    "SB402": Case(lambda k: k.mk(technologies=["Kubernetes", "Terraform"]), "info",
                  "technical_depth", "technologies", ('"kubernetes"', "name the one")),
    "SB403": Case(lambda k: k.mk(action=DOCK_SHALLOW_ACTION), "warning", "technical_depth",
                  "action", ("mechanism",)),
    "SB501": Case(lambda k: k.mk(action=k.prose(145)), "error", "compression", "action",
                  ("limit", "cut"), value=90.4),
    "SB502": Case(lambda k: k.mk(action=k.prose(120)), "warning", "compression", "action",
                  ("trim",), value=80.4),
    "SB503": Case(lambda k: k.mk(action=k.prose(20)), "warning", "compression", "action",
                  ("under the 60 s window", "add"), value=40.4),
    "SB504": Case(lambda k: k.mk(action=DOCK_FILLERS_HEAVY), "warning", "compression", "action",
                  ('"basically"', "cut them")),
    "SB505": Case(lambda k: k.mk(action=DOCK_HEDGED), "warning", "compression", "action",
                  ('"i think"', "plainly")),
    "SB506": Case(lambda k: k.mk(action=long_sentence(45) + " " + SHORT_ACTION), "info",
                  "compression", "action", ("45 words", "split"), value=45),
    "SB507": Case(lambda k: k.mk(situation=LONG_SITUATION, action=SHORT_ACTION), "warning",
                  "compression", "situation", ("situation is", "two or three sentences")),
    "SB508": Case(lambda k: k.mk(followups={"technical": k.prose(230)}), "warning", "compression",
                  "followups.technical", ("`technical`", "one layer deeper"), value=92.0),
    "SB601": Case(lambda k: k.mk(drop=("followups",)), "warning", "depth_layers", "followups",
                  ("differently, alternatives, technical, collaborators",), value=0),
    "SB602": Case(lambda k: k.mk(followups={"alternatives": None, "collaborators": None}),
                  "warning", "depth_layers", "followups", ("alternatives, collaborators", "write"),
                  value=2),
    "SB603": Case(lambda k: k.mk(followups={"collaborators": "Dana from payments reviewed it."}),
                  "warning", "depth_layers", "followups.collaborators", ("`collaborators`", "aim for")),
    "SB604": Case(lambda k: k.mk(followups={p: k.prose(50) for p in PROBE_IDS}), "warning",
                  "depth_layers", "followups", ("90 s more",), value=80.0),
    "SB701": Case(lambda k: k.mk("failure", **AVRO_BLAME), "warning", "pitfall", "action",
                  ("someone else", "you were the cause")),
    "SB702": Case(lambda k: k.mk("failure", reflection="Looking back, my biggest weakness is that I "
                                 "am a perfectionist and care too much about getting a schema right."),
                  "warning", "pitfall", "reflection", ('"my biggest weakness"', "real incident")),
    "SB703": Case(lambda k: k.mk("failure", **AVRO_NO_PREVENTION), "info", "pitfall", "outcome",
                  ("cannot happen again",)),
    "SB711": Case(lambda k: k.mk("disagreement", action=TEMPORAL_TALKED,
                                 reflection=TEMPORAL_REFLECTION_NO_MECHANISM), "warning", "pitfall",
                  "action", ("settled it",)),
    "SB721": Case(lambda k: k.mk("performance", outcome=SPARK_OUTCOME_NO_NUMBERS,
                                 metrics=SPARK_VALUE_ONLY_METRICS),
                  "warning", "pitfall", "outcome", ('"faster"', "before and after")),
    "SB731": Case(lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_BASE_ACTION_SENTENCE, RUST_NAME_LIST)), "warning", "pitfall", "action",
        ("list of names", "three layers")),
    "SB732": Case(lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_DEPTH_SENTENCE, "")), "info", "pitfall", "action", ("depth",)),
    "SB741": Case(lambda k: k.mk("motivation", **MERCOR_GENERIC), "warning", "pitfall", "action",
                  ("any platform", "specialty")),
    "SB751": Case(lambda k: k.mk("rubric", **RUBRIC_OVERRIDE), "error", "pitfall", "action",
                  ("flag it", "as written")),
    "SB761": Case(lambda k: k.mk("schedule", **SCHEDULE_VAGUE), "warning", "pitfall", "action",
                  ("days, times and hours",)),
    "SB771": Case(lambda k: k.mk(action=DOCK_INVOLVED), "warning", "pitfall", "action",
                  ('"worked on"', "yours")),
    "SB790": Case(lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_BASE_ACTION_SENTENCE, RUST_NO_RESOURCES_SENTENCE)), "warning", "pitfall", "action",
        ("resources you learned from",), value="learning_resources"),
}

PROBE_IDS = ("differently", "alternatives", "technical", "collaborators")


def base_action(kit, kind: str) -> str:
    return kit.data(kind)["action"]


def base_outcome(kit, kind: str) -> str:
    return kit.data(kind)["outcome"]


# A near miss per code: close to the pattern, but it must stay silent. (story, settings)
NEGATIVE: dict[str, Callable] = {
    "SB101": lambda k: k.mk(title="Dock slots"),
    "SB102": lambda k: k.mk(questions=["proj"]),  # an unknown id is SB103's business, not SB102's
    "SB103": lambda k: k.mk(questions=["project", "performance"]),
    "SB104": lambda k: k.mk(reflection="I now interview a tool's users first."),
    "SB105": lambda k: k.mk(metrics=[{"name": "bookings", "value": 2400, "unit": "per week"}]),
    "SB106": lambda k: k.mk(role="Backend engineer", when="2019", ignore=[]),
    "SB107": lambda k: k.mk(technologies=["Kubernetes"], ignore=["sb402"]),  # lower case is fine
    "SB108": lambda k: k.mk(technologies=["Kubernetes"], ignore=["SB402"]),  # it does silence one
    "SB109": lambda k: k.mk(questions=["project", "project", "performance", "failure"]),
    "SB201": lambda k: k.mk(outcome="Average wait fell to 31 minutes, and detention fees dropped by "
                                    "more than half."),
    "SB202": lambda k: k.mk(**{**DOCK_NO_DIGITS, "outcome": "Average wait fell to 31 minutes."}),
    "SB203": lambda k: k.mk(outcome=base_outcome(k, "project") + " The drop was statistically "
                            "significant at every site."),
    "SB204": lambda k: k.mk(metrics=[{"name": "average truck wait", "before": 94.0, "after": 31.0,
                                      "unit": "min"}]),
    "SB301": lambda k: k.mk(action=DOCK_ACTION_MIXED),
    "SB302": lambda k: k.mk(ownership="I owned the service."),
    "SB303": lambda k: k.mk(action=DOCK_ACTION_ONE_DECISION),
    "SB401": lambda k: k.mk(technologies=[], action=DOCK_UNNAMED["action"].replace(
        "an exclusion constraint in the database", "an exclusion constraint in PostgreSQL")),
    "SB402": lambda k: k.mk(technologies=["Kubernetes", "postgresql"]),
    "SB403": lambda k: k.mk(action=DOCK_MECHANISM_ACTION),
    "SB501": lambda k: k.mk(action=k.prose(144)),  # exactly 90.0 s: at the limit, not past it
    "SB502": lambda k: k.mk(action=k.prose(119)),  # exactly 80.0 s
    "SB503": lambda k: k.mk(action=k.prose(69)),   # exactly 60.0 s
    "SB504": lambda k: k.mk(action=DOCK_LIKE_NOT_FILLER),
    "SB505": lambda k: k.mk(action=DOCK_TWO_HEDGES),
    "SB506": lambda k: k.mk(action=long_sentence(40) + " " + SHORT_ACTION),
    "SB507": lambda k: k.mk(situation=MEDIUM_SITUATION, action=SHORT_ACTION),
    "SB508": lambda k: k.mk(followups={"technical": k.prose(150)}),  # exactly 60.0 s
    "SB601": lambda k: k.mk(followups={"differently": None, "alternatives": None,
                                       "collaborators": None}),
    "SB602": lambda k: k.mk(followups={p: k.prose(60) for p in PROBE_IDS}),
    "SB603": lambda k: k.mk(followups={"collaborators": k.prose(38)}),  # 15.2 s, over half of 30 s
    "SB604": lambda k: k.mk(followups={p: k.prose(57) for p in PROBE_IDS}),  # 91.2 s in all
    "SB701": lambda k: k.mk("failure", action=AVRO_OTHER_TEAM_MENTIONED),
    "SB702": lambda k: k.mk("failure", reflection="The schema looked perfect in review, but I never "
                            "tested it against the old consumers. Every override I make now gets a "
                            "ticket with an expiry date."),
    "SB703": lambda k: k.mk("failure", outcome=AVRO_NO_PREVENTION["outcome"],
                            reflection="Since then, every override I make gets a ticket with an "
                                       "expiry date."),
    "SB711": lambda k: k.mk("disagreement", action=TEMPORAL_TALKED_THEN_TRIAL,
                            reflection=TEMPORAL_REFLECTION_NO_MECHANISM),
    "SB721": lambda k: k.mk("performance", outcome=SPARK_OUTCOME_NO_NUMBERS  # said: from X to Y
                            + " The runtime went from 340 minutes to 58."),
    "SB731": lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_BASE_ACTION_SENTENCE, RUST_SHORT_LIST)),
    "SB732": lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_DEPTH_SENTENCE, "I can now ship changes to this service without a reviewer.")),
    "SB741": lambda k: k.mk("motivation", reflection=k.data("motivation")["reflection"]
                            + " The flexible hours help too."),
    "SB751": lambda k: k.mk("rubric", action=RUBRIC_JUDGMENT_TO_FLAG),
    "SB761": lambda k: k.mk("schedule", action=SCHEDULE_FLEXIBLE_BUT_BLOCKED),
    "SB771": lambda k: k.mk(action=k.data("project")["action"] + " I also worked on the carrier "
                            "onboarding guide."),
    "SB790": lambda k: k.mk("learning", action=base_action(k, "learning").replace(
        RUST_BASE_ACTION_SENTENCE, "I read the nom parser documentation and little else.")),
}


# --- every code has both cases -------------------------------------------------------------------


def all_codes() -> set[str]:
    return set(rules_for(builtin_catalog()))


def test_every_registered_code_has_a_positive_and_a_negative_case():
    codes = all_codes()
    assert set(POSITIVE) == codes, f"codes without a positive case: {sorted(codes - set(POSITIVE))}"
    assert set(NEGATIVE) == codes, f"codes without a negative case: {sorted(codes - set(NEGATIVE))}"


def test_the_registry_holds_the_documented_codes():
    expected = ({f"SB10{i}" for i in range(1, 10)} | {f"SB20{i}" for i in range(1, 5)}
                | {"SB301", "SB302", "SB303", "SB401", "SB402", "SB403"}
                | {f"SB50{i}" for i in range(1, 9)} | {f"SB60{i}" for i in range(1, 5)}
                | {"SB701", "SB702", "SB703", "SB711", "SB721", "SB731", "SB732", "SB741",
                   "SB751", "SB761", "SB771", "SB790"})
    assert all_codes() == expected


def test_rule_metadata_is_well_formed():
    rules = rules_for(builtin_catalog())
    for code, rule in rules.items():
        assert rule.code == code and len(code) == 5 and code.startswith("SB") and code[2:].isdigit()
        assert rule.severity in {"error", "warning", "info"}, code
        assert rule.category in {"specificity", "ownership", "technical_depth", "compression",
                                 "depth_layers", "pitfall", "structure"}, code
        assert rule.name and rule.name == rule.name.lower() and " " not in rule.name, code


def test_every_baseline_lints_clean(kit):
    for kind in ("project", "failure", "disagreement", "performance", "learning", "motivation",
                 "rubric", "schedule"):
        report = lint(kit.mk(kind))
        assert report.findings == [], (kind, [(f.code, f.message) for f in report.findings])


# --- positives and negatives ---------------------------------------------------------------------


def lint(story: Story, settings: Settings | None = None):
    return analyze(story, builtin_catalog(), settings or Settings(), "story")


def found(report, code: str):
    return [f for f in report.findings if f.code == code]


def describe(report) -> list[tuple]:
    return [(f.code, f.severity, f.field, f.message) for f in report.findings]


@pytest.mark.parametrize("code", sorted(POSITIVE))
def test_positive(code, kit):
    case = POSITIVE[code]
    report = lint(case.build(kit), case.settings)
    hits = found(report, code)
    assert hits, f"{code} did not fire; findings: {describe(report)}"
    hit = hits[0]
    assert (hit.severity, hit.category, hit.field) == (case.severity, case.category, case.field), hit
    assert hit.name == rules_for(builtin_catalog())[code].name
    message = hit.message.lower()
    assert len(message) > 30 and "{" not in message, hit.message
    for phrase in case.says:
        assert phrase.lower() in message, (phrase, hit.message)
    if case.value is not ...:
        assert hit.value == case.value, hit


@pytest.mark.parametrize("code", sorted(NEGATIVE))
def test_negative(code, kit):
    report = lint(NEGATIVE[code](kit))
    assert not found(report, code), f"{code} fired on a near miss: {describe(report)}"


# --- severities that depend on how far off the story is ------------------------------------------


@pytest.mark.parametrize(("code", "build", "severity", "value"), [
    # SB503: under 45 s (three quarters of the 60 s floor) is a warning, 45-60 s a note.
    ("SB503", lambda k: k.mk(action=k.prose(20)), "warning", 40.4),
    ("SB503", lambda k: k.mk(action=k.prose(50)), "info", 52.4),
    # SB504: 5 or more fillers per 100 words is a warning, 2.5-5 a note.
    ("SB504", lambda k: k.mk(action=DOCK_FILLERS_HEAVY), "warning", ...),
    ("SB504", lambda k: k.mk(action=DOCK_FILLERS_SOME), "info", ...),
    # SB201/SB202: numbers matter less for the non-technical question types.
    ("SB201", lambda k: k.mk(outcome="Average waits fell sharply."), "warning", 0),
    ("SB201", lambda k: k.mk("motivation", outcome="That gives me a concrete plan for the tasks I "
                             "know best, streaming pipelines and analytical databases."), "info", 0),
    ("SB201", lambda k: k.mk("rubric", outcome="The lead revised the guideline a week later, and "
                             "agreement on that category rose clearly."), "info", 0),
    ("SB202", lambda k: k.mk(**DOCK_NO_DIGITS), "warning", 0),
    ("SB202", lambda k: k.mk("motivation", **MOTIVATION_NO_DIGITS), "info", 0),
    # SB203: one vague phrase is a note, two or more a warning.
    ("SB203", lambda k: k.mk(outcome=base_outcome(k, "project") + " Carriers liked it a lot."),
     "info", 1),
    ("SB203", lambda k: k.mk(outcome=base_outcome(k, "project") + " Carriers liked it a lot, and "
                             "waits fell significantly."), "warning", 2),
    # SB508: 60-90 s (up to 1.5 x the window's top) is a note, beyond that a warning.
    ("SB508", lambda k: k.mk(followups={"technical": k.prose(160)}), "info", 64.0),
    ("SB508", lambda k: k.mk(followups={"technical": k.prose(230)}), "warning", 92.0),
])
def test_severity_depends_on_the_measure(code, build, severity, value, kit):
    hits = found(lint(build(kit)), code)
    assert len(hits) == 1, hits
    assert hits[0].severity == severity, hits[0]
    if value is not ...:
        assert hits[0].value == value


MOTIVATION_NO_DIGITS = {
    "situation": ("I have spent years in backend and data work, most recently Spark pipelines "
                  "at Tessellate Health and Kafka and ClickHouse at Lumora Energy."),
    "action": ("Before applying, I compared the AI training platforms. Mercor's software "
               "engineering specialty track asks experts to write and review multi-step coding "
               "tasks for frontier labs, and those tasks match my daily work: debugging a Go "
               "consumer that double-processes after a Kafka rebalance, or judging whether a "
               "model's Spark answer handles key skew. I wrote practice tasks from my own "
               "incidents to test the fit."),
    "outcome": "That gives me a concrete plan for the areas I know best.",
    "reflection": "Specialty work is where I add signal a generalist cannot.",
}


def test_a_sb504_note_and_a_warning_differ_only_in_rate(kit):
    heavy = found(lint(kit.mk(action=DOCK_FILLERS_HEAVY)), "SB504")[0]
    some = found(lint(kit.mk(action=DOCK_FILLERS_SOME)), "SB504")[0]
    assert heavy.value >= 5.0 > some.value >= 2.5


def test_sb501_follows_the_speaking_rate(kit):
    """A slow speaker (110 wpm) runs the same 185-word answer past the 90 s limit."""
    story = kit.mk()
    assert not found(lint(story), "SB501")
    slow = found(lint(story, Settings(rate_wpm=110)), "SB501")
    assert slow and slow[0].severity == "error" and slow[0].value == pytest.approx(100.9, abs=0.1)


def test_sb301_also_fires_when_we_outnumbers_i_three_to_one(kit):
    action = DOCK_ACTION_WE.replace("We piloted", "I piloted")  # one "I" against four "we"/"our"
    hits = found(lint(kit.mk(action=action)), "SB301")
    assert hits and hits[0].value == "1:4", hits


def test_sb104_names_every_empty_part(kit):
    report = lint(kit.mk(situation="", outcome=""))
    assert sorted(f.field for f in found(report, "SB104")) == ["outcome", "situation"]


def test_sb106_points_at_unknown_metric_and_probe_keys(kit):
    data = kit.data("project")
    data["metrics"][0]["unti"] = "min"
    data["followups"]["technicla"] = "Sorted sets keyed by next-attempt time."
    report = lint(Story.model_validate(data))
    fields = {f.field: f.message for f in found(report, "SB106")}
    assert set(fields) == {"metrics[0].unti", "followups.technicla"}
    assert "did you mean `unit`" in fields["metrics[0].unti"]
    assert "did you mean `technical`" in fields["followups.technicla"]


def test_a_pitfall_fires_only_for_the_question_types_it_belongs_to(kit):
    """"I worked on" sinks a project answer (SB771) but is no pitfall of a failure answer."""
    as_project = kit.mk(action=DOCK_INVOLVED)
    as_failure = kit.mk(action=DOCK_INVOLVED, questions=["failure"])
    assert found(lint(as_project), "SB771")
    assert not found(lint(as_failure), "SB771")


def test_findings_come_most_severe_first(kit):
    report = lint(kit.mk(title="", technologies=["Kubernetes"], action=DOCK_ACTION_WE))
    ranks = [{"error": 0, "warning": 1, "info": 2}[f.severity] for f in report.findings]
    assert ranks == sorted(ranks) and len(set(ranks)) == 3
    for severity in ("error", "warning", "info"):
        group = [f.code for f in report.findings if f.severity == severity]
        assert group == sorted(group)


# --- ignores -------------------------------------------------------------------------------------

NOT_MENTIONED = {"technologies": ["Kubernetes"]}  # triggers SB402 (info) and nothing else


def test_story_ignore_silences_a_code(kit):
    assert found(lint(kit.mk(**NOT_MENTIONED)), "SB402")
    report = lint(kit.mk(**NOT_MENTIONED, ignore=["SB402"]))
    assert report.findings == [], describe(report)


def test_story_ignore_is_case_and_space_insensitive(kit):
    report = lint(kit.mk(**NOT_MENTIONED, ignore=[" sb402 "]))
    assert report.findings == [], describe(report)


def test_story_ignore_silences_every_finding_of_that_code(kit):
    story = kit.mk(situation="", outcome="", ignore=["SB104"])
    assert not found(lint(story), "SB104")


def test_bank_ignore_silences_a_code(kit):
    report = lint(kit.mk(**NOT_MENTIONED), Settings(ignore=("SB402",)))
    assert report.findings == [], describe(report)


def test_bank_ignore_of_a_code_this_story_does_not_trigger_is_not_unused(kit):
    """A bank-wide ignore is for the stories that trigger it; the clean ones say nothing."""
    report = lint(kit.mk(), Settings(ignore=("SB402", "SB204")))
    assert report.findings == [], describe(report)


def test_bank_ignore_naming_an_unknown_code_is_sb107(kit):
    report = lint(kit.mk(), Settings(ignore=("SB9999",)))
    hits = found(report, "SB107")
    assert len(hits) == 1
    assert hits[0].severity == "warning" and hits[0].field == "ignore" and hits[0].value == "SB9999"
    assert "bank settings" in hits[0].message and "SB9999" in hits[0].message


def test_story_ignore_naming_an_unknown_code_is_sb107_once(kit):
    report = lint(kit.mk(ignore=["SB999", "sb999", "SB204x"]))
    assert sorted(f.value for f in found(report, "SB107")) == ["SB204X", "SB999"]
    assert not found(report, "SB108")


def test_sb107_can_itself_be_silenced_by_the_bank(kit):
    """A bank that silences SB107 does not hear about a story's stale custom code."""
    report = lint(kit.mk(ignore=["SB999"]), Settings(ignore=("SB107",)))
    assert not found(report, "SB107")


def test_an_unused_ignore_is_sb108_and_a_used_one_is_not(kit):
    report = lint(kit.mk(**NOT_MENTIONED, ignore=["SB402", "SB204"]))
    assert [(f.code, f.value) for f in report.findings] == [("SB108", "SB204")]


def test_ignoring_sb108_silences_unused_ignores(kit):
    report = lint(kit.mk(ignore=["SB204", "SB108"]))
    assert report.findings == [], describe(report)


def test_an_ignored_finding_does_not_raise_the_score(kit):
    """Silencing a pitfall hides the message, never the problem."""
    story = kit.mk("rubric", **RUBRIC_OVERRIDE)
    shown = lint(story)
    assert found(shown, "SB751")
    hidden = lint(story.model_copy(update={"ignore": ["SB751"]}))
    assert not found(hidden, "SB751")
    assert hidden.score_values() == shown.score_values()
    assert Settings(ignore=("SB751",)) and lint(story, Settings(ignore=("SB751",))).score_values() \
        == shown.score_values()
    clean = lint(kit.mk("rubric"))
    assert shown.scores["ownership"].value < clean.scores["ownership"].value
    assert any("SB751" in r for r in shown.scores["ownership"].reasons)


# --- scores --------------------------------------------------------------------------------------

DIMENSIONS = ("specificity", "ownership", "technical_depth", "compression")


def check_scores(report):
    assert tuple(report.scores) == DIMENSIONS
    for name, score in report.scores.items():
        assert type(score.value) is int and 0 <= score.value <= 100, (name, score)
        assert score.reasons and all(isinstance(r, str) and r.strip() for r in score.reasons), score


@pytest.mark.parametrize("code", sorted(POSITIVE))
def test_scores_are_bounded_ints_with_reasons(code, kit):
    check_scores(lint(POSITIVE[code].build(kit), POSITIVE[code].settings))


def test_scores_of_drafts_and_extremes(kit):
    empty = Story.model_validate({"title": "", "questions": []})
    check_scores(lint(empty))
    assert lint(empty).scores["compression"].value == 0
    loud = kit.mk(action=" ".join([DOCK_FILLERS_HEAVY] * 8), ownership="",
                  followups={p: None for p in PROBE_IDS})
    check_scores(lint(loud))
    best = lint(kit.mk("performance"))
    check_scores(best)
    assert all(v >= 60 for v in best.score_values().values()), best.score_values()


def test_a_weaker_story_scores_lower_on_the_dimension_it_fails(kit):
    base = lint(kit.mk()).score_values()
    assert lint(kit.mk(**DOCK_NO_DIGITS)).score_values()["specificity"] < base["specificity"]
    assert lint(kit.mk(action=DOCK_ACTION_WE)).score_values()["ownership"] < base["ownership"]
    assert lint(kit.mk(action=DOCK_SHALLOW_ACTION)).score_values()["technical_depth"] \
        < base["technical_depth"]
    assert lint(kit.mk(action=DOCK_FILLERS_HEAVY)).score_values()["compression"] < base["compression"]


# --- known engine bugs (xfail until fixed; see the reasons) ---------------------------------------


def test_sb703_points_at_the_fields_it_reads(kit):
    hit = found(lint(POSITIVE["SB703"].build(kit)), "SB703")[0]
    assert hit.field in ("outcome", "reflection")


@pytest.mark.parametrize("code", ["SB721", "SB711"])
def test_sb790_does_not_repeat_what_a_pitfall_already_said(code, kit):
    report = lint(POSITIVE[code].build(kit))
    assert found(report, code)
    assert not found(report, "SB790"), describe(report)


def test_sb204_a_metric_digit_inside_another_number_is_not_spoken(kit):
    story = kit.mk(metrics=[{"name": "p99 booking latency", "before": 12.0, "after": 4.0,
                             "unit": "ms"}])
    assert "12" not in story.answer_text() and " 4 " not in story.answer_text()
    assert found(lint(story), "SB204")


def test_sb402_go_is_not_mentioned_by_the_word_logs(kit):
    story = kit.mk(technologies=["Go"])
    assert "Go" not in story.answer_text().split()
    assert found(lint(story), "SB402")


def test_sb731_message_quotes_its_match_once(kit):
    hit = found(lint(POSITIVE["SB731"].build(kit)), "SB731")[0]
    assert '""' not in hit.message, hit.message
