"""The rules of planning and running an audit (pure: no database).

Multi-agency case audits are chosen from what the partnership knows (performance data, inspection
and review recommendations, themes that recur: statutory.md section 7, Cumbria), select their cases
at random within a practice focus (Enfield), and go through agencies' returns, a moderation
discussion and a report before the practice is audited again.
"""

import random

# The stages of an audit, in order.
STAGES = ("planned", "case_selection", "agency_returns", "moderation", "report", "re_audit_due")

# What prompted an audit, and the record it must then name.
PROMPT_LINKS = {
    "audit_proposal": "audit_proposal",
    "review_recommendation": "prompting_recommendation",
    "inspection_finding": "prompting_finding",
    "recurring_theme": "theme",
}
PROMPT_MESSAGES = {
    "audit_proposal": "Select the audit proposal that prompted the audit",
    "review_recommendation": "Select the review's recommendation that prompted the audit",
    "inspection_finding": "Select the inspection finding that prompted the audit",
    "recurring_theme": "Select the recurring theme that prompted the audit",
}
UNASKED_MESSAGES = {
    "audit_proposal": "Only an audit prompted by an audit proposal names one: leave it empty",
    "prompting_recommendation": (
        "Only an audit prompted by a review's recommendation names one: leave it empty"
    ),
    "prompting_finding": "Only an audit prompted by an inspection finding names one: leave it empty",
}


def next_stage(status: str) -> str | None:
    """The stage after `status` (None after the last)."""
    place = STAGES.index(status)
    return STAGES[place + 1] if place + 1 < len(STAGES) else None


# Moderation ends, and the report is completed, on their own pages, which check that every returned
# case was discussed and that the report names what the audit found.
ENDED_ON_THEIR_OWN_PAGES = ("moderation", "report")


def next_stage_by_hand(status: str) -> str | None:
    """The stage the audit page's "move on" takes an audit to (None where its own page does)."""
    return None if status in ENDED_ON_THEIR_OWN_PAGES else next_stage(status)


def prompt_problems(prompt: str, links: dict[str, object]) -> dict[str, str]:
    """By field: what is missing or out of place in the records an audit's prompt names. The
    theme may be given whatever the prompt; the other links only with their own prompt."""
    problems = {}
    wanted = PROMPT_LINKS.get(prompt)
    if wanted is not None and links.get(wanted) is None:
        problems[wanted] = PROMPT_MESSAGES[prompt]
    for name, message in UNASKED_MESSAGES.items():
        if name != wanted and links.get(name) is not None:
            problems[name] = message
    return problems


def pick_at_random(candidates: list[str], count: int, chooser: random.Random) -> list[str]:
    """`count` different cases from the candidates (all of them if there are fewer), in the order
    they were picked. Duplicates and blank lines among the candidates count once, or not at all."""
    unique = list(dict.fromkeys(candidate.strip() for candidate in candidates if candidate.strip()))
    return chooser.sample(unique, min(count, len(unique)))
