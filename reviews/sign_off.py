"""Partner sign-off of a rapid review decision or a final report: every statutory partner signs.

Source: s16E Children Act 2004 and Working Together 2023 ch. 5, the safeguarding partners are each
local authority, the police and the integrated care board, here the organisations configured as
statutory partners (docs/statutory-notes.md, "Working Together").
"""

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class StatutoryPartner:
    name: str
    leads: tuple[str, ...]
    # True once one of its leads agrees, False if one does not, None while nobody has signed.
    agrees: bool | None


def sign_off_blockers(partners: Sequence[StatutoryPartner]) -> list[str]:
    """Why the decision or report cannot yet be sent; empty when every statutory partner agrees.

    Source: Working Together 2023 ch. 5, the decision is the safeguarding partners' together
    (docs/statutory-notes.md).
    """
    if not partners or not any(partner.leads for partner in partners):
        return [
            "The partnership has no configured partner leads: the business unit must set up a "
            "partner lead for each local authority, the police and the integrated care board"
        ]
    blockers = []
    for partner in partners:
        if not partner.leads:
            blockers.append(f"{partner.name} has no partner lead configured")
        elif partner.agrees is None:
            blockers.append(f"Waiting for {partner.name} ({', '.join(partner.leads)})")
        elif partner.agrees is False:
            blockers.append(f"{partner.name} does not agree")
    return blockers
