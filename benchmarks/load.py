"""The load generator: locust users over real sockets, driven by the benchmark one command at a time.

It runs in a process of its own (`python -m benchmarks.load ADDRESS COOKIE_NAME`) because locust
patches the standard library for gevent as it is imported, which the Django process must not have.
Commands come on standard input and answers go to standard output, one JSON object a line:

- {"command": "phase", "url": ..., "sessions": [...], "requests": 200}: one user per session asks
  for `url` again and again, without pause, until `requests` answers have come; the answer gives
  each request's time in milliseconds and the phase's elapsed seconds.
- {"command": "journey", "users": [{"session": ..., "pages": [[name, url], ...]}, ...],
  "seconds": 300, "think": [1, 5]}: each user walks its pages in turn, pausing a random time
  between the two `think` figures (seconds) after each, for `seconds`; the answer gives each
  page's request times.

Every answer also lists the failures: any status but 200 (a redirect to sign-in is a failure too)
or a broken connection.
"""

import itertools
import json
import logging
import random
import sys
import time

import gevent
from gevent.event import Event
from locust import FastHttpUser, between, constant, task
from locust.env import Environment

ADDRESS, COOKIE_NAME = sys.argv[1], sys.argv[2]


class _SignedInVisitor(FastHttpUser):
    abstract = True
    host = ADDRESS
    # The load balancer ends TLS and says so, as in production.
    default_headers = {"X-Forwarded-Proto": "https"}
    network_timeout = 120.0
    connection_timeout = 30.0
    session = ""

    def visit(self, url: str, name: str) -> None:
        # The session cookie is sent as the benchmark made it; the one the server sets back is the same.
        self.client.cookiejar.clear()
        with self.client.get(
            url,
            name=name,
            headers={"Cookie": f"{COOKIE_NAME}={self.session}"},
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"{url} answered {response.status_code}")


def _run(user_class, *, users: int, spawn_rate: float, until) -> None:
    environment = Environment(user_classes=[user_class])
    environment.events.request.add_listener(until.record)
    runner = environment.create_local_runner()
    runner.start(users, spawn_rate=spawn_rate)
    until.wait()
    runner.quit()


class _Recorder:
    def __init__(self, *, limit: int | None = None, seconds: float | None = None):
        self.limit, self.seconds = limit, seconds
        self.times: dict[str, list[float]] = {}
        self.failures: list[str] = []
        self.first_start: float | None = None
        self.last_end = 0.0
        self.count = 0
        self._done = Event()

    def record(self, name, response_time, exception, start_time=None, **_):
        if self._done.is_set():
            return
        if exception is not None:
            self.failures.append(f"{name}: {exception}")
        self.times.setdefault(name, []).append(response_time)
        start = start_time or time.time() - response_time / 1000
        self.first_start = start if self.first_start is None else min(self.first_start, start)
        self.last_end = max(self.last_end, start + response_time / 1000)
        self.count += 1
        if self.limit is not None and self.count >= self.limit:
            self._done.set()

    def wait(self) -> None:
        self._done.wait(timeout=self.seconds)
        self._done.set()


def phase(*, url: str, sessions: list[str], requests: int) -> dict:
    handed_out = itertools.cycle(sessions)

    class PhaseVisitor(_SignedInVisitor):
        wait_time = constant(0)

        def on_start(self):
            self.session = next(handed_out)

        @task
        def ask(self):
            self.visit(url, "phase")

    recorder = _Recorder(limit=requests)
    _run(PhaseVisitor, users=len(sessions), spawn_rate=len(sessions) * 10, until=recorder)
    return {
        "times": recorder.times.get("phase", []),
        "elapsed": recorder.last_end - recorder.first_start,
        "failures": recorder.failures,
    }


def journey(*, users: list[dict], seconds: float, think: list[float]) -> dict:
    handed_out = itertools.cycle(users)
    chooser = random.Random(2026)

    class Colleague(_SignedInVisitor):
        wait_time = between(*think)

        def on_start(self):
            plan = next(handed_out)
            self.session, self.pages = plan["session"], plan["pages"]
            # Users start at different points of their journey, as people at work do.
            self.step = chooser.randrange(len(self.pages))

        @task
        def next_page(self):
            name, url = self.pages[self.step % len(self.pages)]
            self.step += 1
            self.visit(url, name)

    recorder = _Recorder(seconds=seconds)
    _run(Colleague, users=len(users), spawn_rate=10, until=recorder)
    return {
        "times": recorder.times,
        "elapsed": recorder.last_end - (recorder.first_start or recorder.last_end),
        "failures": recorder.failures,
    }


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    for line in sys.stdin:
        command = json.loads(line)
        action = {"phase": phase, "journey": journey}[command.pop("command")]
        answer = action(**command)
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()
    gevent.sleep(0)


if __name__ == "__main__":
    main()
