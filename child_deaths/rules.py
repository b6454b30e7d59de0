"""Statutory and statistical rules of child death review, as pure functions.

Sources: Child Death Review statutory and operational guidance (England, 2018) and the national
forms (updated 2019-2024), summarised with their addresses in reference/statutory.md section 3.
"""

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

SUPPRESSED = "fewer than 5"
# A count of 5 or more hidden because showing it would reveal a small count beside it.
HIDDEN = "not shown"
SMALL_COUNT_LIMIT = 5


NHS_NUMBER_EXAMPLE = "943 476 5919"


def nhs_number_digits(value: str) -> str:
    """The number as typed, without the spaces or hyphens people write it with."""
    return value.replace(" ", "").replace("-", "")


def nhs_number_is_valid(value: str) -> bool:
    """An NHS number: ten digits, not all the same, the last the modulus 11 check of the first nine.

    Source: NHS Data Model and Dictionary, "NHS Number"; NCMD notification form NHS-number validation (2022).
    """
    digits = nhs_number_digits(value)
    if len(digits) != 10 or not digits.isdigit():
        return False
    # Ten identical digits pass the modulus 11 check (0000000000, 1111111111 ...) but are
    # placeholders typed when the number is not known, never issued.
    if len(set(digits)) == 1:
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def nhs_number_problem(value: str) -> str:
    """What to do about an NHS number that cannot be accepted, in GOV.UK wording; "" when it can.

    Source: NCMD analysis of notification forms, "no NHS number" options and NHS-number validation (2022).
    """
    digits = nhs_number_digits(value)
    if not digits:
        return "Enter the child's NHS number, or choose why it is not available"
    if len(digits) != 10 or not digits.isdigit():
        return f"Enter an NHS number with 10 digits, like {NHS_NUMBER_EXAMPLE}"
    if len(set(digits)) == 1:
        return (
            "Enter the child's own NHS number: a number of ten identical digits is not an NHS "
            "number. If the number is not known, choose 'NHS number not currently available'"
        )
    if not nhs_number_is_valid(digits):
        return (
            f"Enter a real NHS number, like {NHS_NUMBER_EXAMPLE}: check the number against the "
            "child's health record"
        )
    return ""


# Gestation, in days, that bounds a late foetal loss: 22+0 weeks up to 23+6 weeks.
LATE_FOETAL_LOSS_FROM = 22 * 7
STILLBIRTH_FROM = 24 * 7


def gestation_days(*, weeks: int, days: int) -> int:
    return weeks * 7 + days


def gestation_label(total_days: int) -> str:
    """Gestation written as clinicians write it: 23+6 weeks."""
    return f"{total_days // 7}+{total_days % 7} weeks"


def baby_born_without_signs_of_life(total_gestation_days: int) -> str:
    """What a baby born with no signs of life is, by gestation: a stillbirth from 24+0 weeks, a late
    foetal loss from 22+0 to 23+6 weeks, an earlier pregnancy loss before that.

    Source: Child Death Review Statutory and Operational Guidance (England) 2018, scope (stillbirths, late foetal losses).
    """
    if total_gestation_days >= STILLBIRTH_FROM:
        return "stillbirth"
    if total_gestation_days >= LATE_FOETAL_LOSS_FROM:
        return "late_foetal_loss"
    return "pregnancy_loss"


PREGNANCY_OUTCOMES = {
    "stillbirth": "Stillbirth (no signs of life at 24+0 weeks of pregnancy or later)",
    "late_foetal_loss": "Late foetal loss (no signs of life at 22+0 to 23+6 weeks of pregnancy)",
    "pregnancy_loss": "Pregnancy loss before 22+0 weeks (no signs of life)",
}


# Deaths outside child death review (reference/statutory.md s.3, "Scope/exclusions").
OUT_OF_SCOPE = {
    "stillbirth": (
        "Stillbirths with a healthcare professional present are not reviewed under child death "
        "review. If the baby was born at home, or with no healthcare professional present, choose "
        "'A suspected stillbirth at home, or a birth with no healthcare professional present': "
        "it is notified and needs a Joint Agency Response."
    ),
    "late_foetal_loss": (
        "Late foetal losses (no signs of life at 22+0 to 23+6 weeks of pregnancy) are not "
        "reviewed under child death review."
    ),
    "termination": (
        "Planned terminations of pregnancy carried out within the law are not reviewed under "
        "child death review."
    ),
}
SUSPECTED_STILLBIRTH = "suspected_stillbirth"


def refusal_reason(*, kind_of_death: str, age_at_death_days: int | None) -> str:
    """Why a notification is outside child death review, or "" when it is in scope.

    Source: Child Death Review Statutory and Operational Guidance (England) 2018, scope: under-18s, not stillbirths, late foetal losses or lawful terminations.
    """
    if kind_of_death in OUT_OF_SCOPE:
        return OUT_OF_SCOPE[kind_of_death]
    if age_at_death_days is not None and age_at_death_days < 0:
        return "The date of death is before the date of birth."
    return ""


def jar_needed_for_notification(kind_of_death: str) -> bool:
    """A suspected stillbirth at home, or any birth with no healthcare professional present, is
    notified and calls for a Joint Agency Response until it is confirmed a stillbirth.

    Source: Child Death Review Statutory and Operational Guidance (England) 2018, Joint Agency Response triggers.
    """
    return kind_of_death == SUSPECTED_STILLBIRTH


def age_in_days(*, date_of_birth: date, date_of_death: date) -> int:
    return (date_of_death - date_of_birth).days


