"""`manage.py check_publication FILE --subjects SUBJECTS.json`."""

import json

import pytest
from django.core.management import call_command


@pytest.fixture
def subjects(tmp_path):
    path = tmp_path / "subjects.json"
    path.write_text(
        json.dumps(
            {
                "names": ["Amber Testchild"],
                "dates_of_birth": ["2015-03-03"],
                "addresses": ["12 Example Street, Testtown, TS1 2AB"],
                "nhs_numbers": ["9434765919"],
            }
        )
    )
    return path


def run(*args):
    try:
        call_command("check_publication", *map(str, args))
    except SystemExit as exit:
        return exit.code
    return 0


def test_hits_are_printed_one_a_line_and_the_exit_code_is_1(tmp_path, subjects, capsys):
    text = tmp_path / "report.txt"
    text.write_text("Summary\nAmber was born on 3rd March 2015 at TS1 2AB.\nNHS 943 476 5919\n")
    assert run(text, "--subjects", subjects) == 1
    assert capsys.readouterr().out.splitlines() == [
        "line 2: name: Amber",
        "line 2: date of birth: 3rd March 2015",
        "line 2: postcode: TS1 2AB",
        "line 3: NHS number: 943 476 5919",
    ]


def test_a_clean_text_exits_0(tmp_path, subjects, capsys):
    text = tmp_path / "report.txt"
    text.write_text("Child R was known to three agencies.\n")
    assert run(text, "--subjects", subjects) == 0
    assert "No identifying details found" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('["a"]', "must hold a JSON object"),
        ('{"names": "Amber"}', '"names" must be a list of strings'),
        ('{"dates_of_birth": ["3/3/2015"]}', "is not a date written YYYY-MM-DD"),
        ('{"nicknames": []}', "unknown keys: nicknames"),
    ],
)
def test_bad_subjects_give_a_clear_message_and_exit_2(tmp_path, content, message, capsys):
    text = tmp_path / "report.txt"
    text.write_text("Text")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    assert run(text, "--subjects", bad) == 2
    assert message in capsys.readouterr().err


def test_a_missing_file_exits_2(tmp_path, subjects, capsys):
    assert run(tmp_path / "absent.txt", "--subjects", subjects) == 2
    assert "does not exist" in capsys.readouterr().err
