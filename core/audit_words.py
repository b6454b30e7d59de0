"""An audit row in words for the people who read the trail: what was done, not only "Changed"
or "Decided". Pure: reads the row's event label and details only."""

from collections.abc import Callable
from typing import Any


def _words(value: Any) -> str:
    return str(value).replace("_", " ")


# Details that say what was done, each read as the verb of the row (first found wins).
DONE: dict[str, Callable[[Any], str]] = {
    "signed_off": lambda value: "Signed off" if value else "Declined to sign off",
    "approved": lambda value: "Approved" if value else "Refused",
    "closed": lambda value: "Closed",
    "to": lambda value: _words(value).capitalize(),
    "invitation": lambda value: f"Invitation {_words(value)}",
    "two_factor": lambda value: f"Two-factor sign-in {_words(value)}",
    "calendar_address": lambda value: f"Calendar address {_words(value)}",
    "export": lambda value: f"Exported the {_words(value)}",
    "sent_to_panel_on": lambda value: "Sent to the national panel",
    "secretary_of_state_and_ofsted_notified_on": lambda value: (
        "Told the Secretary of State and Ofsted"
    ),
    "evidence signed off for": lambda value: "Signed off the evidence of impact",
}
# Details that say what a change or decision came to, read after the event's own label.
CAME_TO = ("outcome", "status")


def describe(label: str, details: dict) -> str:
    """ "Changed" with {"changes": {"title": ..., "due_date": ...}} -> "Changed the title, due date";
    "Decided" with {"signed_off": True} -> "Signed off"; "Decided" with {"outcome": "lcspr"} ->
    "Decided: outcome lcspr"."""
    for key, words in DONE.items():
        if key in details:
            return words(details[key])
    if details.get("changes"):
        return f"{label} the " + ", ".join(_words(name) for name in details["changes"])
    for key in CAME_TO:
        if details.get(key):
            return f"{label}: {key} {_words(details[key])}"
    return label
