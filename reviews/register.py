"""Rules of the serious incident register.

Source: Working Together 2023 ch. 5 (docs/statutory-notes.md, "Working Together").
"""

# A care leaver's death is notified up to and including this age.
CARE_LEAVER_LAST_AGE = 24


def secretary_of_state_and_ofsted_to_be_notified(
    *, died: bool, looked_after: bool, care_leaver: bool, age: int
) -> bool:
    """A looked-after child's death, or a care leaver's up to and including age 24, is notified
    to the Secretary of State and Ofsted whether or not abuse or neglect is suspected.

    Source: Working Together 2023 ch. 5 (docs/statutory-notes.md).
    """
    return died and (looked_after or (care_leaver and age <= CARE_LEAVER_LAST_AGE))
