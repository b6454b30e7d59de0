"""The yearly report's sections and its period: pure, no database.

Source: Working Together 2023 asks the safeguarding partners to publish a report on what they did
in a 12-month period and how effective it was, including reviews, the evidence of impact, areas
of little or no progress, how feedback from children and families was used and learning from
local and national reviews; the report is sent to the national panel, Foundations and the
Department for Education within 7 days of publication (reference/statutory.md 1.5). The South
Tees framework asks it to describe "the impact on practice of reviews in reducing deaths or
serious harm".
"""

from dataclasses import dataclass
from datetime import date, timedelta

# Working Together 2023: sent to the panel, Foundations and the DfE within 7 days of publication.
SEND_WITHIN_DAYS = 7
RECIPIENTS = (
    "the Child Safeguarding Practice Review Panel, Foundations and the Department for Education"
)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    # The capability whose yearly summary (core.yearly) fills it; "" for one the report builds.
    capability: str = ""
    capability_name: str = ""


SECTIONS = (
    Section("arrangements", "Arrangements and structure"),
    Section("priorities", "Priorities and progress"),
    Section("reviews", "Reviews", "reviews", "Reviews"),
    Section("child_deaths", "Child death review", "child_deaths", "Child death review"),
    Section("audits", "Multi-agency audits and section 11", "audits", "Multi-agency audits"),
    Section("inspections", "Inspections", "inspections", "Inspections"),
    Section("training", "Training and its impact", "training", "Multi-agency training"),
    Section("performance", "Performance headlines", "performance", "The performance framework"),
    Section("impact", "The impact of the year's actions"),
    Section("little_progress", "Areas with little or no progress"),
    Section("voice", "How the voice of children and families shaped the work"),
    Section("national", "Learning from national reviews"),
    Section("scrutiny", "The independent scrutineer's view"),
)
SECTION_KEYS = tuple(section.key for section in SECTIONS)


def period(start_year: int) -> tuple[date, date]:
    """The report's 12 months: 1 April `start_year` to 31 March the year after."""
    return date(start_year, 4, 1), date(start_year + 1, 3, 31)


def label(start_year: int) -> str:
    """'2025-26'."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def last_full_year(today: date) -> int:
    """The start year of the last 12 months (April to March) that have ended by `today`."""
    return today.year - 1 if today.month >= 4 else today.year - 2


def send_by(published_on: date) -> date:
    """The last day to send the published report on (7 calendar days after publication)."""
    return published_on + timedelta(days=SEND_WITHIN_DAYS)
