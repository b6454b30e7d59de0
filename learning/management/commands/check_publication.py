"""Check a text for child-identifying details before it is published.

    manage.py check_publication FILE --subjects SUBJECTS.json

SUBJECTS.json: {"names": [...], "dates_of_birth": ["YYYY-MM-DD", ...], "addresses": [...],
"nhs_numbers": [...]}. Prints `line N: kind: matched text` for each hit; exits 1 when there are
hits, 0 when the text is clean and 2 when the input cannot be read.
"""

import json
import sys
from datetime import date

from django.core.management.base import BaseCommand

from learning.publication import Subjects, find_identifying_details

FIELDS = ("names", "dates_of_birth", "addresses", "nhs_numbers")


class BadInput(Exception):
    pass


def _read(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except FileNotFoundError:
        raise BadInput(f"{what} {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadInput(f"{what} {path} cannot be read as UTF-8 text: {error}") from None


def load_subjects(path: str) -> Subjects:
    try:
        data = json.loads(_read(path, "The subjects file"))
    except json.JSONDecodeError as error:
        raise BadInput(f"The subjects file {path} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise BadInput(f"The subjects file {path} must hold a JSON object with {', '.join(FIELDS)}")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise BadInput(f"The subjects file has unknown keys: {', '.join(unknown)}")
    values = {}
    for name in FIELDS:
        items = data.get(name, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise BadInput(f'"{name}" must be a list of strings')
        values[name] = items
    dates = []
    for position, text in enumerate(values["dates_of_birth"], start=1):
        try:
            dates.append(date.fromisoformat(text))
        except ValueError:
            raise BadInput(
                f'"dates_of_birth" item {position} ({text!r}) is not a date written YYYY-MM-DD'
            ) from None
    return Subjects(
        names=values["names"],
        dates_of_birth=dates,
        addresses=values["addresses"],
        nhs_numbers=values["nhs_numbers"],
    )


class Command(BaseCommand):
    help = "Check a text file for child-identifying details (names, dates of birth, addresses, NHS numbers)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The text to check (UTF-8).")
        parser.add_argument(
            "--subjects", required=True, help="The JSON file of identifying details."
        )

    def handle(self, *args, file, subjects, **options):
        try:
            text = _read(file, "The file")
            found = find_identifying_details(text, load_subjects(subjects))
        except BadInput as problem:
            self.stderr.write(f"Error: {problem}")
            sys.exit(2)
        for hit in found:
            self.stdout.write(f"line {hit.line}: {hit.kind}: {hit.matched}")
        if found:
            self.stderr.write(f"{len(found)} identifying detail(s) found: not ready to publish")
            sys.exit(1)
        self.stdout.write("No identifying details found")
