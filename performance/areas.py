"""Area names as people write them: 'Redcar and Cleveland', 'Redcar & Cleveland', 'redcar  & cleveland'."""

import re

_SPACES = re.compile(r"\s+")


def area_key(name: str) -> str:
    """One spelling for the ways people write the same area's name."""
    text = str(name or "").strip().lower().replace("&", " and ")
    text = re.sub(r"[^\w\s-]", " ", text)
    return _SPACES.sub(" ", text).strip()
