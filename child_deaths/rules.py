"""Statutory and statistical rules of child death review, as pure functions.

Sources: Child Death Review statutory and operational guidance (England, 2018) and the national
forms (updated 2019-2024), summarised with their addresses in reference/statutory.md section 3.
"""

from dataclasses import dataclass
from datetime import date

SUPPRESSED = "fewer than 5"
# A count of 5 or more hidden because showing it would reveal a small count beside it.
HIDDEN = "not shown"
SMALL_COUNT_LIMIT = 5


def nhs_number_is_valid(value: str) -> bool:
    """An NHS number: ten digits whose last is the modulus 11 check digit of the first nine.

    NHS Digital data dictionary, "NHS Number": weights 10 down to 2, remainder subtracted from 11;
    11 becomes 0 and 10 means the number is invalid.
    """
    digits = value.replace(" ", "").replace("-", "")
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


# Deaths outside child death review (reference/statutory.md s.3, "Scope/exclusions").
OUT_OF_SCOPE = {
    "stillbirth": (
        "Stillbirths are not reviewed under child death review. If no healthcare professional "
        "was present, a Joint Agency Response is still needed: contact the police and the "
        "designated doctor for child deaths."
    ),
    "late_foetal_loss": (
        "Late foetal losses (before 24 weeks of pregnancy) are not reviewed under child death review."
    ),
    "termination": (
        "Planned terminations of pregnancy carried out within the law are not reviewed under "
        "child death review."
    ),
}


def refusal_reason(*, kind_of_death: str, age_at_death_days: int | None) -> str:
    """Why a notification is outside child death review, or "" when it is in scope.

    Statutory guidance: all children who die before their 18th birthday, excluding stillbirths,
    late foetal losses and planned lawful terminations of pregnancy.
    """
    if kind_of_death in OUT_OF_SCOPE:
        return OUT_OF_SCOPE[kind_of_death]
    if age_at_death_days is not None and age_at_death_days < 0:
        return "The date of death is before the date of birth."
    return ""


def age_in_days(*, date_of_birth: date, date_of_death: date) -> int:
    return (date_of_death - date_of_birth).days


def is_under_eighteen(*, date_of_birth: date, date_of_death: date) -> bool:
    try:
        eighteenth = date_of_birth.replace(year=date_of_birth.year + 18)
    except ValueError:  # born on 29 February: the birthday falls on 1 March
        eighteenth = date(date_of_birth.year + 18, 3, 1)
    return date_of_death < eighteenth


# The age bands of the NCMD data releases.
AGE_BANDS = (
    (0, 28, "0 to 27 days"),
    (28, 365, "28 to 364 days"),
    (365, 5 * 365 + 1, "1 to 4 years"),
    (5 * 365 + 1, 10 * 365 + 2, "5 to 9 years"),
    (10 * 365 + 2, 15 * 365 + 3, "10 to 14 years"),
    (15 * 365 + 3, 18 * 365 + 5, "15 to 17 years"),
)


def age_band(days: int) -> str:
    """The NCMD age band of a child who died aged `days` days."""
    for low, high, label in AGE_BANDS:
        if low <= days < high:
            return label
    return AGE_BANDS[-1][2]


@dataclass(frozen=True)
class JarFacts:
    """What was known at notification that decides whether a Joint Agency Response is needed."""

    external_causes: bool = False
    sudden_no_apparent_cause: bool = False
    in_custody_or_detained: bool = False
    suspicion_not_natural: bool = False
    stillbirth_without_healthcare_professional: bool = False


JAR_TRIGGERS = {
    "external_causes": "Is or could be due to external causes",
    "sudden_no_apparent_cause": "Sudden, with no immediately apparent cause (including SUDI and SUDC)",
    "in_custody_or_detained": "In custody or while detained under the Mental Health Act",
    "suspicion_not_natural": "Initial circumstances raise a suspicion that the death was not natural",
    "stillbirth_without_healthcare_professional": "Stillbirth with no healthcare professional in attendance",
}


def jar_triggers(facts: JarFacts) -> list[str]:
    """The Joint Agency Response triggers a death meets (statutory guidance, reference s.3).

    Any one of them means a Joint Agency Response is needed.
    """
    return [label for name, label in JAR_TRIGGERS.items() if getattr(facts, name)]


def suppress(count: int) -> int | str:
    """A count safe to show: 1 to 4 become "fewer than 5" so that no cell can identify a child.

    Zero is shown, since it identifies nobody (NCMD and ONS small-number practice).
    """
    if 0 < count < SMALL_COUNT_LIMIT:
        return SUPPRESSED
    return count


def suppress_table(counts: list[int]) -> list[int | str]:
    """The cells of one table, safe to show beside its total.

    Counts from 1 to 4 are hidden; where only one cell is hidden it could be worked out from the
    total, so the smallest other non-zero cell is hidden too (secondary suppression).
    """
    shown = [suppress(count) for count in counts]
    hidden = [index for index, value in enumerate(shown) if value == SUPPRESSED]
    if len(hidden) == 1:
        others = [index for index, count in enumerate(counts) if count and index not in hidden]
        if others:
            shown[min(others, key=lambda index: counts[index])] = HIDDEN
    return shown


def financial_year(day: date) -> int:
    """The year a CDOP reports in: its years run 1 April to 31 March, named by their start."""
    return day.year if day.month >= 4 else day.year - 1