def completed_years(*, date_of_birth: date, date_of_death: date) -> int:
    """Age in completed years on the date of death, as birthdays count it (not 365-day years).

    Source: NCMD analysis form, age at death; Children Act 2004 s16M (a "child" is under 18).
    """
    years = relativedelta(date_of_death, date_of_birth).years
    # relativedelta keeps a 29 February birthday on 28 February in other years; in England it
    # falls on 1 March, so that day is not yet the birthday.
    if (date_of_birth.month, date_of_birth.day) == (2, 29) and (
        date_of_death.month,
        date_of_death.day,
    ) == (2, 28):
        years -= 1
    return years


def is_under_eighteen(*, date_of_birth: date, date_of_death: date) -> bool:
    """Child death review covers deaths before the 18th birthday (29 February birthdays fall on 1 March).

    Source: Children Act 2004 ss16M-16P, with s65 (a child is a person under 18).
    """
    return completed_years(date_of_birth=date_of_birth, date_of_death=date_of_death) < 18


# The age bands of the NCMD data releases: days for the first year's two bands, then completed
# years of age. (low, high) are days below one year and completed years from one.
NEONATAL = "0 to 27 days"
POST_NEONATAL = "28 days to under 1 year"
AGE_BANDS_IN_YEARS = (
    (1, 5, "1 to 4 years"),
    (5, 10, "5 to 9 years"),
    (10, 15, "10 to 14 years"),
    (15, 18, "15 to 17 years"),
)
AGE_BANDS = (NEONATAL, POST_NEONATAL, *(label for _, _, label in AGE_BANDS_IN_YEARS))


def age_band(*, date_of_birth: date, date_of_death: date) -> str:
    """The NCMD age band: 0 to 27 days, 28 days to under 1 year, then by completed years of age.

    Source: NCMD analysis form and data releases, age bands at death.
    """
    if age_in_days(date_of_birth=date_of_birth, date_of_death=date_of_death) < 28:
        return NEONATAL
    years = completed_years(date_of_birth=date_of_birth, date_of_death=date_of_death)
    for low, high, label in AGE_BANDS_IN_YEARS:
        if low <= years < high:
            return label
    return POST_NEONATAL if years < 1 else AGE_BANDS[-1]


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


def is_small(count: int) -> bool:
    return 0 < count < SMALL_COUNT_LIMIT


def suppress_table(counts: list[int], outside: list[int] | None = None) -> list[int | str]:
    """The cells of one table, safe to show beside its total.

    Counts from 1 to 4 are hidden; where only one cell is hidden it could be worked out from the
    total, so the smallest other non-zero cell is hidden too (secondary suppression). For a filtered
    table, `outside` holds each cell's count of the deaths the filters leave out: a cell whose
    outside count is 1 to 4 is hidden too, or taking it from the unfiltered table would give that
    small count (complementary suppression; ONS disclosure control guidance).
    """
    shown = [suppress(count) for count in counts]
    for index, left_out in enumerate(outside or []):
        if is_small(left_out) and counts[index] and shown[index] != SUPPRESSED:
            shown[index] = HIDDEN
    hidden = [index for index, value in enumerate(shown) if value in (SUPPRESSED, HIDDEN)]
    if len(hidden) == 1:
        others = [index for index, count in enumerate(counts) if count and index not in hidden]
        if others:
            shown[min(others, key=lambda index: counts[index])] = HIDDEN
    return shown


def financial_year(day: date) -> int:
    """The year a CDOP reports in: 1 April to 31 March, named by the year it starts.

    Source: Working Together 2023 ch. 6 (child death review partners' yearly report); NCMD year ending 31 March.
    """
    return day.year if day.month >= 4 else day.year - 1


# The five high-level groups of the ONS 2021 census ethnicity classification (England and Wales).
# Each recorded ethnicity's code begins with its group's key, so grouping needs no second list.
ETHNIC_GROUPS = {
    "asian": "Asian, Asian British or Asian Welsh",
    "black": "Black, Black British, Black Welsh, Caribbean or African",
    "mixed": "Mixed or Multiple ethnic groups",
    "white": "White",
    "other": "Other ethnic group",
}
NOT_STATED = "Not stated"


def ethnic_group(ethnicity: str) -> str:
    """The high-level group a recorded ethnicity is counted in for statistics; never recorded itself.

    Source: NCMD analysis form and data releases, ethnicity as the ONS 2021 census categories, grouped in five.
    """
    return ETHNIC_GROUPS.get(ethnicity.split("_", 1)[0], NOT_STATED)


def reporting_year_label(year: int) -> str:
    return f"{year} to {year + 1}"


def days_to_completed_review(*, date_of_death: date, review_completed_on: date) -> int:
    """Timeliness of a review: days from the death to the panel's completed review.

    Source: Child Death Review Statutory and Operational Guidance (England) 2018, CDOP timeliness; NCMD data releases.
    """
    return (review_completed_on - date_of_death).days


def reviewed_within_months(*, date_of_death: date, review_completed_on: date, months: int) -> bool:
    """Whether the panel completed its review within so many calendar months of the death.

    Source: NCMD data releases, proportion of reviews completed within 6 and 12 months of death.
    """
    return review_completed_on <= date_of_death + relativedelta(months=months)


def nhs_status_contradicts_residence(*, not_resident_in_england: bool, lives_outside: bool) -> bool:
    """ "Child not resident in England" as the reason for no NHS number, for a child said to live
    in England (or the other way round), is a contradiction to correct before saving.

    Source: NCMD notification form 2022, "no NHS number" options ("Child non-resident in England").
    """
    return not_resident_in_england and not lives_outside
