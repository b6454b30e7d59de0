"""Test support shared by every app: signing in, query and accessibility checks, production servers.

The cast of personas, which needs the partnership app, is in `partnership/testing.py`.
"""

import html
import os
import re
import secrets
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

from django import forms
from django.core import validators
from django.db import connection, models
from django.test.utils import CaptureQueriesContext
from django.utils.functional import Promise
from django.utils.translation import ngettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
TEST_PASSWORD = "correct-horse-battery"


def confirmed_device(person) -> TOTPDevice:
    device = TOTPDevice.objects.filter(user=person, confirmed=True).first()
    return device or TOTPDevice.objects.create(
        user=person, name="Test authenticator", confirmed=True
    )


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def sign_in(client, person) -> None:
    """Sign `person` in on a Django test client, second factor included."""
    client.force_login(person)
    device = confirmed_device(person)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _message_texts(message) -> list[str]:
    """A message as Django words it; both forms of one that depends on a number."""
    plural = getattr(message, "_kw", {})
    if "singular" in plural:
        return [ngettext(plural["singular"], plural["plural"], count) for count in (1, 2)]
    return [str(message)]


@cache
def django_default_messages() -> tuple[re.Pattern, ...]:
    """Every error message Django words itself (its form and model fields, validators, forms and
    constraints), each as a pattern matching it with any value filled in."""
    found = []
    for base in (forms.Field, models.Field):
        for field in (base, *_subclasses(base)):
            if field.__module__.startswith("django."):
                found += field.__dict__.get("default_error_messages", {}).values()
    for form in _subclasses(forms.BaseForm):
        if form.__module__.startswith("django."):
            found += form.__dict__.get("error_messages", {}).values()
    found += forms.BaseFormSet.default_error_messages.values()
    found += [
        thing.message
        for thing in vars(validators).values()
        if isinstance(getattr(thing, "message", None), str | Promise)
    ]
    found += validators.DecimalValidator.messages.values()
    for constraint in _subclasses(models.BaseConstraint):
        found.append(constraint.default_violation_error_message)
    patterns = set()
    for message in found:
        for text in _message_texts(message):
            escaped = re.escape(text)
            patterns.add(re.sub(r"%\\\(\w+\\\)[sdr]|%[sdr]", ".+", escaped))
    return tuple(re.compile(pattern, re.DOTALL) for pattern in sorted(patterns))


def django_defaults_among(messages: Iterable[str]) -> list[str]:
    """The messages that are Django's own wording rather than the service's."""
    return [
        message
        for message in messages
        if any(pattern.fullmatch(str(message)) for pattern in django_default_messages())
    ]


def error_summary_messages(page: str) -> list[str]:
    """The messages a page lists in its GOV.UK error summary (empty when it shows none)."""
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', page, re.DOTALL)
    if not summary:
        return []
    items = re.findall(r"<li>(.*?)</li>", summary.group(1), re.DOTALL)
    return [html.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in items]


def count_queries(action: Callable[[], object]) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured.captured_queries)


def assert_queries_do_not_grow(
    fetch: Callable[[], object], add_records: Callable[[], object], *, status: int = 200
) -> None:
    """A page's query count stays the same when more records are added: no queries in loops.

    `fetch` returns the response, which must answer `status` each time: a refusal or a redirect
    makes few queries whatever the data, and would pass unnoticed.
    """

    def checked_fetch():
        response = fetch()
        answered = getattr(response, "status_code", None)
        assert answered == status, f"the page answered {answered}, expected {status}"

    checked_fetch()  # warm caches that are filled once per process (content types, sessions)
    before = count_queries(checked_fetch)
    add_records()
    after = count_queries(checked_fetch)
    assert after <= before, f"queries grew from {before} to {after} when records were added"


def axe_violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(node["target"][0] for node in violation["nodes"][:3])
        for violation in results.response["violations"]
    ]


