"""The benchmark harness: a national-scale world to seed, and measurements as ratios against baselines.

Absolute times mean little on a shared machine; every figure is a ratio against a baseline measured
in the same run beside it. A page is measured over real sockets against gunicorn by a concurrent
load generator (`benchmarks/load.py`), interleaved with the baseline page (baseline, page,
baseline, next page, baseline...), and its ratios are against the two baselines next to it.
An operation (an import, a search) is timed in this process against a named baseline operation.
"""

import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.text import slugify

REQUESTS_PER_PHASE = 200
CONCURRENCY = 4


@dataclass
class World:
    """What every app's `seed(world)` builds on: 150 partnerships, each with one person per role.

    A module may also define `load(world)`, which puts back on the world what its `seed` would
    have, when a resumed run finds that module's data already in the database.
    """

    partnerships: list = field(default_factory=list)
    people: dict = field(default_factory=dict)  # (partnership id, role) -> person
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    years: int = 10
    today: date = field(default_factory=date.today)

    def person(self, partnership, role: str):
        return self.people[(partnership.pk, role)]


@dataclass
class Result:
    """One row of `var/benchmarks.json` (the first six fields) and of the printed table."""

    name: str
    kind: str  # "page" or "operation"
    throughput_ratio: float | None
    p95_ratio: float
    queries: int | None
    samples: int
    label: str = ""
    per_second: float | None = None
    p95_ms: float = 0.0
    baseline_label: str = ""
    baseline_per_second: float | None = None
    baseline_p95_ms: float = 0.0
    failures: list[str] = field(default_factory=list)

    def published(self) -> dict:
        return {
            key: value
            for key, value in asdict(self).items()
            if key in ("name", "kind", "throughput_ratio", "p95_ratio", "queries", "samples")
        }

    def row(self) -> str:
        def figure(value, digits=1):
            return "" if value is None else f"{value:.{digits}f}"

        return (
            f"| {self.name} | {self.label} | {figure(self.per_second)} | "
            f"{figure(self.throughput_ratio, 2)} | {figure(self.p95_ms)} | {figure(self.p95_ratio, 2)} | "
            f"{'' if self.queries is None else self.queries} | {self.samples} |"
        )


TABLE_HEADING = (
    "| name | page or operation | requests/s | throughput ratio | p95 ms | p95 ratio | queries | samples |\n"
    "|---|---|---|---|---|---|---|---|"
)


def p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]


