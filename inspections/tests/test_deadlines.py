"""The action plan clock after an inspection: pure rules and the command (no database)."""

import json
from datetime import date

import pytest
from django.core.management import ManagementUtility, call_command

from inspections.deadlines import action_plan_due


@pytest.mark.parametrize(
    ("kind", "received", "due"),
    [
        # 70 working days across Easter (3 and 6 April) and both May bank holidays (4 and 25 May).
        ("ilacs_standard", date(2026, 3, 2), date(2026, 6, 12)),
        # Across Christmas 2026 (Boxing Day substituted on Monday 28 December) and New Year.
        ("ilacs_short", date(2026, 11, 16), date(2027, 2, 25)),
        ("jtai", date(2026, 10, 5), date(2027, 1, 14)),
    ],
)
def test_ilacs_and_jtai_action_plans_are_due_70_working_days_after_the_report(kind, received, due):
    assert action_plan_due(kind=kind, received=received).due == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Christmas: 25 and 28 December 2026 and 1 January 2027 are skipped.
        (date(2026, 12, 18), date(2027, 1, 20)),
        # Easter: Good Friday 3 April and Easter Monday 6 April 2026 are skipped.
        (date(2026, 3, 25), date(2026, 4, 24)),
        # The late-May bank holiday, 25 May 2026, is skipped.
        (date(2026, 5, 18), date(2026, 6, 16)),
    ],
)
def test_a_focused_visit_with_priority_actions_needs_a_plan_in_20_working_days(received, due):
    assert (
        action_plan_due(kind="focused_visit", received=received, priority_actions=True).due == due
    )


def test_a_focused_visit_without_priority_actions_needs_no_plan():
    clock = action_plan_due(kind="focused_visit", received=date(2026, 3, 25))
    assert clock.due is None
    assert "without areas for priority action" in clock.rule


def test_a_monitoring_visit_needs_no_plan():
    assert action_plan_due(kind="monitoring_visit", received=date(2026, 3, 25)).due is None


def test_an_inspection_of_a_partner_agency_starts_no_clock():
    assert action_plan_due(kind="partner", received=date(2026, 3, 25)).due is None


def test_a_partnership_setting_changes_the_jtai_written_statement_of_action():
    clock = action_plan_due(kind="jtai", received=date(2026, 3, 25), jtai_working_days=20)
    assert clock.due == date(2026, 4, 24)
    assert "local setting" in clock.rule


def test_the_partnership_setting_does_not_change_an_ilacs_plan():
    clock = action_plan_due(kind="ilacs_standard", received=date(2026, 3, 2), jtai_working_days=20)
    assert clock.due == date(2026, 6, 12)


def test_each_rule_cites_its_source():
    assert "ILACS" in action_plan_due(kind="ilacs_standard", received=date(2026, 3, 2)).rule
    assert "JTAI" in action_plan_due(kind="jtai", received=date(2026, 3, 2)).rule


def _run(capsys, *arguments) -> dict:
    call_command("inspection_deadlines", *arguments)
    return json.loads(capsys.readouterr().out)


def test_the_command_prints_the_due_date_and_rule_as_json(capsys):
    printed = _run(capsys, "--type", "ilacs_standard", "--received", "2026-03-02")
    assert printed["action_plan_due"] == "2026-06-12"
    assert "70 working days" in printed["rule"]


def test_the_command_counts_20_days_for_a_focused_visit_with_priority_actions(capsys):
    printed = _run(
        capsys, "--type", "focused_visit", "--received", "2026-12-18", "--priority-actions"
    )
    assert printed["action_plan_due"] == "2027-01-20"


def test_the_command_prints_null_when_no_plan_is_due(capsys):
    printed = _run(capsys, "--type", "monitoring_visit", "--received", "2026-03-02")
    assert printed["action_plan_due"] is None


def _exit_code(capsys, *arguments) -> tuple[int, str]:
    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "inspection_deadlines", *arguments]).execute()
    return exited.value.code, capsys.readouterr().err


def test_the_command_refuses_an_unknown_type_naming_the_argument(capsys):
    code, error = _exit_code(capsys, "--type", "ofsted", "--received", "2026-03-02")
    assert code == 2
    assert "--type" in error


def test_the_command_refuses_a_date_that_is_not_real_naming_the_argument(capsys):
    code, error = _exit_code(capsys, "--type", "jtai", "--received", "2026-02-30")
    assert code == 2
    assert "--received" in error
