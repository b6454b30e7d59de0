"""The LCSPR decision rules, case by case, without a database: the statutory considerations
(SI 2018/789 reg 11; Working Together 2023 ch. 5) and the local review policy (configuration)."""

import json
from dataclasses import replace

import pytest
from django.core.management import call_command

from reviews.criteria import (
    CUSTODY_SETTINGS,
    DEATH_IN_CUSTODY,
    EVIDENCE_NEEDED,
    FRAMEWORK_POLICY,
    LCSPR_NOT_REQUIRED,
    LCSPR_REQUIRED,
    Case,
    InvalidCase,
    assess,
    case_from_dict,
    departs_from_local_policy,
    statutory_considerations,
)

NOTHING = Case(
    abuse_or_neglect="not_suspected",
    child_died=False,
    suspected_suicide=False,
    seriously_harmed=False,
    interagency_concerns="unknown",
    death_in_custody=None,
    detained_under_mental_health_act=False,
    age=10,
    deprivation_of_liberty_order=False,
)


def _case(**changes) -> Case:
    return replace(NOTHING, **changes)


@pytest.mark.parametrize("abuse", ["known", "suspected"])
def test_a_child_who_died_where_abuse_is_known_or_suspected_needs_an_lcspr(abuse):
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(_case(abuse_or_neglect=abuse, child_died=True))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, False)
    assert any("(b)(i)" in reason for reason in result.reasons)


def test_a_suspected_suicide_counts_as_a_death_under_b_i():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(_case(abuse_or_neglect="suspected", child_died=True, suspected_suicide=True))
    assert result.outcome == LCSPR_REQUIRED
    assert any("suspected suicide" in reason for reason in result.reasons)


def test_a_death_without_suspected_abuse_or_neglect_does_not_meet_criterion_a():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(_case(child_died=True))
    assert result.outcome == LCSPR_NOT_REQUIRED
    assert any("Criterion (a) is not met" in reason for reason in result.reasons)


def test_serious_harm_with_interagency_concerns_needs_an_lcspr():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(
        _case(abuse_or_neglect="known", seriously_harmed=True, interagency_concerns="concerns")
    )
    assert result.outcome == LCSPR_REQUIRED
    assert any("(b)(ii) is met" in reason for reason in result.reasons)


def test_serious_harm_with_definitive_evidence_of_no_concerns_does_not_need_an_lcspr():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(
        _case(
            abuse_or_neglect="suspected",
            seriously_harmed=True,
            interagency_concerns="no_concerns_definitive",
        )
    )
    assert result.outcome == LCSPR_NOT_REQUIRED


def test_serious_harm_without_evidence_about_interagency_working_needs_evidence():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(
        _case(abuse_or_neglect="known", seriously_harmed=True, interagency_concerns="unknown")
    )
    assert result.outcome == EVIDENCE_NEEDED
    assert any("definitive evidence" in reason for reason in result.reasons)


def test_abuse_without_death_or_serious_harm_does_not_need_an_lcspr():
    """Local policy (the South Tees framework's serious case test), not law: docs/statutory-notes.md."""
    result = assess(_case(abuse_or_neglect="known", interagency_concerns="concerns"))
    assert result.outcome == LCSPR_NOT_REQUIRED
    assert any("may still commission" in reason for reason in result.reasons)


@pytest.mark.parametrize("setting", sorted(CUSTODY_SETTINGS))
def test_a_death_in_each_custody_setting_is_always_an_lcspr_under_the_framework_policy(setting):
    """Local policy (South Tees framework), not law: docs/statutory-notes.md."""
    result = assess(_case(child_died=True, death_in_custody=setting))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, True)
    assert CUSTODY_SETTINGS[setting] in result.reasons[0]


def test_a_death_while_detained_under_the_mental_health_act_is_always_an_lcspr_under_the_framework_policy():
    """Local policy (South Tees framework), not law: docs/statutory-notes.md."""
    result = assess(_case(child_died=True, detained_under_mental_health_act=True))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, True)


def test_detention_under_the_mental_health_act_without_a_death_is_not_an_additional_criterion():
    """Local policy (South Tees framework): its list applies only where the child died."""
    result = assess(_case(detained_under_mental_health_act=True))
    assert (result.outcome, result.mandatory) == (LCSPR_NOT_REQUIRED, False)


@pytest.mark.parametrize(("age", "mandatory"), [(15, False), (16, True), (17, True), (18, False)])
def test_the_deprivation_of_liberty_circumstance_applies_at_16_and_17_only(age, mandatory):
    """Local policy (South Tees framework): a child aged 16 or 17 who dies under such an order."""
    result = assess(_case(child_died=True, deprivation_of_liberty_order=True, age=age))
    assert result.mandatory is mandatory
    assert (result.outcome == LCSPR_REQUIRED) is mandatory


def test_a_listed_circumstance_applies_even_where_abuse_is_not_suspected():
    """Local policy (South Tees framework): the list does not depend on the serious case test."""
    result = assess(
        _case(abuse_or_neglect="not_suspected", child_died=True, death_in_custody="remand")
    )
    assert result.outcome == LCSPR_REQUIRED


def test_a_death_in_custody_for_a_child_who_did_not_die_is_treated_as_no_custody_death():
    """Local policy lists deaths only: a contradictory answer cannot make the list apply."""
    result = assess(_case(death_in_custody="police_custody", child_died=False))
    assert (result.outcome, result.mandatory) == (LCSPR_NOT_REQUIRED, False)
    assert any("treated as no death in custody" in reason for reason in result.reasons)


def test_a_partnership_without_the_circumstance_in_its_policy_has_no_always_rule():
    """Local policy is configuration: docs/statutory-notes.md, "The local review policy"."""
    result = assess(_case(child_died=True, death_in_custody="remand"), policy=frozenset())
    assert result.mandatory is False


