"""The identifying-detail check: pure, tested without a database."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from learning.publication import Hit, Subjects, find_identifying_details

CHILD = Subjects(
    names=["Amber Testchild", "Jordan Exampleparent"],
    dates_of_birth=[date(2015, 3, 3)],
    addresses=["12 Example Street, Testtown, TS1 2AB"],
    nhs_numbers=["943 476 5919"],
)


def kinds(text: str) -> list[tuple[str, str]]:
    return [(hit.kind, hit.matched) for hit in find_identifying_details(text, CHILD)]


def test_a_full_name_is_one_hit_with_its_line():
    assert find_identifying_details("Intro\nAmber Testchild was seen.", CHILD) == [
        Hit(line=2, kind="name", matched="Amber Testchild")
    ]


def test_first_names_and_surnames_are_found_as_words_on_their_own():
    assert kinds("amber said; Mr Exampleparent left") == [
        ("name", "amber"),
        ("name", "Exampleparent"),
    ]


def test_a_name_inside_another_word_is_not_a_hit():
    assert kinds("The amberlight service and Jordanstown") == []


def test_dates_of_birth_in_common_written_forms_are_found():
    text = "3 March 2015\n03/03/2015\n3rd March 2015\n2015-03-03\nMarch 3, 2015\n3 Mar 2015\n3.3.15"
    assert [hit.line for hit in find_identifying_details(text, CHILD)] == [1, 2, 3, 4, 5, 6, 7]


def test_other_dates_are_not_hits():
    assert kinds("13 March 2015 and 03/03/2016 and 2015-03-30") == []


def test_address_lines_and_postcodes_with_or_without_a_space_are_found():
    assert kinds("Lived at 12 Example Street.\nPostcode TS12AB and ts1 2ab") == [
        ("address", "12 Example Street"),
        ("postcode", "TS12AB"),
        ("postcode", "ts1 2ab"),
    ]


def test_a_bare_town_name_is_not_a_hit():
    assert kinds("Families in Testtown") == []


def test_nhs_numbers_with_or_without_spaces_are_found():
    assert kinds("NHS 9434765919 or 943 476 5919 or 943-476-5919") == [
        ("NHS number", "9434765919"),
        ("NHS number", "943 476 5919"),
        ("NHS number", "943-476-5919"),
    ]


def test_a_clean_text_has_no_hits():
    assert kinds("Child R was known to three agencies.") == []


def test_september_is_found_however_it_is_shortened():
    subjects = Subjects(dates_of_birth=[date(2016, 9, 1)])
    text = "1 Sep 2016\n1 Sept. 2016\n1st September 2016"
    assert [hit.line for hit in find_identifying_details(text, subjects)] == [1, 2, 3]


@given(prefix=st.text(alphabet="abcdefghij", min_size=1, max_size=5))
def test_a_name_glued_to_other_letters_is_never_a_hit(prefix):
    text = f"{prefix}amber and testchild{prefix}"
    assert find_identifying_details(text, CHILD) == []


@given(
    name=st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True),
    filler=st.sampled_from([" ", ", ", ". ", "\n"]),
)
def test_a_name_standing_alone_is_always_a_hit(name, filler):
    hits = find_identifying_details(f"Seen{filler}{name}{filler}today", Subjects(names=[name]))
    assert [hit.matched for hit in hits] == [name] or name.lower() in ("seen", "today")
