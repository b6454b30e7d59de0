"""Gunicorn with production settings, started from Python: for the benchmark, the production smoke
test and the test that several servers share one database.

Production settings here means what a deployment runs: DEBUG and TESTING off, a secret key,
PostgreSQL, Redis, hashed and compressed static files, HTTPS assumed behind a proxy that says so
with X-Forwarded-Proto.
"""

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

# What the load balancer adds to every request it passes on after ending TLS.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
_NOT_PASSED_ON = {"DEBUG", "TESTING", "TEST_DATABASE_NAME", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def production_environment(
    *, database_url: str, redis_url: str, static_root: Path, **extra: str
) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key not in _NOT_PASSED_ON}
    environment.update(
        # This process's key, so that sessions it makes are valid on the server.
        SECRET_KEY=settings.SECRET_KEY,
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(static_root),
        LOG_LEVEL="WARNING",
        **extra,
    )
    return environment


def collect_static(environment: dict[str, str]) -> None:
    """The hashed, compressed static files that WhiteNoise serves in production."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=settings.BASE_DIR,
        env=environment,
        check=True,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and its key, for a server that a browser reaches over HTTPS."""
    certificate, key = folder / "certificate.pem", folder / "key.pem"
    if not certificate.exists():
        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
                *("-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"),
                *("-keyout", str(key), "-out", str(certificate)),
            ],
            check=True,
            capture_output=True,
        )
    return certificate, key


@contextmanager
def serve(
    environment: dict[str, str], *, workers: int, log: Path, https: bool = False
) -> Iterator[str]:
    """Run gunicorn until the block ends; yields its address once it answers its health check.

    Without `https` it answers plain HTTP as behind a load balancer that ends TLS (clients send
    PROXY_HEADERS); with it, HTTPS itself, for a browser.
    """
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "learninghub.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        # The application is loaded once, before the workers fork: they start at once and share
        # its memory, and a slow start on a busy machine is not mistaken for a hung worker.
        "--preload",
        "--timeout",
        "120",
        "--graceful-timeout",
        "5",
    ]
    if https:
        certificate, key = self_signed_certificate(log.parent)
        command += ["--certfile", str(certificate), "--keyfile", str(key)]
    with open(log, "ab") as log_file:
        process = subprocess.Popen(
            command,
            cwd=settings.BASE_DIR,
            env=environment,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    address = f"{'https' if https else 'http'}://127.0.0.1:{port}"
    try:
        _wait_until_healthy(address, process, log)
        yield address
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(address: str, process: subprocess.Popen, log: Path) -> None:
    # Loading the application on a busy machine can take a minute or two.
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped with code {process.returncode}; see {log}")
        request = urllib.request.Request(f"{address}/healthz", headers=PROXY_HEADERS)
        try:
            with urllib.request.urlopen(
                request, timeout=5, context=ssl._create_unverified_context()
            ) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer its health check in time; see {log}")
