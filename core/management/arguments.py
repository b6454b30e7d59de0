"""Argument types shared by the project's management commands."""

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """A YYYY-MM-DD argument; anything else is a usage error naming the argument (exit 2)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date in the form YYYY-MM-DD") from None
