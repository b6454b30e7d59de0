"""Apply the local review policy (the South Tees framework's test and its list of circumstances that
always lead to an LCSPR) to a JSON list of cases; print the results as JSON, in the same order."""

import json
from dataclasses import asdict

from django.core.management.base import BaseCommand

from reviews.criteria import InvalidCase, assess, case_from_dict


class Command(BaseCommand):
    help = "Assess a JSON list of cases against the local review policy; prints a JSON list of results."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path to a JSON file holding a list of cases")

    def handle(self, *args, **options):
        try:
            with open(options["file"], encoding="utf-8") as source:
                cases = json.load(source)
        except OSError as problem:
            self._fail(f"Cannot read {options['file']}: {problem.strerror}")
        except (json.JSONDecodeError, UnicodeDecodeError) as problem:
            self._fail(f"{options['file']} is not JSON: {problem}")
        if not isinstance(cases, list):
            self._fail("The file must hold a JSON list of cases")
        results = []
        for position, data in enumerate(cases, start=1):
            case_id = data.get("id") if isinstance(data, dict) else None
            label = f"case {case_id!r}" if isinstance(case_id, str) else f"case {position}"
            if not isinstance(case_id, str):
                self._fail(f"{label}: field 'id' is missing or not a string")
            try:
                assessment = assess(case_from_dict(data, label=label))
            except InvalidCase as problem:
                self._fail(str(problem))
            results.append({"id": case_id, **asdict(assessment)})
        self.stdout.write(json.dumps(results, indent=2))

    def _fail(self, message: str):
        self.stderr.write(message)
        raise SystemExit(2)
