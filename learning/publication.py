"""The identifying-detail check run on every text before it is published.

Working Together 2023 (chapter 5) expects review reports to be published "with appropriate
redactions" so a child cannot be identified. This check finds, for each subject recorded against a
source, the details that identify them in a text:

- names: the whole name, each given name and family name as a word on its own (so also possessive
  "Amber's" and hyphenated "Amber-Rose"), nicknames, and the names of family members;
- dates of birth, death and of the incident in the usual written forms, the month and year of birth
  or death ("born in March 2019"), and an exact age in days, weeks or months beside a month or year;
- address parts: the house number with the street, the street on its own, the estate or block, and
  the postcode with or without its space (a bare town identifies nobody);
- places recorded on the case (schools, nurseries, surgeries, children's homes), in full or by their
  distinctive name followed by the kind of place;
- NHS numbers with or without spaces or dashes.

A name only matches as a whole word: a child called Mark does not make "market" a hit. It is pure (no
database), so `manage.py check_publication` and the publishing service give the same answer.
"""

import re
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache

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

# Titles are not names: "Mr Testparent" is found by its surname.
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "master"}

# The last word of a street line, and how it is shortened.
STREET_TYPES = {
    "street": ["st"],
    "road": ["rd"],
    "avenue": ["ave", "av"],
    "lane": ["ln"],
    "drive": ["dr"],
    "close": ["cl"],
    "crescent": ["cres", "cresc"],
    "court": ["ct"],
    "place": ["pl"],
    "gardens": ["gdns"],
    "terrace": ["terr", "ter"],
    "grove": ["gr", "gro"],
    "square": ["sq"],
    "walk": [],
    "way": [],
    "row": [],
    "mews": [],
    "hill": [],
    "rise": [],
    "view": [],
}

# Words that say what kind of place a name is: "Oak Tree" alone is ordinary words, "Oak Tree
# Primary" is the school.
PLACE_KINDS = (
    "primary school|secondary school|infant school|junior school|high school|school|academy|"
    "college|primary|nursery school|nursery|pre-school|preschool|playgroup|children's centre|"
    "childrens centre|children's home|childrens home|home|surgery|medical centre|health centre|"
    "medical practice|practice|hospital|house|lodge|centre|estate|court|tower|towers|flats"
)

NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[0-9]{1,3}"


@dataclass(frozen=True)
class Subjects:
    """The identifying details of the children (and their family) a source is about."""

    names: list[str] = field(default_factory=list)
    dates_of_birth: list[date] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    nhs_numbers: list[str] = field(default_factory=list)
    dates_of_death: list[date] = field(default_factory=list)
    incident_dates: list[date] = field(default_factory=list)
    family_names: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)

    def __add__(self, other: "Subjects") -> "Subjects":
        return Subjects(
            **{
                item.name: [*getattr(self, item.name), *getattr(other, item.name)]
                for item in fields(self)
            }
        )

    def __bool__(self) -> bool:
        return any(getattr(self, item.name) for item in fields(self))


def combine(many) -> Subjects:
    """The details of several subjects (a newsletter's sources, a briefing's findings) as one."""
    found = Subjects()
    for subjects in many:
        found = found + subjects
    return found


@dataclass(frozen=True)
class Hit:
    line: int
    kind: str
    matched: str


# Not inside a word ("market" is not "Mark"), nor the tail of "O'Neil" for a child called Neil.
BEFORE = r"(?<!\w)(?<!\w['’])"
AFTER = r"(?!\w)"


def _words(phrase: str, plural: bool = False) -> str:
    """A phrase as a pattern: whole words only, any run of spaces or a hyphen between them;
    `plural` also takes "the Testchilds" for a family name."""
    parts = [re.escape(part) for part in phrase.split()]
    return BEFORE + r"[\s\-]+".join(parts) + ("(?:e?s)?" if plural else "") + AFTER


