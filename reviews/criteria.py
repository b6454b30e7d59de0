"""Deciding whether to hold a local child safeguarding practice review (LCSPR).

Two things are reported separately and neither decides for the partners:
- the statutory considerations: what the partners must take into account (regulation 11,
  SI 2018/789) and have regard to (Working Together 2023 ch. 5); meeting them obliges no review;
- the partnership's local review policy: the South Tees framework's serious case test and the
  circumstances the partnership has decided always lead to an LCSPR (configuration, not law).
Sources and wording: docs/statutory-notes.md.
"""

from collections.abc import Collection
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

# Regulation 11 (a) to (d): does the case highlight, or may it highlight, ...
REGULATION_11 = {
    "highlights_improvements": "(a) improvements needed to safeguard and promote the welfare of "
    "children, including where those improvements have been previously identified",
    "highlights_recurrent_themes": "(b) recurrent themes in the safeguarding and promotion of the "
    "welfare of children",
    "highlights_interagency_concerns": "(c) concerns regarding two or more organisations or "
    "agencies working together effectively to safeguard and promote the welfare of children",
    "panel_considered_local_review": "(d) the national panel has considered the case and "
    "concluded a local review may be more appropriate",
}
# Working Together 2023 ch. 5: circumstances the partners should also have regard to.
HAVE_REGARD_TO = {
    "single_agency_concern": "there is concern about the actions of a single agency",
    "no_agency_involvement_concern": "no agency was involved with the child and this itself "
    "raises concern",
    "several_areas_involved": "more than one local authority, police area or integrated care "
    "board is involved",
    "institutional_setting": "the case involves an institutional setting",
}

# The circumstances a partnership may list in its local review policy; each applies only where
# the child died.
DEATH_IN_CUSTODY = "death_in_custody"
DEATH_DETAINED_UNDER_MENTAL_HEALTH_ACT = "death_detained_under_mental_health_act"
DEATH_AT_16_OR_17_DEPRIVED_OF_LIBERTY = "death_at_16_or_17_deprived_of_liberty"
LOCAL_POLICY_CIRCUMSTANCES = {
    DEATH_IN_CUSTODY: "A child dies in custody: police custody, on remand, in a young offender "
    "institution, a secure training centre or a secure children's home",
    DEATH_DETAINED_UNDER_MENTAL_HEALTH_ACT: "A child dies while detained under the Mental Health "
    "Act 1983",
    DEATH_AT_16_OR_17_DEPRIVED_OF_LIBERTY: "A child aged 16 or 17 dies while the subject of a "
    "deprivation of liberty order",
}
# The South Tees framework's list (component 1), the policy the command applies.
FRAMEWORK_POLICY = frozenset(LOCAL_POLICY_CIRCUMSTANCES)


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


@dataclass(frozen=True)
class StatutoryConsiderations:
    """The answers to regulation 11 (a) to (d), None where not yet answered, and the
    circumstances to have regard to that the partners recorded."""

    regulation_11: dict[str, bool | None]
    have_regard_to: Collection[str] = ()

    @property
    def answered(self) -> bool:
        return all(answer is not None for answer in self.regulation_11.values())

    @property
    def highlighted(self) -> list[str]:
        return [REGULATION_11[key] for key, answer in self.regulation_11.items() if answer]

    @property
    def not_highlighted(self) -> list[str]:
        return [REGULATION_11[key] for key, answer in self.regulation_11.items() if answer is False]

    @property
    def circumstances(self) -> list[str]:
        return [label for key, label in HAVE_REGARD_TO.items() if key in self.have_regard_to]


def statutory_considerations(
    *, answers: dict[str, bool | None], have_regard_to: Collection[str] = ()
) -> StatutoryConsiderations:
    """What the partners take into account before deciding; the decision stays theirs.

    Source: SI 2018/789 reg 11 (a)-(d); Working Together 2023 ch. 5 (docs/statutory-notes.md).
    """
    unknown = (set(answers) - set(REGULATION_11)) | (set(have_regard_to) - set(HAVE_REGARD_TO))
    if unknown:
        raise ValueError(f"Not a statutory consideration: {', '.join(sorted(unknown))}")
    return StatutoryConsiderations(
        regulation_11={key: answers.get(key) for key in REGULATION_11},
        have_regard_to=frozenset(have_regard_to),
    )


