# The two commands: `make run` (the demo on SQLite) and `make test` (the whole suite, on SQLite and PostgreSQL side by side).
SHELL := /bin/bash
PYTHON ?= python3
UV := .tools/bin/uv
PY := .venv/bin/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/learninghub
export UV_PROJECT_ENVIRONMENT := .venv

.PHONY: run test test-sqlite test-postgres bench bench-load prod-smoke lint format deps deps-dev frontend chromium demo-db

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv==0.13.9

deps: $(UV)
	$(UV) sync --frozen --no-dev --inexact --quiet

deps-dev: $(UV)
	$(UV) sync --frozen --quiet

static/build/application.css: package.json package-lock.json frontend/*
	npm ci --no-audit --no-fund --loglevel=error
	npm run --silent build

frontend: static/build/application.css

chromium:
	@command -v chromium >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

.secret-key:
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > .secret-key

demo-db: deps frontend .secret-key
	@mkdir -p var
	DEBUG=true SECRET_KEY=$$(cat .secret-key) $(PY) manage.py migrate --verbosity 0
	DEBUG=true SECRET_KEY=$$(cat .secret-key) $(PY) manage.py load_demo

run: demo-db
	@export DEBUG=true SECRET_KEY=$$(cat .secret-key) EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend; \
	$(PY) manage.py db_worker --queue-name '*' --no-reload >var/worker.log 2>&1 & worker=$$!; \
	$(PY) manage.py run_scheduler --every 3600 >var/scheduler.log 2>&1 & scheduler=$$!; \
	trap "kill $$worker $$scheduler 2>/dev/null" EXIT INT TERM; \
	echo "Learning Hub is at http://127.0.0.1:8000 (task worker log: var/worker.log)"; \
	$(PY) manage.py runserver 127.0.0.1:8000 --noreload

test: deps-dev frontend chromium
	@./scripts/test-both-databases

test-sqlite: deps-dev frontend chromium
	TESTING=true $(PY) -m pytest $(PYTEST_ARGS)

# The national world in PostgreSQL (BENCH_DATABASE=sqlite for SQLite), served by gunicorn, measured
# over real sockets: the table, and var/benchmarks.json. See docs/benchmarks.md.
bench: deps-dev frontend
	nice $(PY) -m benchmarks

# 50 signed-in people following a mixed journey for five minutes against the same world.
bench-load: deps-dev frontend
	nice $(PY) -m benchmarks load

# The foundation's browser journey against gunicorn with production settings on PostgreSQL and Redis.
prod-smoke: deps-dev frontend chromium
	TESTING=true DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(PY) -m pytest --production-server \
		partnership/tests/test_browser_foundation.py

lint: deps-dev
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: deps-dev
	.venv/bin/ruff format .
	.venv/bin/ruff check --fix .
