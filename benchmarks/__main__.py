"""Seed a national-scale database, serve it with gunicorn and measure it under concurrent load.

`make bench` (`python -m benchmarks`): every page against the baseline page, and the operations;
prints the table and writes `var/benchmarks.json`.
`python -m benchmarks seed` seeds only.
`make bench-load` (`python -m benchmarks load`): 50 signed-in people following a mixed journey
through the same pages for five minutes; writes `var/benchmarks-load.json`.

The database is PostgreSQL `learninghub_bench` on the local server unless BENCH_DATABASE=sqlite
(a file in var/) or BENCH_DATABASE_URL names another. Seeding resumes where it stopped and is skipped
when done; BENCH_RESEED=true rebuilds the world. BENCH_ONLY=performance,reviews measures only those
modules' pages and operations. The server uses Redis at BENCH_REDIS_URL
(database 3 of the local server by default).
"""

import importlib
import json
import os
import pkgutil
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
# Modules of the harness itself; every other module here is a capability's `seed` and `measure`.
HARNESS = {"__main__", "runner", "foundation", "load", "seeding"}
LOAD_USERS = 50
LOAD_SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", 300))
# Seconds a person spends on a page before the next: a brisk reader.
THINK_SECONDS = (1, 5)


def _database_url() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    if os.environ.get("BENCH_DATABASE", "postgresql") == "sqlite":
        return f"sqlite:///{VAR / 'bench.sqlite3'}"
    return "postgres://postgres@127.0.0.1:5432/learninghub_bench"


def _recreate_database(database_url: str, *, drop: bool) -> None:
    """Create the benchmark database if it is missing; with `drop`, empty it first."""
    if database_url.startswith("sqlite:///"):
        if drop:
            Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(database_url)
    with psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as server:
        name = config["NAME"]
        if drop:
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            server.execute(f'CREATE DATABASE "{name}"')


def _modules():
    from benchmarks import foundation

    return [foundation] + [
        importlib.import_module(f"benchmarks.{info.name}")
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name not in HARNESS
    ]


