"""Seed a national-scale database and measure the main pages: `make bench`.

Uses a fresh SQLite file (var/bench.sqlite3) unless BENCH_DATABASE_URL names another database,
which is then emptied and rebuilt.
"""

import importlib
import os
import pkgutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["TESTING"] = "true"
    database_url = os.environ.get(
        "BENCH_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}"
    )
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        (ROOT / "var").mkdir(exist_ok=True)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learninghub.settings")

    import django

    django.setup()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    setup_test_environment()
    if not database_url.startswith("sqlite"):
        call_command("flush", interactive=False, verbosity=0)
    started = time.perf_counter()
    call_command("migrate", verbosity=0)

    from benchmarks import foundation
    from benchmarks.runner import Bench, World

    world = World()
    modules = [foundation] + [
        importlib.import_module(f"benchmarks.{info.name}")
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name not in {"runner", "foundation", "__main__"}
    ]
    for module in modules:
        begin = time.perf_counter()
        module.seed(world)
        print(
            f"seeded {module.__name__.rsplit('.', 1)[-1]} in {time.perf_counter() - begin:.1f} s",
            flush=True,
        )
    print(
        f"database ready in {time.perf_counter() - started:.1f} s ({database_url.split(':', 1)[0]})\n",
        flush=True,
    )

    bench = Bench()
    from partnership.models import Role

    bench.set_baseline(world.person(world.partnerships[0], Role.BUSINESS_UNIT_MANAGER))
    print(
        "| page or operation | requests/s | ratio | p95 ms | ratio | queries |\n|---|---|---|---|---|---|"
    )
    print(bench.rows[0], flush=True)
    for module in modules:
        module.measure(bench)


if __name__ == "__main__":
    main()
