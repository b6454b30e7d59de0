"""Whether a person may review a case.

Source: Working Together to Safeguard Children 2018 ch. 4 and Regulation 5 (SI 2018/789), as the
Learning and Improvement Framework (principle 3) puts it: LCSPRs are carried out by people
independent of the case and of the organisations whose actions are under review; other reviews
may use a critical friend, a senior person not involved in the case.
"""

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    name: str
    employer_id: int | None
    involved_with_ids: Collection[int]
    involved_in_case: bool


def independence_problems(
    *, candidate: Candidate, is_lcspr: bool, under_review: dict[int, str]
) -> list[str]:
    """Reasons the candidate may not review; empty when they may. `under_review` maps id to name."""
    problems = []
    if candidate.involved_in_case:
        problems.append(f"{candidate.name} has declared involvement in the case.")
    if not is_lcspr:
        return problems
    if candidate.employer_id in under_review:
        problems.append(
            f"{candidate.name} is employed by {under_review[candidate.employer_id]}, "
            "whose actions are under review."
        )
    for organisation_id in sorted(set(candidate.involved_with_ids) & set(under_review)):
        problems.append(
            f"{candidate.name} has declared involvement with {under_review[organisation_id]}, "
            "whose actions are under review."
        )
    return problems
