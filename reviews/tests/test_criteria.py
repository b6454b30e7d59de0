"""The LCSPR criteria, case by case, without a database (Working Together 2018; SI 2018/789)."""

import json
from dataclasses import replace

import pytest
from django.core.management import call_command

from reviews.criteria import (
    CUSTODY_SETTINGS,
    EVIDENCE_NEEDED,
    LCSPR_NOT_REQUIRED,
    LCSPR_REQUIRED,
    Case,
    InvalidCase,
    assess,
    case_from_dict,
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
    result = assess(_case(abuse_or_neglect=abuse, child_died=True))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, False)
    assert any("(b)(i)" in reason for reason in result.reasons)


def test_a_suspected_suicide_counts_as_a_death_under_b_i():
    result = assess(_case(abuse_or_neglect="suspected", child_died=True, suspected_suicide=True))
    assert result.outcome == LCSPR_REQUIRED
    assert any("suspected suicide" in reason for reason in result.reasons)


def test_a_death_without_suspected_abuse_or_neglect_does_not_meet_criterion_a():
    result = assess(_case(child_died=True))
    assert result.outcome == LCSPR_NOT_REQUIRED
    assert any("Criterion (a) is not met" in reason for reason in result.reasons)


def test_serious_harm_with_interagency_concerns_needs_an_lcspr():
    result = assess(
        _case(abuse_or_neglect="known", seriously_harmed=True, interagency_concerns="concerns")
    )
    assert result.outcome == LCSPR_REQUIRED
    assert any("(b)(ii) is met" in reason for reason in result.reasons)


def test_serious_harm_with_definitive_evidence_of_no_concerns_does_not_need_an_lcspr():
    result = assess(
        _case(
            abuse_or_neglect="suspected",
            seriously_harmed=True,
            interagency_concerns="no_concerns_definitive",
        )
    )
    assert result.outcome == LCSPR_NOT_REQUIRED


def test_serious_harm_without_evidence_about_interagency_working_needs_evidence():
    result = assess(
        _case(abuse_or_neglect="known", seriously_harmed=True, interagency_concerns="unknown")
    )
    assert result.outcome == EVIDENCE_NEEDED
    assert any("definitive evidence" in reason for reason in result.reasons)


def test_abuse_without_death_or_serious_harm_does_not_need_an_lcspr():
    result = assess(_case(abuse_or_neglect="known", interagency_concerns="concerns"))
    assert result.outcome == LCSPR_NOT_REQUIRED
    assert any("may still commission" in reason for reason in result.reasons)


@pytest.mark.parametrize("setting", sorted(CUSTODY_SETTINGS))
def test_a_death_in_each_custody_setting_always_needs_an_lcspr(setting):
    result = assess(_case(child_died=True, death_in_custody=setting))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, True)
    assert CUSTODY_SETTINGS[setting] in result.reasons[0]


def test_a_death_while_detained_under_the_mental_health_act_always_needs_an_lcspr():
    result = assess(_case(child_died=True, detained_under_mental_health_act=True))
    assert (result.outcome, result.mandatory) == (LCSPR_REQUIRED, True)


def test_detention_under_the_mental_health_act_without_a_death_is_not_an_additional_criterion():
    result = assess(_case(detained_under_mental_health_act=True))
    assert (result.outcome, result.mandatory) == (LCSPR_NOT_REQUIRED, False)


@pytest.mark.parametrize(("age", "mandatory"), [(15, False), (16, True), (17, True), (18, False)])
def test_the_deprivation_of_liberty_criterion_applies_at_16_and_17_only(age, mandatory):
    result = assess(_case(child_died=True, deprivation_of_liberty_order=True, age=age))
    assert result.mandatory is mandatory
    assert (result.outcome == LCSPR_REQUIRED) is mandatory


def test_an_additional_criterion_applies_even_where_abuse_is_not_suspected():
    result = assess(
        _case(abuse_or_neglect="not_suspected", child_died=True, death_in_custody="remand")
    )
    assert result.outcome == LCSPR_REQUIRED


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
