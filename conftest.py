import os
from pathlib import Path

import pytest

from core.testing import CHROMIUM_ARGS, CHROMIUM_PATH, build_cast

# Playwright's sync API runs an event loop; Django must allow database calls beside it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def cast(db):
    return build_cast()


@pytest.fixture
def demo_allowed(settings):
    """The demo commands run only with DEBUG on, as on a developer's machine."""
    settings.DEBUG = True


@pytest.fixture(autouse=True)
def _documents_in_temporary_folder(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents")},
        },
    }


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
    context = browser.new_context(locale="en-GB", timezone_id="Europe/London")
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