def _prepare(database_url: str, redis_url: str):
    """The seeded world, with Django set up in this process; rebuilt if a module has changed."""
    VAR.mkdir(exist_ok=True)
    _recreate_database(database_url, drop=os.environ.get("BENCH_RESEED") == "true")
    os.environ.update(
        TESTING="true",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        STATIC_ROOT=str(VAR / "bench-static"),
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learninghub.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    from benchmarks import seeding
    from benchmarks.runner import World

    setup_test_environment()
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    modules = _modules()
    stale = seeding.stale_modules(modules)
    if stale:
        print(f"the benchmark world changed ({', '.join(stale)}): rebuilding it", flush=True)
        connection.close()
        _recreate_database(database_url, drop=True)
        call_command("migrate", verbosity=0)
    world = World()
    seeding.seed(world, modules)
    print(
        f"database ready in {time.perf_counter() - started:.1f} s ({connection.vendor})\n",
        flush=True,
    )
    return world, modules


def main(arguments: list[str]) -> int:
    """`seed` seeds only; `load` runs the load test; with no argument, the benchmark."""
    started = time.perf_counter()
    database_url = _database_url()
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    world, modules = _prepare(database_url, redis_url)
    if arguments[:1] == ["seed"]:
        return 0

    from django.core.cache import cache

    from benchmarks.runner import Bench, LoadGenerator, Sessions
    from core import gunicorn
    from partnership.models import Role

    cache.clear()
    environment = gunicorn.production_environment(
        database_url=database_url, redis_url=redis_url, static_root=VAR / "bench-static"
    )
    gunicorn.collect_static(environment)
    workers = os.cpu_count() or 2
    with gunicorn.serve(environment, workers=workers, log=VAR / "bench-gunicorn.log") as address:
        print(f"gunicorn with {workers} workers at {address}, production settings\n", flush=True)
        load = LoadGenerator(address)
        try:
            bench = Bench(load=load, sessions=Sessions(), collect_only=arguments[:1] == ["load"])
            bench.set_baseline(world.person(world.partnerships[0], Role.BUSINESS_UNIT_MANAGER))
            if arguments[:1] == ["load"]:
                return _load_test(bench, modules)
            return _benchmark(bench, modules, started)
        finally:
            load.close()


def _benchmark(bench, modules, started: float) -> int:
    from benchmarks.runner import TABLE_HEADING

    print(TABLE_HEADING, flush=True)
    only = set(filter(None, os.environ.get("BENCH_ONLY", "").split(",")))
    for module in modules:
        if not only or module.__name__.rsplit(".", 1)[-1] in only:
            module.measure(bench)
    print(bench.baseline_result().row(), flush=True)
    bench.write(VAR / "benchmarks.json")
    print(f"\nwrote var/benchmarks.json; whole run {time.perf_counter() - started:.0f} s")
    if bench.failures:
        print("Requests failed:\n" + "\n".join(bench.failures[:50]), file=sys.stderr)
        return 1
    return 0


def _load_test(listed, modules) -> int:
    """50 signed-in people, each following the pages measured for one of the benchmark's people.

    `listed` is a Bench that only lists the pages each module measures."""
    from benchmarks.runner import p95

    for module in modules:
        module.measure(listed)
    sessions, baseline_person = listed.sessions, listed.baseline_person
    alone = p95(
        listed.load.ask(
            "phase",
            url=listed.baseline_url,
            sessions=sessions.keys(baseline_person, listed.concurrency),
            requests=listed.requests,
        )["times"]
    )
    # Users are spread over the pages, not over the people, so that every page is asked for about
    # as often: each is the person of one page and walks through all of that person's pages.
    owners = [person for _name, _url, person in listed.pages]
    users = [
        {
            "session": sessions.key(owner, slot=100 + number),
            "pages": [[name, url] for name, url, person in listed.pages if person == owner],
        }
        for number, owner in ((n, owners[n % len(owners)]) for n in range(LOAD_USERS))
    ]
    print(
        f"{LOAD_USERS} people over {len(listed.pages)} pages for {LOAD_SECONDS} s, "
        f"{THINK_SECONDS[0]}–{THINK_SECONDS[1]} s on each page; the baseline's p95 alone is "
        f"{alone:.1f} ms, so each page's must be under {3 * alone:.1f} ms\n",
        flush=True,
    )
    answer = listed.load.ask(
        "journey", users=users, seconds=LOAD_SECONDS, think=list(THINK_SECONDS)
    )
    print("| page | requests | p95 ms | p95 ratio to the baseline alone | within 3× |")
    print("|---|---|---|---|---|")
    rows = []
    for name, times in sorted(answer["times"].items()):
        rows.append(
            {"name": name, "samples": len(times), "p95_ratio": round(p95(times) / alone, 3)}
        )
        print(
            f"| {name} | {len(times)} | {p95(times):.1f} | {p95(times) / alone:.2f} | "
            f"{'yes' if p95(times) <= 3 * alone else 'NO'} |",
            flush=True,
        )
    requests = sum(len(times) for times in answer["times"].values())
    print(
        f"\n{requests} requests in {answer['elapsed']:.0f} s "
        f"({requests / answer['elapsed']:.1f} a second), {len(answer['failures'])} failed"
    )
    (VAR / "benchmarks-load.json").write_text(
        json.dumps(
            {"baseline_p95_ms": round(alone, 1), "failures": answer["failures"], "pages": rows},
            indent=2,
        )
        + "\n"
    )
    for failure in answer["failures"][:20]:
        print(f"  failed: {failure}", file=sys.stderr)
    missed = [row["name"] for row in rows if row["p95_ratio"] > 3]
    if missed:
        print(f"p95 over 3× the baseline's: {', '.join(missed)}", file=sys.stderr)
    return 1 if answer["failures"] or missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
