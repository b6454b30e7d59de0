"""The yearly report's period and deadlines (`yearly_report.sections`), without a database."""

from datetime import date

from yearly_report import sections


def test_a_report_covers_1_april_to_31_march():
    assert sections.period(2025) == (date(2025, 4, 1), date(2026, 3, 31))
    assert sections.label(2025) == "2025-26"
    assert sections.label(2099) == "2099-00"


def test_the_default_year_is_the_last_april_to_march_that_has_ended():
    assert sections.last_full_year(date(2026, 12, 5)) == 2025
    assert sections.last_full_year(date(2026, 4, 1)) == 2025
    assert sections.last_full_year(date(2026, 3, 31)) == 2024


def test_it_is_sent_within_7_days_of_publication():
    assert sections.send_by(date(2026, 6, 26)) == date(2026, 7, 3)


def test_every_section_the_guidance_asks_for_is_there_once():
    keys = sections.SECTION_KEYS
    assert len(keys) == len(set(keys))
    for wanted in ("reviews", "impact", "little_progress", "voice", "national", "scrutiny"):
        assert wanted in keys