def local_policy_reasons(case: Case, policy: Collection[str]) -> tuple[list[str], list[str]]:
    """The listed circumstances that apply, and notes on answers that cannot count.

    Source: the partnership's local review policy (South Tees framework, component 1), which
    lists only deaths: nothing applies to a child who did not die (docs/statutory-notes.md).
    """
    applies, notes = [], []
    if case.death_in_custody and not case.child_died:
        notes.append(
            "A death in custody is recorded but the child did not die: it is treated as no death "
            "in custody."
        )
    if not case.child_died:
        return applies, notes
    if DEATH_IN_CUSTODY in policy and case.death_in_custody:
        applies.append(f"The child died in custody: {CUSTODY_SETTINGS[case.death_in_custody]}.")
    if DEATH_DETAINED_UNDER_MENTAL_HEALTH_ACT in policy and case.detained_under_mental_health_act:
        applies.append("The child died while detained under the Mental Health Act 1983.")
    if (
        DEATH_AT_16_OR_17_DEPRIVED_OF_LIBERTY in policy
        and case.deprivation_of_liberty_order
        and case.age in (16, 17)
    ):
        applies.append(
            f"The child, aged {case.age}, died while the subject of a deprivation of liberty order."
        )
    return applies, notes


def assess(case: Case, policy: Collection[str] = FRAMEWORK_POLICY) -> Assessment:
    """The local policy's answer: its serious case test, and `mandatory` where a listed
    circumstance applies to a child who died. Advice to the partners, never a bar.

    Source: South Tees framework component 1 as local policy, not law (docs/statutory-notes.md).
    """
    listed, notes = local_policy_reasons(case, policy)
    if listed:
        return Assessment(LCSPR_REQUIRED, True, listed + notes)
    outcome, reasons = _serious_case_test(case)
    return Assessment(outcome, False, reasons + notes)


def _serious_case_test(case: Case) -> tuple[str, list[str]]:
    may_still = "The partnership may still commission an LCSPR or another review."
    if case.abuse_or_neglect == "not_suspected":
        return LCSPR_NOT_REQUIRED, [
            "Criterion (a) is not met: abuse or neglect is neither known nor suspected.",
            may_still,
        ]
    criterion_a = f"Criterion (a) is met: abuse or neglect is {case.abuse_or_neglect}."
    if case.child_died:
        died = "the child has died" + (" (suspected suicide)" if case.suspected_suicide else "")
        return LCSPR_REQUIRED, [criterion_a, f"Criterion (b)(i) is met: {died}."]
    if not case.seriously_harmed:
        return LCSPR_NOT_REQUIRED, [
            criterion_a,
            "Criterion (b) is not met: the child has neither died nor been seriously harmed.",
            may_still,
        ]
    if case.interagency_concerns == "concerns":
        return LCSPR_REQUIRED, [
            criterion_a,
            "Criterion (b)(ii) is met: the child has been seriously harmed and there is cause for "
            "concern about how the organisations worked together.",
        ]
    if case.interagency_concerns == "no_concerns_definitive":
        return LCSPR_NOT_REQUIRED, [
            criterion_a,
            "Criterion (b)(ii) is not met: the child has been seriously harmed but there is "
            "definitive evidence of no concerns about interagency working.",
            may_still,
        ]
    return EVIDENCE_NEEDED, [
        criterion_a,
        "The child has been seriously harmed, but whether there are concerns about interagency "
        "working is not known.",
        "The local policy asks for definitive evidence that there are no concerns about "
        "interagency working before deciding against an LCSPR.",
    ]


def departs_from_local_policy(*, holds_lcspr: bool, assessment: Assessment | None) -> bool:
    """Deciding against an LCSPR where the local policy says one is always held is lawful,
    but is a departure the partners explain and the yearly report shows.

    Source: s16F Children Act 2004 and SI 2018/789 reg 11 leave the decision to the partners
    (docs/statutory-notes.md).
    """
    return not holds_lcspr and assessment is not None and assessment.mandatory


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
