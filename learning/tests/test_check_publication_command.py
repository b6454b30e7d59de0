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
    assert capsys.readouterr().out == ""


def test_the_optional_keys_add_family_members_places_and_other_dates(tmp_path, capsys):
    extra = tmp_path / "extra.json"
    extra.write_text(
        json.dumps(
            {
                "family_names": ["Jordan Exampleparent"],
                "places": ["Oak Tree Primary School"],
                "dates_of_death": ["2020-01-05"],
                "incident_dates": ["2019-12-24"],
            }
        )
    )
    text = tmp_path / "report.txt"
    text.write_text("Jordan took her to Oak Tree Primary on 24/12/2019.\nShe died 5.1.20.\n")
    assert run(text, "--subjects", extra) == 1
    assert capsys.readouterr().out.splitlines() == [
        "line 1: family member's name: Jordan",
        "line 1: place: Oak Tree Primary",
        "line 1: incident date: 24/12/2019",
        "line 2: date of death: 5.1.20",
    ]


def test_a_docx_is_checked_on_its_text_with_its_line_numbers(tmp_path, subjects, capsys):
    import docx

    document = docx.Document()
    document.add_paragraph("Summary")
    document.add_paragraph("Amber Testchild was seen at home.")
    path = tmp_path / "report.docx"
    document.save(path)
    assert run(path, "--subjects", subjects) == 1
    assert capsys.readouterr().out.splitlines() == ["line 2: name: Amber Testchild"]


def test_a_pdf_is_checked_on_its_text(tmp_path, subjects, capsys):
    from weasyprint import HTML

    path = tmp_path / "report.pdf"
    HTML(string="<p>Summary</p><p>Lived at 12 Example Street.</p>").write_pdf(path)
    assert run(path, "--subjects", subjects) == 1
    assert capsys.readouterr().out.splitlines() == ["line 2: address: 12 Example Street"]


def test_a_damaged_pdf_exits_2_with_the_reason(tmp_path, subjects, capsys):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7 not really")
    assert run(path, "--subjects", subjects) == 2
    assert "cannot be read" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "is not valid JSON"),
        ('["a"]', "must hold a JSON object"),
        ('{"names": "Amber"}', '"names" must be a list of strings'),
        ('{"dates_of_birth": ["3/3/2015"]}', "is not a date written YYYY-MM-DD"),
        ('{"incident_dates": ["yesterday"]}', '"incident_dates" item 1'),
        ('{"places": [1]}', '"places" must be a list of strings'),
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
