"""Seeding the benchmark world once and resuming where it stopped.

Each capability module seeds in one transaction that also records it as done, with a fingerprint of
the module's source; a run that finds a module already done skips it. If a module's source has
changed since its data was written, the world is rebuilt from scratch, because the data an older
version wrote cannot be told apart from the rest.
"""

import hashlib
import inspect
import random
import time

from django.db import connection, transaction

_TABLE = "benchmark_seeded"


def fingerprint(module) -> str:
    return hashlib.sha256(inspect.getsource(module).encode()).hexdigest()[:16]


def _done() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {_TABLE} "
            "(module varchar(100) PRIMARY KEY, fingerprint varchar(16) NOT NULL, seconds real NOT NULL)"
        )
        cursor.execute(f"SELECT module, fingerprint FROM {_TABLE}")
        return dict(cursor.fetchall())


def stale_modules(modules) -> list[str]:
    """Modules seeded by a different version of their source: the world must be rebuilt."""
    done = _done()
    return [
        _name(module)
        for module in modules
        if _name(module) in done and done[_name(module)] != fingerprint(module)
    ]


def seed(world, modules) -> None:
    done = _done()
    for module in modules:
        name = _name(module)
        # Each module draws from its own random stream, so a resumed run builds what a whole one would.
        world.rng = random.Random(f"2026:{name}")
        if name in done:
            if hasattr(module, "load"):
                module.load(world)
            print(f"seeded {name}: already in the database", flush=True)
            continue
        begin = time.perf_counter()
        with transaction.atomic():
            module.seed(world)
            seconds = time.perf_counter() - begin
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {_TABLE} (module, fingerprint, seconds) VALUES (%s, %s, %s)",
                    [name, fingerprint(module), seconds],
                )
        print(f"seeded {name} in {seconds:.1f} s", flush=True)
    if connection.vendor == "postgresql":
        # The planner's statistics, as autovacuum would gather them in time on a live system.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _name(module) -> str:
    return module.__name__.rsplit(".", 1)[-1]
