"""Whether a reviewer has a conflict of interest the partners must weigh.

Source: SI 2018/789 regs 12-13 (the partners appoint reviewers they consider suitable and may
remove one before publication) and Working Together 2023 ch. 5 (any real or perceived conflict of
interest); the employer rule is the partnership's local policy (docs/statutory-notes.md).
"""

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    name: str
    employer_id: int | None
    involved_with_ids: Collection[int]
    involved_in_case: bool


def conflicts_of_interest(
    *, candidate: Candidate, is_lcspr: bool, under_review: dict[int, str], employer_rule: bool
) -> list[str]:
    """The candidate's conflicts of interest; empty when there are none. `under_review` maps id
    to name; `employer_rule` is the partnership's local policy for an LCSPR's reviewer.

    Source: SI 2018/789 regs 12-13; Working Together 2023 ch. 5 (docs/statutory-notes.md).
    """
    conflicts = []
    if candidate.involved_in_case:
        conflicts.append(f"{candidate.name} has declared involvement in the case.")
    if not is_lcspr:
        return conflicts
    if employer_rule and candidate.employer_id in under_review:
        conflicts.append(
            f"{candidate.name} is employed by {under_review[candidate.employer_id]}, "
            "whose actions are under review (against the partnership's local policy)."
        )
    for organisation_id in sorted(set(candidate.involved_with_ids) & set(under_review)):
        conflicts.append(
            f"{candidate.name} has declared involvement with {under_review[organisation_id]}, "
            "whose actions are under review."
        )
    return conflicts