def test_the_framework_policy_lists_the_three_circumstances():
    """South Tees framework component 1, as local policy."""
    assert len(FRAMEWORK_POLICY) == 3 and DEATH_IN_CUSTODY in FRAMEWORK_POLICY


def test_deciding_against_an_lcspr_where_the_policy_says_always_is_a_departure():
    """s16F Children Act 2004; SI 2018/789 reg 11: lawful, recorded as a departure."""
    always = assess(_case(child_died=True, death_in_custody="remand"))
    assert departs_from_local_policy(holds_lcspr=False, assessment=always)
    assert not departs_from_local_policy(holds_lcspr=True, assessment=always)


def test_deciding_against_an_lcspr_the_policy_does_not_list_is_no_departure():
    """s16F Children Act 2004: the serious case test advises; only the listed circumstances bind locally."""
    advised = assess(_case(abuse_or_neglect="known", child_died=True))
    assert advised.outcome == LCSPR_REQUIRED
    assert not departs_from_local_policy(holds_lcspr=False, assessment=advised)


def test_the_regulation_11_considerations_report_what_is_highlighted_and_what_is_not():
    """SI 2018/789 reg 11 (a)-(d)."""
    considered = statutory_considerations(
        answers={
            "highlights_improvements": True,
            "highlights_recurrent_themes": False,
            "highlights_interagency_concerns": True,
            "panel_considered_local_review": False,
        }
    )
    assert considered.answered
    assert [item[:3] for item in considered.highlighted] == ["(a)", "(c)"]
    assert [item[:3] for item in considered.not_highlighted] == ["(b)", "(d)"]


def test_an_unanswered_regulation_11_consideration_leaves_them_unanswered():
    """SI 2018/789 reg 11: each of (a) to (d) is taken into account."""
    considered = statutory_considerations(answers={"highlights_improvements": True})
    assert not considered.answered


def test_the_have_regard_to_circumstances_are_reported_in_the_guidance_order():
    """Working Together 2023 ch. 5: the circumstances to have regard to."""
    considered = statutory_considerations(
        answers={}, have_regard_to=["institutional_setting", "several_areas_involved"]
    )
    assert considered.circumstances == [
        "more than one local authority, police area or integrated care board is involved",
        "the case involves an institutional setting",
    ]


def test_an_unknown_consideration_is_refused():
    with pytest.raises(ValueError, match="criterion_e"):
        statutory_considerations(answers={"criterion_e": True})


def _valid(**changes) -> dict:
    return {
        "id": "A",
        "abuse_or_neglect": "known",
        "child_died": True,
        "suspected_suicide": False,
        "seriously_harmed": False,
        "interagency_concerns": "unknown",
        "death_in_custody": None,
        "detained_under_mental_health_act": False,
        "age": 16,
        "deprivation_of_liberty_order": False,
        **changes,
    }


def test_an_unknown_value_is_refused_naming_the_case_and_field():
    with pytest.raises(InvalidCase, match="case 'A': field 'abuse_or_neglect'"):
        case_from_dict(_valid(abuse_or_neglect="maybe"), label="case 'A'")


def test_a_missing_field_is_refused_naming_it():
    data = _valid()
    del data["age"]
    with pytest.raises(InvalidCase, match="field 'age' is missing"):
        case_from_dict(data, label="case 'A'")


def _run(tmp_path, capsys, content: str):
    path = tmp_path / "cases.json"
    path.write_text(content)
    try:
        call_command("assess_lcspr_criteria", str(path))
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr()
    return 0, capsys.readouterr()


def test_the_command_prints_one_result_per_case_in_order(tmp_path, capsys):
    cases = [
        _valid(id="first"),
        _valid(id="second", child_died=False, seriously_harmed=True),
        _valid(
            id="third", death_in_custody="secure_childrens_home", abuse_or_neglect="not_suspected"
        ),
    ]
    code, output = _run(tmp_path, capsys, json.dumps(cases))
    results = json.loads(output.out)
    assert code == 0
    assert [(r["id"], r["outcome"], r["mandatory"]) for r in results] == [
        ("first", "lcspr_required", False),
        ("second", "evidence_needed", False),
        ("third", "lcspr_required", True),
    ]
    assert all(isinstance(r["reasons"], list) and r["reasons"] for r in results)


def test_the_command_treats_a_custody_death_of_a_child_who_did_not_die_as_none(tmp_path, capsys):
    """Local policy lists deaths only; the contradiction is named in the reasons."""
    case = _valid(id="odd", child_died=False, death_in_custody="remand", abuse_or_neglect="known")
    code, output = _run(tmp_path, capsys, json.dumps([case]))
    (result,) = json.loads(output.out)
    assert code == 0
    assert (result["outcome"], result["mandatory"]) == ("lcspr_not_required", False)
    assert any("treated as no death in custody" in reason for reason in result["reasons"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "is not JSON"),
        ('{"id": "A"}', "JSON list"),
        (
            json.dumps([_valid(id="B", death_in_custody="prison")]),
            "case 'B': field 'death_in_custody'",
        ),
        (json.dumps([_valid(id="C", child_died="yes")]), "case 'C': field 'child_died'"),
        (
            json.dumps([{k: v for k, v in _valid(id="D").items() if k != "seriously_harmed"}]),
            "case 'D': field 'seriously_harmed' is missing",
        ),
        (json.dumps([_valid(), {"abuse_or_neglect": "known"}]), "case 2: field 'id'"),
    ],
)
def test_the_command_exits_2_on_bad_input_naming_case_and_field(tmp_path, capsys, content, message):
    code, output = _run(tmp_path, capsys, content)
    assert code == 2
    assert message in output.err
    assert output.out == ""
