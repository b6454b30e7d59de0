"""The benchmark harness: a national-scale world to seed, and measurements as ratios against baselines.

Absolute times mean little on shared machines; every figure printed is a ratio against a baseline
measured in the same run, so a change that makes a page slower shows whatever the machine.
"""

import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


@dataclass
class World:
    """What every app's `seed(world)` builds on: 150 partnerships, each with one person per role."""

    partnerships: list = field(default_factory=list)
    people: dict = field(default_factory=dict)  # (partnership id, role) -> person
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    years: int = 10
    today: date = field(default_factory=date.today)

    def person(self, partnership, role: str):
        return self.people[(partnership.pk, role)]


@dataclass
class Measurement:
    label: str
    per_second: float
    p95_ms: float
    queries: int | None = None


class Bench:
    def __init__(self, *, seconds_per_page: float = 3.0, minimum_requests: int = 20):
        self.seconds_per_page = seconds_per_page
        self.minimum_requests = minimum_requests
        self.rows: list[str] = []
        self.baseline: Measurement | None = None

    def _client_for(self, person) -> Client:
        from core.testing import sign_in

        client = Client()
        sign_in(client, person)
        return client

    def _measure(self, label: str, url: str, person) -> Measurement:
        client = self._client_for(person)
        response = client.get(url)
        assert response.status_code == 200, f"{label}: {url} answered {response.status_code}"
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        # Read now: each later request empties the connection's query log.
        queries = len(captured.captured_queries)
        timings = []
        started = time.perf_counter()
        while (
            len(timings) < self.minimum_requests
            or time.perf_counter() - started < self.seconds_per_page
        ):
            begin = time.perf_counter()
            client.get(url)
            timings.append(time.perf_counter() - begin)
            if len(timings) >= 2000:
                break
        elapsed = sum(timings)
        p95 = statistics.quantiles(timings, n=20)[18] if len(timings) >= 20 else max(timings)
        return Measurement(label, len(timings) / elapsed, p95 * 1000, queries)

    def set_baseline(self, person) -> None:
        self.baseline = self._measure(
            "Minimal signed-in page (baseline)", reverse("partnership:account"), person
        )
        self.rows.append(self._format(self.baseline))

    def page(self, label: str, url: str, person) -> Measurement:
        measured = self._measure(label, url, person)
        self.rows.append(self._format(measured))
        print(self.rows[-1], flush=True)
        return measured

    def _format(self, measured: Measurement) -> str:
        base = self.baseline or measured
        return (
            f"| {measured.label} | {measured.per_second:.0f} | {measured.per_second / base.per_second:.2f} "
            f"| {measured.p95_ms:.1f} | {measured.p95_ms / base.p95_ms:.2f} | {measured.queries} |"
        )

    def compare(
        self,
        label: str,
        function: Callable[[], object],
        baseline_label: str,
        baseline_function: Callable[[], object],
        *,
        repeat: int = 20,
    ) -> float:
        """Time per call of `function` as a ratio of `baseline_function`'s, both run here and now."""

        def per_call(target):
            target()  # warm up
            times = []
            for _ in range(repeat):
                begin = time.perf_counter()
                target()
                times.append(time.perf_counter() - begin)
            return statistics.median(times)

        measured, baseline = per_call(function), per_call(baseline_function)
        ratio = measured / baseline if baseline else float("inf")
        self.rows.append(
            f"| {label} vs {baseline_label} | median {measured * 1000:.2f} ms vs {baseline * 1000:.3f} ms | ratio {ratio:.1f} | | | |"
        )
        print(self.rows[-1], flush=True)
        return ratio
