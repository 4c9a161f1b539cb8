"""Banks for the cheat-sheet tests: a small one of our own, a stress bank, a hostile bank, and the
repository's example bank (skipped until `stories/` has story files)."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from pathlib import Path

import pytest
import tomlkit

from storybank.bank import Bank
from storybank.catalog import builtin_catalog

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "stories"
QUESTION_IDS = ["project", "failure", "disagreement", "performance", "learning", "motivation",
                "rubric", "schedule"]
PROBES = ("differently", "alternatives", "technical", "collaborators")


def write_story(root: Path, story_id: str, **fields) -> Path:
    doc = tomlkit.document()
    doc["schema"] = 1
    metrics = fields.pop("metrics", [])
    followups = fields.pop("followups", None)
    for key, value in fields.items():
        doc[key] = value
    if metrics:
        table = tomlkit.aot()
        for m in metrics:
            table.append(tomlkit.item(m))
        doc["metrics"] = table
    if followups is not None:
        doc["followups"] = followups
    path = root / f"{story_id}.toml"
    path.write_text(tomlkit.dumps(doc), encoding="utf-8")
    return path


def write_bank(root: Path, stories: dict[str, dict]) -> Path:
    """A bank folder holding one story file per id in `stories`."""
    root.mkdir(exist_ok=True)
    for story_id, fields in stories.items():
        write_story(root, story_id, **fields)
    return root


def small_story(qid: str, n: int) -> dict:
    return {
        "title": f"Story {n} for {qid}: moving the billing queue to Redis",
        "questions": [qid],
        "technologies": ["Redis", "Python"],
        "ownership": f"I owned the {qid} work end to end: design, rollout and on-call.",
        "situation": f"Checkout at Acme retried failed payments {n} times a night with cron.",
        "action": "I moved retries to a Redis-backed exponential backoff and wrote the runbook.",
        "outcome": "Failed-retry latency fell from 4.2 seconds to 1.1 seconds for 3 million payments.",
        "reflection": "I would load-test the backoff before rollout next time.",
        "metrics": [
            {"name": "failed-retry latency", "before": 4.2, "after": 1.1, "unit": "s"},
            {"name": "transactions", "value": 3000000, "unit": "per day"},
            {"name": "error rate", "before": 40 + n, "after": 12, "unit": "%"},
        ],
        "followups": {
            "differently": "I would add a canary stage with 5% of traffic first.",
            "alternatives": "I compared RabbitMQ delayed queues; Redis was already in production.",
            "technical": "Each retry is a sorted-set entry keyed by due time; a worker polls it.",
            "collaborators": "The SRE on call reviewed the runbook; finance signed off the numbers.",
        },
    }


@pytest.fixture
def small_bank(tmp_path: Path) -> Path:
    """Eight short stories, one per question type."""
    return write_bank(tmp_path / "small", {f"story-{n}-{qid}": small_story(qid, n)
                                           for n, qid in enumerate(QUESTION_IDS, start=1)})


@pytest.fixture
def gappy_bank(tmp_path: Path) -> Path:
    """Seven stories: `rubric` has none, so the sheet must show it as a gap."""
    return write_bank(tmp_path / "gappy", {f"story-{n}-{qid}": small_story(qid, n)
                                           for n, qid in enumerate(QUESTION_IDS, start=1)
                                           if qid != "rubric"})


WORDS = ["throughput", "latency", "partition", "consumer", "replica", "checkpoint", "backpressure", "idempotency", "reconciliation", "watermark", "compaction", "serialization", "orchestration", "observability", "rollback", "migration", "sharding", "rebalancing", "deduplication", "instrumentation", "benchmark", "regression", "allocation", "scheduler", "invalidation", "quorum", "failover", "snapshot", "tombstone", "bottleneck", "profiler", "flamegraph", "contention", "retries", "timeout", "circuit", "breaker", "canary", "dashboard", "alerting", "runbook", "postmortem", "staging", "integration", "pipeline", "warehouse", "ingestion"]
NAMES = ["Kubernetes", "ClickHouse", "PostgreSQL", "Kafka", "Terraform", "Elasticsearch", "Cassandra", "Prometheus", "Grafana", "RabbitMQ", "Snowflake", "Databricks", "BigQuery", "Airflow", "Temporal", "Envoy"]


def long_text(rng: random.Random, words: int) -> str:
    out: list[str] = []
    while len(out) < words:
        sentence = [rng.choice(WORDS) for _ in range(rng.randint(8, 16))]
        sentence[rng.randrange(len(sentence))] = rng.choice(NAMES)
        sentence[rng.randrange(len(sentence))] = f"{rng.randint(2, 99_000):,} {rng.choice(['ms', 'rows', 'requests', 'nodes'])}"
        out.extend(sentence)
        out[-1] += "."
        out[len(out) - len(sentence)] = out[len(out) - len(sentence)].capitalize()
    return " ".join(out[:words]) + "."


def stress_story(qid: str, n: int, rng: random.Random) -> dict:
    return {
        "title": (f"Re-architecting the multi-region {rng.choice(NAMES)} ingestion and reconciliation "
                  f"platform for story number {n} with zero-downtime cutover"),
        "questions": [qid],
        "technologies": rng.sample(NAMES, 6),
        "ownership": "I owned " + long_text(rng, 60),
        "situation": long_text(rng, 600),
        "action": long_text(rng, 600),
        "outcome": long_text(rng, 600),
        "reflection": long_text(rng, 600),
        "metrics": [
            ({"name": f"very long metric name number {k} about end-to-end p99 latency (steady state)",
              "before": rng.randint(1000, 9_999_999) + 0.25, "after": rng.randint(1, 999) + 0.5,
              "unit": "milliseconds per request"}
             if k % 2 else
             {"name": f"records reconciled per region per day, metric {k}",
              "value": rng.randint(1_000_000, 9_000_000_000), "unit": "per day"})
            for k in range(12)
        ],
        "followups": {probe: long_text(rng, 300) for probe in PROBES},
    }


@pytest.fixture(scope="session")
def stress_bank(tmp_path_factory) -> Path:
    """Eight long stories: 70+ character titles, 12 metrics, 600-word parts, long follow-ups."""
    rng = random.Random(5)
    return write_bank(tmp_path_factory.mktemp("stress"), {
        f"stress-{n}": stress_story(qid, n, rng) for n, qid in enumerate(QUESTION_IDS, start=1)})


HOSTILE = {
    "script": "<script>alert(1)</script>",
    "jinja_expr": "{{ 7*7 }}",
    "jinja_raw": "{% raw %}",
    "jinja_comment": "{#",
    "emoji": "🚀🔥",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
}


def hostile_story(qid: str, n: int) -> dict:
    """A small story with HTML, Jinja2 and right-to-left text in every kind of field."""
    story = small_story(qid, n)
    story["title"] = f"{HOSTILE['script']} {HOSTILE['jinja_expr']} {HOSTILE['hebrew']} {n}"
    story["ownership"] = (f"I owned {HOSTILE['jinja_raw']} {HOSTILE['jinja_comment']} "
                          f"{HOSTILE['emoji']} {HOSTILE['arabic']} fully")
    story["situation"] = f"Hostile {' '.join(HOSTILE.values())} Kafka situation."
    story["action"] = f"{HOSTILE['arabic']} {HOSTILE['hebrew']} {HOSTILE['script']}"
    story["metrics"] = [{"name": "<b>bold</b> {{ 7*7 }}", "value": 12, "unit": "<i>u</i>"}]
    story["followups"] = {"differently": f"{HOSTILE['jinja_expr']} {HOSTILE['script']} Redis"}
    return story


@pytest.fixture
def hostile_bank(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "hostile", {f"hostile-{n}": hostile_story(qid, n)
                                             for n, qid in enumerate(QUESTION_IDS, start=1)})


@pytest.fixture(scope="session")
def example_bank() -> Path:
    if not EXAMPLES.is_dir() or not any(EXAMPLES.glob("*.toml")):
        pytest.skip("the example bank (stories/) has no story files yet")
    return EXAMPLES


def open_bank(root: Path) -> Bank:
    return Bank.open(root)


def catalog():
    return builtin_catalog()


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None,
            exe: list[str] | None = None) -> subprocess.CompletedProcess:
    command = (exe or [sys.executable, "-m", "storybank"]) + list(args)
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def weasyprint_ok() -> bool:
    from storybank.export import pdf

    return pdf.available()


needs_weasyprint = pytest.mark.skipif(not weasyprint_ok(), reason="WeasyPrint is not installed")