def _name_patterns(name: str) -> list[str]:
    """The whole name, and each part of it (hyphenated parts also split) as a word on its own."""
    words = [word for word in re.split(r"[\s,]+", name.strip()) if word]
    words = [word for word in words if word.lower().strip(".") not in TITLES]
    parts = []
    for word in words:
        parts.append(word)
        if "-" in word:
            parts += word.split("-")
    parts = [part for part in dict.fromkeys(parts) if len(part.strip(".")) > 1]
    whole = [_words(" ".join(words))] if len(words) > 1 else []
    family = [*words[-1].split("-"), words[-1]] if len(words) > 1 else []
    return whole + [_words(part, plural=part in family) for part in parts]


def _month_text(month: int) -> str:
    name = MONTHS[month - 1]
    short = "Sept?" if name == "September" else name[:3]
    return rf"(?:{name}|{short}\.?)"


def _date_patterns(day: date) -> list[str]:
    month_text = _month_text(day.month)
    day_text = rf"0?{day.day}(?:st|nd|rd|th)?"
    numeric_day = rf"0?{day.day}"
    numeric_month = rf"0?{day.month}"
    year = rf"(?:{day.year}|['’]?{day.year % 100:02d})"
    separator = r"\s*[/.\-]\s*"
    return [
        rf"(?<!\d){day_text}(?:\s+of)?[\s\-]+{month_text},?[\s\-]+{year}(?!\d)",
        rf"{BEFORE}{month_text}\s+{day_text},?\s+{year}(?!\d)",
        rf"(?<![\d/.]){numeric_day}{separator}{numeric_month}{separator}{year}(?![\d/])",
        # Written the American way round: the same day, month first.
        rf"(?<![\d/.]){numeric_month}{separator}{numeric_day}{separator}{year}(?![\d/])",
        rf"(?<!\d){day.year}-{day.month:02d}-{day.day:02d}(?!\d)",
    ]


def _month_year_patterns(day: date) -> list[str]:
    """'March 2019', 'Mar. 2019', '03/2019': a month of birth or death narrows a child down."""
    return [
        rf"{BEFORE}{_month_text(day.month)},?\s+(?:of\s+)?{day.year}(?!\d)",
        rf"(?<![\d/.])0?{day.month}[/.\-]{day.year}(?!\d)",
    ]


# An age ("7 weeks old", "a 7-week-old", "aged 7 weeks", "7 months of age"), not a duration.
_PERIOD = rf"(?:{NUMBER_WORDS})[\s\-]*(?:day|week|month)s?"
AGE = re.compile(
    rf"{BEFORE}(?:aged?\s+{_PERIOD}|{_PERIOD}[\s\-]+old|{_PERIOD}\s+of\s+age){AFTER}",
    re.IGNORECASE,
)
# Month names as written (capitalised: "may" is a verb); years are 19xx or 20xx.
MONTH_OR_YEAR = re.compile(
    rf"{BEFORE}(?:{'|'.join(MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?){AFTER}"
    r"|(?<!\d)(?:19|20)\d{2}(?!\d)"
)
# A full stop inside "12.3.19" does not end a sentence.
SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\S))+")


def _ages_with_dates(text: str) -> list[tuple[int, int, str]]:
    """An exact age in days, weeks or months in a sentence that also gives a month or year."""
    spans = []
    for sentence in SENTENCE.finditer(text):
        words = sentence.group()
        if not MONTH_OR_YEAR.search(words):
            continue
        for age in AGE.finditer(words):
            spans.append((sentence.start() + age.start(), sentence.start() + age.end(), "age"))
    return spans


POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b", re.IGNORECASE)
HOUSE_NUMBER = re.compile(
    r"^(?:(?:flat|apartment|apt\.?|unit|room|no\.?|number)\s*)?\d+[a-z]?(?:\s*[-/]\s*\d+[a-z]?)?,?\s*",
    re.IGNORECASE,
)


