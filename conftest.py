import os
import urllib.request
from pathlib import Path

import pytest

from core.testing import CHROMIUM_ARGS, CHROMIUM_PATH, production_servers_on
from partnership.testing import build_cast

# Playwright's sync API runs an event loop; Django must allow database calls beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_addoption(parser):
    parser.addoption(
        "--production-server",
        action="store_true",
        help="Serve browser journeys from gunicorn with production settings (PostgreSQL and Redis) "
        "instead of Django's development live server.",
    )


@pytest.fixture
def cast(db):
    return build_cast()


@pytest.fixture
def demo_allowed(settings):
    """The demo commands run only with DEBUG on, as on a developer's machine."""
    settings.DEBUG = True


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for a module of tests that only read it (each test's own changes
    are rolled back as usual); rolled back after the module. Not for browser tests."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(DEBUG=True):
            call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _documents_in_temporary_folder(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents")},
        },
    }


@pytest.fixture
def object_store(settings, monkeypatch, tmp_path):
    """Documents kept in an S3-compatible object store (moto's S3 server, over HTTP), configured
    as a deployment configures it; yields the bucket."""
    import boto3
    from moto.server import ThreadedMotoServer

    from learninghub.settings import document_storage

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test-key")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test-secret")
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    bucket = boto3.resource("s3", endpoint_url=endpoint, region_name="eu-west-2").create_bucket(
        Bucket="learninghub-documents",
        CreateBucketConfiguration={"LocationConstraint": "eu-west-2"},
    )
    settings.STORAGES = {
        **settings.STORAGES,
        "default": document_storage(
            {
                "DOCUMENT_BUCKET": bucket.name,
                "DOCUMENT_S3_ENDPOINT_URL": endpoint,
                "DOCUMENT_S3_REGION": "eu-west-2",
                "DOCUMENT_S3_PREFIX": "documents",
                # Set, to show it is not used: nothing is written to disk.
                "DOCUMENT_ROOT": str(tmp_path / "unused"),
            }
        ),
    }
    yield bucket
    # moto keeps its buckets in this process: empty them for the next test.
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST"))
    server.stop()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache, as it starts with an empty database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # The first request imports every view (scikit-learn among them, many seconds on a busy
    # machine): import them here, not inside the first page's timeout.
    import learninghub.urls  # noqa: F401

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, request):
    # Production servers in tests answer HTTPS with a certificate made for the test run.
    context = browser.new_context(
        locale="en-GB", timezone_id="Europe/London", ignore_https_errors=True
    )
    context.set_default_timeout(15000)
    page = context.new_page()
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        # A picture of the page a browser test failed on, for whoever reads the CI log.
        folder = Path("var/test-screenshots")
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=folder / f"{request.node.name}.png", full_page=True)
        print(f"Screenshot of the failing page: {folder / request.node.name}.png ({page.url})")
    context.close()


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """Where the production servers' hashed static files are collected, once per test run."""
    return tmp_path_factory.mktemp("production-static")


@pytest.fixture
def production_servers(transactional_db, production_static, tmp_path):
    """Starts gunicorn servers with production settings on the test database: `start(count)`."""
    with production_servers_on(static_root=production_static, logs=tmp_path) as start:
        yield start


@pytest.fixture
def server_url(request):
    """The address browser journeys visit: Django's live server, or with --production-server a
    gunicorn with production settings."""
    if request.config.getoption("--production-server"):
        request.getfixturevalue("cast")  # made first, so its people can sign in there
        return request.getfixturevalue("production_servers")(1)[0]
    return request.getfixturevalue("live_server").url