def assert_accessible(page) -> None:
    """No axe-core violation on the page, and nothing it needed blocked by the Content-Security-Policy.

    Chromium reports each inline script or style the policy blocked on the console: a page that
    needs one is broken for real users.
    """
    blocked = [
        message.text
        for message in page.console_messages()
        if "Content Security Policy" in message.text
    ]
    assert not blocked, f"The Content-Security-Policy blocked on {page.url}:\n" + "\n".join(blocked)
    violations = axe_violations(page)
    assert not violations, f"axe-core found problems on {page.url}:\n" + "\n".join(violations)


def browser_sign_in(
    page,
    live_server_url: str,
    person,
    password: str = TEST_PASSWORD,
    *,
    check_accessibility: bool = True,
) -> None:
    """Sign in through the real sign-in and security-code pages, checking each for accessibility.

    axe-core runs as JavaScript in the page, so a journey with JavaScript turned off skips the check.
    """
    device = confirmed_device(person)
    page.goto(f"{live_server_url}/sign-in/")
    if check_accessibility:
        assert_accessible(page)
    page.get_by_label("Email address").fill(person.email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    # Wait for the answer to the form: reading page.url straight away races the navigation.
    page.wait_for_url(lambda url: urlsplit(url).path != "/sign-in/")
    if "/sign-in/code/" in page.url:
        if check_accessibility:
            assert_accessible(page)
        # A code is accepted once per 30-second step; a journey signing the same person in twice
        # within one step would be refused, so the replay guard is reset (tests only).
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=-1)
        page.get_by_label("Security code").fill(current_code(device))
        page.get_by_role("button", name="Continue").click()
        page.wait_for_url(lambda url: urlsplit(url).path != "/sign-in/code/")


TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/4")


def _require(what: str, reachable: bool) -> None:
    import pytest

    if reachable:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is required in CI and cannot be used here")
    pytest.skip(f"{what} cannot be used here")


def _redis_reachable(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


def database_url_of_this_run() -> str:
    """The address of the database this test run uses, for other processes to reach it."""
    config = connection.settings_dict
    password = f":{quote(config['PASSWORD'], safe='')}" if config["PASSWORD"] else ""
    return (
        f"postgres://{quote(config['USER'], safe='')}{password}@{config['HOST'] or '127.0.0.1'}"
        f":{config['PORT'] or 5432}/{config['NAME']}"
    )


def _passwords_checkable_in_production() -> None:
    """Tests hash passwords with a fast hasher that production does not accept: people made so far
    get the test password hashed the production way."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher

    hasher = PBKDF2PasswordHasher()
    get_user_model().objects.filter(password__startswith="md5$").update(
        password=hasher.encode(TEST_PASSWORD, hasher.salt())
    )


@contextmanager
def production_servers_on(*, static_root: Path, logs: Path) -> Iterator[Callable[[int], list[str]]]:
    """Gunicorn servers with production settings on the test database, sharing one Redis cache.

    Needs PostgreSQL (an in-memory SQLite database cannot be shared between processes), so it is
    skipped in the SQLite run; and Redis, without which it skips, except in CI, where it fails.
    """
    import pytest

    from core import gunicorn

    if connection.vendor != "postgresql":
        pytest.skip("an in-memory SQLite database cannot be shared between processes")
    _require(f"Redis at {TEST_REDIS_URL}", _redis_reachable(TEST_REDIS_URL))
    environment = gunicorn.production_environment(
        database_url=database_url_of_this_run(),
        redis_url=TEST_REDIS_URL,
        static_root=static_root,
        # Keeps this test's cache entries apart from any other run's on the same Redis.
        CACHE_KEY_PREFIX=f"test-{secrets.token_hex(6)}",
    )
    if not (static_root / "staticfiles.json").exists():
        gunicorn.collect_static(environment)
    with ExitStack() as servers:

        def start(count: int) -> list[str]:
            _passwords_checkable_in_production()
            return [
                servers.enter_context(
                    gunicorn.serve(
                        environment, workers=1, log=logs / f"gunicorn-{number}.log", https=True
                    )
                )
                for number in range(count)
            ]

        yield start