def _street_pattern(name: str) -> str:
    """A street, block or estate name, with its last word also in its usual short forms."""
    words = name.split()
    last = words[-1].lower().rstrip(".")
    shorts = STREET_TYPES.get(last)
    if not shorts:
        return _words(name)
    head = r"[\s\-]+".join(re.escape(word) for word in words[:-1])
    endings = "|".join([re.escape(words[-1])] + [rf"{short}\.?" for short in shorts])
    if not head:
        return _words(name)
    return rf"{BEFORE}{head}\s+(?:{endings}){AFTER}"


def _address_patterns(address: str) -> list[tuple[str, str]]:
    """The postcode, spaced or not; each street, block or estate line, with and without its house
    number; not the town (the last line of several, or a line after the street)."""
    found = []
    lines = []
    for line in re.split(r"[,\n]+", address):
        line = line.strip()
        postcode = POSTCODE.search(line)
        if postcode:
            outward, inward = (re.escape(part) for part in postcode.groups())
            found.append(("postcode", rf"\b{outward}\s*{inward}\b"))
            line = (line[: postcode.start()] + line[postcode.end() :]).strip()
        if line:
            lines.append(line)
    if len(lines) > 1:
        lines = lines[:-1]
    for line in lines:
        # The street, block or estate on its own, without the house or flat number ("Flat 3"
        # alone identifies nobody).
        name = HOUSE_NUMBER.sub("", line).strip()
        if name:
            found += [("address", _words(line)), ("address", _street_pattern(name))]
    return found


def _place_patterns(place: str) -> list[str]:
    """The place in full, and its distinctive name followed by any word for a kind of place
    ("Oak Tree Primary School" is also "Oak Tree School" and "Oak Tree Primary")."""
    patterns = [_words(place)]
    kind = re.search(rf"(?:\s+(?:{PLACE_KINDS}))+$", place, flags=re.IGNORECASE)
    if kind and place[: kind.start()].strip():
        head = r"[\s\-]+".join(re.escape(word) for word in place[: kind.start()].split())
        patterns.append(rf"{BEFORE}{head}(?:['’]s)?(?:\s+(?:{PLACE_KINDS}))+{AFTER}")
    return patterns


def _nhs_pattern(number: str) -> str | None:
    digits = re.sub(r"\D", "", number)
    if len(digits) != 10:
        return None
    return r"(?<!\d)" + r"[\s\-]*".join(digits) + r"(?!\d)"


def _patterns(subjects: Subjects) -> list[tuple[str, str]]:
    patterns: list[tuple[str, str]] = []
    for name in subjects.names:
        patterns += [("name", pattern) for pattern in _name_patterns(name)]
    for name in subjects.family_names:
        patterns += [("family member's name", pattern) for pattern in _name_patterns(name)]
    for kind, days, month_kind in (
        ("date of birth", subjects.dates_of_birth, "month of birth"),
        ("date of death", subjects.dates_of_death, "month of death"),
        ("incident date", subjects.incident_dates, None),
    ):
        for day in days:
            patterns += [(kind, pattern) for pattern in _date_patterns(day)]
            if month_kind:
                patterns += [(month_kind, pattern) for pattern in _month_year_patterns(day)]
    for address in subjects.addresses:
        patterns += _address_patterns(address)
    for place in subjects.places:
        patterns += [("place", pattern) for pattern in _place_patterns(place)]
    for number in subjects.nhs_numbers:
        pattern = _nhs_pattern(number)
        if pattern:
            patterns.append(("NHS number", pattern))
    return patterns


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


def find_identifying_details(text: str, subjects: Subjects) -> list[Hit]:
    """Every place in `text` where a detail of `subjects` appears, by line, longest match first."""
    spans: list[tuple[int, int, str]] = []
    for kind, pattern in _patterns(subjects):
        for match in _compiled(pattern).finditer(text):
            spans.append((match.start(), match.end(), kind))
    if subjects:
        spans += _ages_with_dates(text)
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