class LoadGenerator:
    """The locust process (`benchmarks/load.py`), one command at a time."""

    def __init__(self, address: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.load", address, settings.SESSION_COOKIE_NAME],
            cwd=settings.BASE_DIR,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def ask(self, command: str, **arguments) -> dict:
        self.process.stdin.write(json.dumps({"command": command, **arguments}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError("the load generator stopped")
        return json.loads(answer)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


class Sessions:
    """Signed-in sessions for the benchmark's people, several for each where users run at once."""

    def __init__(self):
        self.made: dict[tuple[int, int], str] = {}

    def key(self, person, slot: int = 0) -> str:
        from partnership.testing import signed_in_session

        if (person.pk, slot) not in self.made:
            self.made[(person.pk, slot)] = signed_in_session(person)
        return self.made[(person.pk, slot)]

    def keys(self, person, count: int) -> list[str]:
        return [self.key(person, slot) for slot in range(count)]


@dataclass
class _Phase:
    times: list[float]
    elapsed: float
    failures: list[str]

    @property
    def per_second(self) -> float:
        return len(self.times) / self.elapsed


class Bench:
    """What every app's `measure(bench)` calls: `page(...)` for a page, `operation(...)` for work
    done outside a request. With `collect_only`, pages are listed (for the load test) and nothing is
    measured."""

    BASELINE_LABEL = "Minimal signed-in page (baseline)"

    def __init__(
        self,
        *,
        load: LoadGenerator | None,
        sessions: Sessions,
        requests: int = REQUESTS_PER_PHASE,
        concurrency: int = CONCURRENCY,
        collect_only: bool = False,
    ):
        self.load = load
        self.sessions = sessions
        self.requests = requests
        self.concurrency = concurrency
        self.collect_only = collect_only
        self.results: list[Result] = []
        self.pages: list[tuple[str, str, object]] = []  # (name, url, person)
        self.baseline_person = None
        self._last_baseline: _Phase | None = None
        self._baseline_phases: list[_Phase] = []
        self._baseline_queries: int | None = None

    # --- pages -------------------------------------------------------------------------------

    def set_baseline(self, person) -> None:
        self.baseline_person = person
        if not self.collect_only:
            self._baseline_queries = self._queries(self.BASELINE_LABEL, self.baseline_url, person)

    @property
    def baseline_url(self) -> str:
        return reverse("partnership:account")

    def page(self, label: str, url: str, person, *, name: str | None = None) -> Result | None:
        name = name or _name_of(label)
        self.pages.append((name, url, person))
        if self.collect_only:
            return None
        queries = self._queries(label, url, person)
        before = self._last_baseline or self._baseline()
        measured = self._phase(url, person)
        after = self._baseline()
        baseline = _Phase(
            before.times + after.times,
            before.elapsed + after.elapsed,
            [*before.failures, *after.failures],
        )
        base_p95 = p95(baseline.times)
        result = Result(
            name=name,
            kind="page",
            throughput_ratio=round(measured.per_second / baseline.per_second, 3),
            p95_ratio=round(p95(measured.times) / base_p95, 3),
            queries=queries,
            samples=len(measured.times),
            label=label,
            per_second=measured.per_second,
            p95_ms=p95(measured.times),
            baseline_label=self.BASELINE_LABEL,
            baseline_per_second=baseline.per_second,
            baseline_p95_ms=base_p95,
            failures=measured.failures + baseline.failures,
        )
        self._publish(result)
        return result

    def baseline_result(self) -> Result:
        times = [time for phase in self._baseline_phases for time in phase.times]
        elapsed = sum(phase.elapsed for phase in self._baseline_phases)
        return Result(
            name="baseline",
            kind="page",
            throughput_ratio=1.0,
            p95_ratio=1.0,
            queries=self._baseline_queries,
            samples=len(times),
            label=self.BASELINE_LABEL,
            per_second=len(times) / elapsed,
            p95_ms=p95(times),
        )

    def _baseline(self) -> _Phase:
        self._last_baseline = self._phase(self.baseline_url, self.baseline_person)
        self._baseline_phases.append(self._last_baseline)
        return self._last_baseline

    def _phase(self, url: str, person) -> _Phase:
        answer = self.load.ask(
            "phase",
            url=url,
            sessions=self.sessions.keys(person, self.concurrency),
            requests=self.requests,
        )
        return _Phase(answer["times"], answer["elapsed"], answer["failures"])

    def _queries(self, label: str, url: str, person) -> int:
        """The page's query count, from one request through Django's test client in this process."""
        client = Client()
        client.cookies[settings.SESSION_COOKIE_NAME] = self.sessions.key(person)
        response = client.get(url)  # fills what is filled once per process or cached
        if response.status_code != 200:
            raise AssertionError(f"{label}: {url} answered {response.status_code}")
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured.captured_queries)

    # --- operations --------------------------------------------------------------------------

    def operation(
        self,
        name: str,
        label: str,
        function: Callable[[], object],
        *,
        baseline: str,
        baseline_function: Callable[[], object],
        repeat: int = 20,
    ) -> Result | None:
        """Time `function` against `baseline_function`, both run here and now, `repeat` times each
        after one run to warm up; the ratio is of the 95th percentiles (the slowest of fewer than
        twenty)."""
        if self.collect_only:
            return None

        def times_of(target) -> list[float]:
            target()
            times = []
            for _ in range(repeat):
                begin = time.perf_counter()
                target()
                times.append((time.perf_counter() - begin) * 1000)
            return times

        measured, base = times_of(function), times_of(baseline_function)
        result = Result(
            name=name,
            kind="operation",
            throughput_ratio=None,
            p95_ratio=round(p95(measured) / p95(base), 3),
            queries=None,
            samples=len(measured),
            label=f"{label} (against {baseline})",
            p95_ms=p95(measured),
            baseline_label=baseline,
            baseline_p95_ms=p95(base),
        )
        self._publish(result)
        return result

    def compare(
        self,
        label: str,
        function: Callable[[], object],
        baseline_label: str,
        baseline_function: Callable[[], object],
        *,
        repeat: int = 20,
    ) -> float | None:
        """`operation` named after its label, for modules written before operations had names."""
        result = self.operation(
            _name_of(label),
            label,
            function,
            baseline=baseline_label,
            baseline_function=baseline_function,
            repeat=repeat,
        )
        return None if result is None else result.p95_ratio

    # --- output ------------------------------------------------------------------------------

    def _publish(self, result: Result) -> None:
        self.results.append(result)
        print(result.row(), flush=True)
        for failure in result.failures[:5]:
            print(f"  failed: {failure}", flush=True)

    def write(self, path: Path) -> None:
        rows = [self.baseline_result(), *self.results] if self._baseline_phases else self.results
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([row.published() for row in rows], indent=2) + "\n")

    @property
    def failures(self) -> list[str]:
        return [
            f"{result.name}: {failure}" for result in self.results for failure in result.failures
        ]


def _name_of(label: str) -> str:
    return slugify(label).replace("-", "_")
