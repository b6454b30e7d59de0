"""Settings come from the environment and fail loudly; production settings pass Django's deploy checks."""

import os
import subprocess
import sys

from django.conf import settings

MANAGE = str(settings.BASE_DIR / "manage.py")
PRODUCTION = {
    "SECRET_KEY": "x" * 30 + "a-long-random-production-secret-key-for-this-check",
    "DATABASE_URL": "sqlite:////tmp/learninghub-deploy-check.sqlite3",
    "ALLOWED_HOSTS": "learninghub.example",
    "REDIS_URL": "redis://cache.internal:6379/0",
}


def run_manage(*args, environment):
    base = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DEBUG",
            "TESTING",
            "SECRET_KEY",
            "DATABASE_URL",
            "REDIS_URL",
            "DOCUMENT_BUCKET",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    return subprocess.run(
        [sys.executable, MANAGE, *args],
        env={**base, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_checks():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", environment=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_without_a_secret_key_the_application_refuses_to_start():
    result = run_manage(
        "check",
        environment={key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"},
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_without_a_database_url_the_application_refuses_to_start():
    result = run_manage(
        "check",
        environment={key: value for key, value in PRODUCTION.items() if key != "DATABASE_URL"},
    )
    assert "DATABASE_URL must be set" in result.stderr


def test_without_a_redis_url_the_application_refuses_to_start():
    result = run_manage(
        "check",
        environment={key: value for key, value in PRODUCTION.items() if key != "REDIS_URL"},
    )
    assert result.returncode != 0
    assert "REDIS_URL must be set" in result.stderr


def test_testing_true_outside_the_test_runner_does_not_excuse_a_missing_secret_key():
    result = run_manage(
        "check",
        environment={
            "TESTING": "true",
            **{key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"},
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_testing_true_outside_the_test_runner_relaxes_no_production_setting():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE,"
        " s.PASSWORD_HASHERS[0], s.EMAIL_BACKEND, s.STORAGES['staticfiles']['BACKEND'])",
        environment={"TESTING": "true", **PRODUCTION},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "True",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.core.mail.backends.smtp.EmailBackend",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
    ]
