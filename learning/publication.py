"""The identifying-detail check run on every text before it is published.

Working Together 2023 (chapter 5) expects review reports to be published "with appropriate
redactions" so a child cannot be identified. This check finds the child-identifying details recorded
against a source in a text: names (whole, and first names and surnames each as whole words), dates
of birth in the usual written forms, address lines and postcodes, and NHS numbers with or without
spaces. It is pure: no database, so the command and the service give the same answer.
"""

import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Subjects:
    """The identifying details of the children (and family) a source is about."""

    names: list[str] = field(default_factory=list)
    dates_of_birth: list[date] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    nhs_numbers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Hit:
    line: int
    kind: str
    matched: str


def _words(phrase: str) -> str:
    """A phrase as a pattern: whole words only, any run of spaces between them."""
    parts = [re.escape(part) for part in phrase.split()]
    return r"(?<![\w'])" + r"\s+".join(parts) + r"(?![\w])"


def _name_patterns(name: str) -> list[str]:
    parts = [part for part in re.split(r"[\s,]+", name.strip()) if len(part) > 1]
    whole = [_words(name)] if len(parts) > 1 else []
    return whole + [_words(part) for part in parts]


def _date_patterns(day: date) -> list[str]:
    month = MONTHS[day.month - 1]
    day_text = rf"0?{day.day}(?:st|nd|rd|th)?"
    short = "Sept?" if month == "September" else month[:3]
    month_text = rf"(?:{month}|{short}\.?)"
    numeric_day = rf"0?{day.day}"
    numeric_month = rf"0?{day.month}"
    year = str(day.year)
    return [
        rf"(?<!\d){day_text}(?:\s+of)?\s+{month_text},?\s+{year}(?!\d)",
        rf"(?<![\w]){month_text}\s+{day_text},?\s+{year}(?!\d)",
        rf"(?<!\d){numeric_day}[/.\-]{numeric_month}[/.\-]{year}(?!\d)",
        rf"(?<!\d){numeric_day}[/.\-]{numeric_month}[/.\-]{year[2:]}(?!\d)",
        rf"(?<!\d){year}-{day.month:02d}-{day.day:02d}(?!\d)",
    ]


POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)


def _address_patterns(address: str) -> list[tuple[str, str]]:
    """Each line of the address (not the town alone) and its postcode, spaced or not."""
    found = []
    lines = [line.strip() for line in re.split(r"[,\n]+", address) if line.strip()]
    for line in lines:
        postcode = POSTCODE.fullmatch(line)
        if postcode:
            outward, inward = (re.escape(part) for part in postcode.groups())
            found.append(("postcode", rf"\b{outward}\s*{inward}\b"))
        elif any(character.isdigit() for character in line) or line is lines[0]:
            # A street line ("12 Example Street"); a bare town name identifies nobody.
            found.append(("address", _words(line)))
    return found


def _nhs_pattern(number: str) -> str | None:
    digits = re.sub(r"\D", "", number)
    if len(digits) != 10:
        return None
    return r"(?<!\d)" + r"[\s\-]?".join(digits) + r"(?!\d)"


def _patterns(subjects: Subjects) -> list[tuple[str, str]]:
    patterns: list[tuple[str, str]] = []
    for name in subjects.names:
        patterns += [("name", pattern) for pattern in _name_patterns(name)]
    for day in subjects.dates_of_birth:
        patterns += [("date of birth", pattern) for pattern in _date_patterns(day)]
    for address in subjects.addresses:
        patterns += _address_patterns(address)
    for number in subjects.nhs_numbers:
        pattern = _nhs_pattern(number)
        if pattern:
            patterns.append(("NHS number", pattern))
    return patterns


def find_identifying_details(text: str, subjects: Subjects) -> list[Hit]:
    """Every place in `text` where a detail of `subjects` appears, by line, longest match first."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in _patterns(subjects):
        for match in re.finditer(pattern, text, flags=re.IGNORECASE):
            spans.append((match.start(), match.end(), kind))
    # A full name also matches its first name and surname: report the longest match only.
    spans.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    hits: list[Hit] = []
    covered_to = -1
    for start, end, kind in spans:
        if end <= covered_to:
            continue
        covered_to = max(covered_to, end)
        hits.append(Hit(line=text.count("\n", 0, start) + 1, kind=kind, matched=text[start:end]))
    return hits
