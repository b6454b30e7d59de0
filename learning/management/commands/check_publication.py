"""Check a text for child-identifying details before it is published.

    manage.py check_publication FILE --subjects SUBJECTS.json

FILE is plain text (UTF-8), or a PDF, DOCX or ODT document whose text is checked (line numbers count
lines of that text). SUBJECTS.json: {"names": [...], "family_names": [...], "dates_of_birth":
["YYYY-MM-DD", ...], "dates_of_death": [...], "incident_dates": [...], "addresses": [...],
"places": [...], "nhs_numbers": [...]}, every key optional. Prints `line N: kind: matched text` for
each hit; exits 1 when there are hits, 0 when the text is clean and 2 when the input cannot be read.
"""

import json
import sys
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand

from core.document_text import UnreadableDocument, extract_text
from learning.publication import Subjects, find_identifying_details

TEXT_FIELDS = ("names", "family_names", "addresses", "places", "nhs_numbers")
DATE_FIELDS = ("dates_of_birth", "dates_of_death", "incident_dates")
FIELDS = TEXT_FIELDS + DATE_FIELDS


class BadInput(Exception):
    pass


def _bytes(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise BadInput(f"{what} {path} does not exist") from None
    except OSError as error:
        raise BadInput(f"{what} {path} cannot be read: {error}") from None


def read_text(path: str) -> str:
    """The file's text: a document's extracted text, anything else read as UTF-8."""
    data = _bytes(path, "The file")
    name = path if Path(path).suffix.lower() in (".pdf", ".docx", ".odt") else "text.txt"
    try:
        return extract_text(data, name)
    except UnreadableDocument as problem:
        raise BadInput(f"The file {path} cannot be read: {problem}") from None


def _dates(values: list[str], key: str) -> list[date]:
    dates = []
    for position, text in enumerate(values, start=1):
        try:
            dates.append(date.fromisoformat(text))
        except ValueError:
            raise BadInput(
                f'"{key}" item {position} ({text!r}) is not a date written YYYY-MM-DD'
            ) from None
    return dates


def load_subjects(path: str) -> Subjects:
    try:
        data = json.loads(_bytes(path, "The subjects file").decode("utf-8"))
    except UnicodeDecodeError as error:
        raise BadInput(f"The subjects file {path} cannot be read as UTF-8 text: {error}") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"The subjects file {path} is not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise BadInput(f"The subjects file {path} must hold a JSON object with {', '.join(FIELDS)}")
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise BadInput(f"The subjects file has unknown keys: {', '.join(unknown)}")
    values = {}
    for key in FIELDS:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
            raise BadInput(f'"{key}" must be a list of strings')
        values[key] = _dates(items, key) if key in DATE_FIELDS else items
    return Subjects(**values)


class Command(BaseCommand):
    help = (
        "Check a text, PDF, DOCX or ODT file for child-identifying details (names, family "
        "members' names, dates, addresses, places, NHS numbers)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The text (UTF-8), PDF, DOCX or ODT file to check.")
        parser.add_argument(
            "--subjects", required=True, help="The JSON file of identifying details."
        )

    def handle(self, *args, file, subjects, **options):
        try:
            found = find_identifying_details(read_text(file), load_subjects(subjects))
        except BadInput as problem:
            self.stderr.write(f"Error: {problem}")
            sys.exit(2)
        for hit in found:
            self.stdout.write(f"line {hit.line}: {hit.kind}: {hit.matched}")
        if found:
            self.stderr.write(f"{len(found)} identifying detail(s) found: not ready to publish")
            sys.exit(1)
        # Standard output stays empty when clean, so a script can test for it.
        self.stderr.write("No identifying details found")
