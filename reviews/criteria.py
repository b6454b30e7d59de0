"""Whether a case meets the criteria for a Local Child Safeguarding Practice Review (LCSPR).

Source: Working Together to Safeguard Children (2018), chapter 4, and the Child Safeguarding
Practice Review and Relevant Agency (England) Regulations 2018 (SI 2018/789), as set out in the
South Tees Learning and Improvement Framework, component 1:
  (a) abuse or neglect of a child is known or suspected; and
  (b) either (i) the child has died (including by suspected suicide), or (ii) the child has been
      seriously harmed and there is cause for concern as to the way in which the authority, their
      partners or other relevant persons have worked together to safeguard the child; under (ii) a
      decision not to initiate an LCSPR needs definitive evidence of no interagency concerns.
  Additional criteria that must always trigger an LCSPR: a child dies in custody (police custody,
  on remand, following sentencing in a young offender institution, a secure training centre or a
  secure children's home); a child dies while detained under the Mental Health Act 1983; a child
  aged 16 or 17 dies while the subject of a deprivation of liberty order under the Mental Capacity
  Act 2005. The partnership may still commission an LCSPR where no criterion is met.
"""

from dataclasses import dataclass, field
from typing import Any

ABUSE_OR_NEGLECT = ("known", "suspected", "not_suspected")
INTERAGENCY_CONCERNS = ("concerns", "no_concerns_definitive", "unknown")
CUSTODY_SETTINGS = {
    "police_custody": "police custody",
    "remand": "on remand",
    "young_offender_institution": "a young offender institution, following sentencing",
    "secure_training_centre": "a secure training centre",
    "secure_childrens_home": "a secure children's home",
}

LCSPR_REQUIRED = "lcspr_required"
LCSPR_NOT_REQUIRED = "lcspr_not_required"
EVIDENCE_NEEDED = "evidence_needed"


@dataclass(frozen=True)
class Case:
    abuse_or_neglect: str
    child_died: bool
    suspected_suicide: bool
    seriously_harmed: bool
    interagency_concerns: str
    death_in_custody: str | None
    detained_under_mental_health_act: bool
    age: int
    deprivation_of_liberty_order: bool


@dataclass(frozen=True)
class Assessment:
    outcome: str
    mandatory: bool
    reasons: list[str] = field(default_factory=list)


def _additional_criteria(case: Case) -> list[str]:
    """The additional criteria that always require an LCSPR, whatever criteria (a) and (b) say."""
    reasons = []
    # A death in custody is a death whatever `child_died` says; the other two need the death.
    if case.death_in_custody:
        reasons.append(f"The child died in custody: {CUSTODY_SETTINGS[case.death_in_custody]}.")
    if not case.child_died:
        return reasons
    if case.detained_under_mental_health_act:
        reasons.append("The child died while detained under the Mental Health Act 1983.")
    if case.deprivation_of_liberty_order and case.age in (16, 17):
        reasons.append(
            f"The child, aged {case.age}, died while the subject of a deprivation of liberty order "
            "under the Mental Capacity Act 2005."
        )
    return reasons


def assess(case: Case) -> Assessment:
    """Apply the LCSPR criteria to one case."""
    mandatory = _additional_criteria(case)
    if mandatory:
        return Assessment(LCSPR_REQUIRED, True, mandatory)

    if case.abuse_or_neglect == "not_suspected":
        return Assessment(
            LCSPR_NOT_REQUIRED,
            False,
            [
                "Criterion (a) is not met: abuse or neglect is neither known nor suspected.",
                "The partnership may still commission an LCSPR or another review.",
            ],
        )
    criterion_a = f"Criterion (a) is met: abuse or neglect is {case.abuse_or_neglect}."

    if case.child_died:
        died = "the child has died" + (" (suspected suicide)" if case.suspected_suicide else "")
        return Assessment(LCSPR_REQUIRED, False, [criterion_a, f"Criterion (b)(i) is met: {died}."])

    if not case.seriously_harmed:
        return Assessment(
            LCSPR_NOT_REQUIRED,
            False,
            [
                criterion_a,
                "Criterion (b) is not met: the child has neither died nor been seriously harmed.",
                "The partnership may still commission an LCSPR or another review.",
            ],
        )
    harmed = "The child has been seriously harmed"
    if case.interagency_concerns == "concerns":
        return Assessment(
            LCSPR_REQUIRED,
            False,
            [
                criterion_a,
                f"Criterion (b)(ii) is met: {harmed.lower()} and there is cause for concern about "
                "how the organisations worked together.",
            ],
        )
    if case.interagency_concerns == "no_concerns_definitive":
        return Assessment(
            LCSPR_NOT_REQUIRED,
            False,
            [
                criterion_a,
                f"Criterion (b)(ii) is not met: {harmed.lower()} but there is definitive evidence "
                "of no concerns about interagency working.",
                "The partnership may still commission an LCSPR or another review.",
            ],
        )
    return Assessment(
        EVIDENCE_NEEDED,
        False,
        [
            criterion_a,
            f"{harmed}, but whether there are concerns about interagency working is not known.",
            "A decision not to hold an LCSPR needs definitive evidence that there are no concerns "
            "about interagency working.",
        ],
    )


class InvalidCase(ValueError):
    """A case read from outside is missing a field or has a value the criteria do not know."""


_BOOLEAN_FIELDS = (
    "child_died",
    "suspected_suicide",
    "seriously_harmed",
    "detained_under_mental_health_act",
    "deprivation_of_liberty_order",
)


def case_from_dict(data: Any, *, label: str) -> Case:
    """A Case from a JSON object; InvalidCase names `label` and the field that is wrong."""
    if not isinstance(data, dict):
        raise InvalidCase(f"{label}: must be a JSON object")

    def value(name: str):
        if name not in data:
            raise InvalidCase(f"{label}: field '{name}' is missing")
        return data[name]

    def one_of(name: str, allowed) -> str:
        found = value(name)
        if found not in allowed:
            raise InvalidCase(
                f"{label}: field '{name}' must be one of {', '.join(allowed)}; got {found!r}"
            )
        return found

    flags = {}
    for name in _BOOLEAN_FIELDS:
        if not isinstance(value(name), bool):
            raise InvalidCase(f"{label}: field '{name}' must be true or false")
        flags[name] = data[name]
    custody = value("death_in_custody")
    if custody is not None and custody not in CUSTODY_SETTINGS:
        raise InvalidCase(
            f"{label}: field 'death_in_custody' must be null or one of "
            f"{', '.join(CUSTODY_SETTINGS)}; got {custody!r}"
        )
    age = value("age")
    if isinstance(age, bool) or not isinstance(age, int) or age < 0:
        raise InvalidCase(f"{label}: field 'age' must be a whole number of years")
    return Case(
        abuse_or_neglect=one_of("abuse_or_neglect", ABUSE_OR_NEGLECT),
        interagency_concerns=one_of("interagency_concerns", INTERAGENCY_CONCERNS),
        death_in_custody=custody,
        age=age,
        **flags,
    )
