"""The standard multi-agency audit tool every partnership starts with (it can copy and change it).

Sections as multi-agency audit practice sets them (Enfield: recognition, assessment, planning and
intervention, joint working, impact, overall quality; Somerset and Solihull: the voice and lived
experience of the child, in every audit), with the typical questions partnerships ask (statutory.md
section 7). Each section also records good practice, areas for development and recommendations.
"""

NAME = "Standard multi-agency audit tool"
DESCRIPTION = (
    "Each agency audits its own involvement in the case, section by section, and grades it on "
    "the four-point scale."
)

YES_PARTLY_NO, GRADE, TEXT = "yes_partly_no", "grade", "text"

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Recognition",
        (
            ("Were the child's needs and the risks to them recognised in time?", YES_PARTLY_NO),
            ("Were thresholds applied correctly?", YES_PARTLY_NO),
        ),
    ),
    (
        "Assessment",
        (
            ("Was the child seen?", YES_PARTLY_NO),
            ("Was the child seen alone?", YES_PARTLY_NO),
            ("Was risk assessed and, where needed, escalated?", YES_PARTLY_NO),
            ("Were the child's diversity and identity considered?", YES_PARTLY_NO),
        ),
    ),
    (
        "Planning and intervention",
        (
            ("Was the plan specific, measurable and reviewed?", YES_PARTLY_NO),
            ("How good was the planning and intervention?", GRADE),
        ),
    ),
    (
        "Joint working",
        (
            ("Was information shared in time?", YES_PARTLY_NO),
            ("How well did the agencies work together?", GRADE),
        ),
    ),
    (
        "The voice and lived experience of the child",
        (
            ("Are the child's wishes, feelings and lived experience recorded?", YES_PARTLY_NO),
            (
                "Did the child's wishes, feelings and lived experience shape the plan?",
                YES_PARTLY_NO,
            ),
        ),
    ),
    (
        "Impact and outcomes",
        (("What difference did it make for the child?", TEXT),),
    ),
    (
        "Overall quality",
        (("How good was the agency's practice overall?", GRADE),),
    ),
)
