"""The rules of planning an audit and selecting its cases (`audits.rules`), without a database."""

import random

from audits import rules


def test_an_audit_prompted_by_a_proposal_names_it():
    problems = rules.prompt_problems("audit_proposal", {"audit_proposal": None})
    assert problems == {"audit_proposal": "Select the audit proposal that prompted the audit"}


def test_an_audit_prompted_by_a_recurring_theme_names_the_theme():
    assert "theme" in rules.prompt_problems("recurring_theme", {"theme": None})
    assert not rules.prompt_problems("recurring_theme", {"theme": object()})


def test_a_finding_is_named_only_by_an_audit_an_inspection_finding_prompted():
    problems = rules.prompt_problems("other", {"prompting_finding": object()})
    assert list(problems) == ["prompting_finding"]


def test_any_audit_may_have_a_theme():
    assert not rules.prompt_problems("other", {"theme": object()})


def test_the_stages_run_from_planning_to_re_audit():
    assert rules.next_stage("planned") == "case_selection"
    assert rules.next_stage("report") == "re_audit_due"
    assert rules.next_stage("re_audit_due") is None


def test_moderation_and_the_report_are_not_moved_on_by_hand():
    assert rules.next_stage_by_hand("agency_returns") == "moderation"
    assert rules.next_stage_by_hand("moderation") is None
    assert rules.next_stage_by_hand("report") is None


def test_random_selection_picks_different_cases_and_ignores_blank_lines_and_repeats():
    picked = rules.pick_at_random(["A1", " A1 ", "", "B2", "C3"], 3, random.Random(4))
    assert sorted(picked) == ["A1", "B2", "C3"]


def test_random_selection_takes_every_case_when_there_are_too_few():
    assert sorted(rules.pick_at_random(["A1", "B2"], 5, random.Random(1))) == ["A1", "B2"]


def test_random_selection_takes_the_number_asked():
    candidates = [f"C{n}" for n in range(40)]
    assert len(set(rules.pick_at_random(candidates, 6, random.Random(2)))) == 6
