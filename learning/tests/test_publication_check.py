"""The identifying-detail check: pure, tested without a database."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from learning.publication import Hit, Subjects, combine, find_identifying_details

CHILD = Subjects(
    names=["Amber Testchild", "Jordan Exampleparent"],
    dates_of_birth=[date(2015, 3, 3)],
    addresses=["12 Example Street, Testtown, TS1 2AB"],
    nhs_numbers=["943 476 5919"],
)

CASE = Subjects(
    names=["Mark Amber-Rose Testchild", "Marky"],
    family_names=["Jordan Exampleparent", "Mrs Kim Testchild"],
    dates_of_birth=[date(2019, 3, 12)],
    dates_of_death=[date(2020, 1, 5)],
    incident_dates=[date(2019, 12, 24)],
    addresses=["Flat 3, Riverside Court, 12 Example Street, Meadow Estate, Testtown, TS1 2AB"],
    places=["Oak Tree Primary School", "Greenfields Nursery", "Castle Medical Centre"],
    nhs_numbers=["9434765919"],
)


def kinds(text: str, subjects: Subjects = CHILD) -> list[tuple[str, str]]:
    return [(hit.kind, hit.matched) for hit in find_identifying_details(text, subjects)]


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


@pytest.mark.parametrize("text", ["the market", "she marked it", "Marks and Spencer", "Markham"])
def test_words_that_contain_a_childs_name_are_clean(text):
    assert kinds(text, CASE) == []


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("Mark's coat", "Mark"),
        ("Mark’s coat", "Mark"),
        ("'Mark' said", "Mark"),
        ("Amber-Rose was seen", "Amber-Rose"),
        ("Rose was seen", "Rose"),
        ("the Testchild-Smith family", "Testchild"),
        ("Testchilds' home", "Testchilds"),
    ],
)
def test_names_are_found_in_possessive_and_hyphenated_forms(text, matched):
    assert [hit.matched for hit in find_identifying_details(text, CASE)] == [matched]


def test_a_nickname_recorded_on_the_child_is_a_hit():
    assert kinds("Marky was quiet", CASE) == [("name", "Marky")]


def test_family_members_names_are_hits_whole_and_in_part_but_not_their_title():
    assert kinds("Jordan Exampleparent and Kim came; Mrs was absent", CASE) == [
        ("family member's name", "Jordan Exampleparent"),
        ("family member's name", "Kim"),
    ]


def test_dates_of_birth_in_common_written_forms_are_found():
    text = "3 March 2015\n03/03/2015\n3rd March 2015\n2015-03-03\nMarch 3, 2015\n3 Mar 2015\n3.3.15"
    assert [hit.line for hit in find_identifying_details(text, CHILD)] == [1, 2, 3, 4, 5, 6, 7]


@pytest.mark.parametrize(
    "written", ["12/03/2019", "12.3.19", "12th March 2019", "March 12, 2019", "12 Mar 2019"]
)
def test_the_forms_named_in_the_issue_are_found(written):
    assert kinds(f"Born {written}.", CASE) == [("date of birth", written)]


def test_dates_of_death_and_of_the_incident_are_found():
    assert kinds("Died 5 January 2020 after the events of 24/12/2019", CASE) == [
        ("date of death", "5 January 2020"),
        ("incident date", "24/12/2019"),
    ]


@pytest.mark.parametrize(
    ("text", "kind", "matched"),
    [
        ("born in March 2019", "month of birth", "March 2019"),
        ("born 03/2019", "month of birth", "03/2019"),
        ("died in January, 2020", "month of death", "January, 2020"),
    ],
)
def test_a_month_and_year_of_birth_or_death_is_a_hit(text, kind, matched):
    assert kinds(text, CASE) == [(kind, matched)]


def test_a_month_and_year_of_the_incident_alone_is_not_a_hit():
    assert kinds("In December 2019 the school raised a concern", CASE) == []


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("In June a 7-week-old was admitted", "7-week-old"),
        ("aged 3 months in 2019", "aged 3 months"),
        ("He was ten days old in May.", "ten days old"),
        ("In 2020, at 14 months of age, she moved", "14 months of age"),
    ],
)
def test_an_exact_age_beside_a_month_or_year_is_a_hit(text, matched):
    assert kinds(text, CASE) == [("age", matched)]


@pytest.mark.parametrize(
    "text",
    [
        "For 3 months in 2019 the family moved",
        "The baby was 7 weeks old.",
        "She was 7 weeks old. Services changed in 2021.",
        "A 7-week-old may need feeding",
    ],
)
def test_an_age_without_a_month_or_year_or_a_duration_is_not_a_hit(text):
    assert kinds(text, CASE) == []


def test_other_dates_are_not_hits():
    assert kinds("13 April 2015 and 03/03/2016 and 2015-03-30") == []


def test_address_lines_and_postcodes_with_or_without_a_space_are_found():
    assert kinds("Lived at 12 Example Street.\nPostcode TS12AB and ts1 2ab") == [
        ("address", "12 Example Street"),
        ("postcode", "TS12AB"),
        ("postcode", "ts1 2ab"),
    ]


@pytest.mark.parametrize(
    "text", ["on Example Street", "on example street", "Example St.", "example st"]
)
def test_the_street_name_on_its_own_and_shortened_is_a_hit(text):
    assert [kind for kind, _ in kinds(text, CASE)] == ["address"]


@pytest.mark.parametrize("text", ["Riverside Court", "the meadow estate", "RIVERSIDE COURT"])
def test_an_estate_or_block_name_is_a_hit(text):
    assert [kind for kind, _ in kinds(text, CASE)] == ["address"]


@pytest.mark.parametrize("text", ["a walk by the riverside", "the meadow", "the street", "Flat 3"])
def test_common_words_of_an_address_on_their_own_are_not_hits(text):
    assert kinds(text, CASE) == []


def test_a_bare_town_name_is_not_a_hit():
    assert kinds("Families in Testtown") == []


def test_a_postcode_in_any_case_and_spacing_is_a_hit():
    assert kinds("TS1  2AB ts12ab Ts1 2aB", CASE) == [
        ("postcode", "TS1  2AB"),
        ("postcode", "ts12ab"),
        ("postcode", "Ts1 2aB"),
    ]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("attended Oak Tree Primary School", "Oak Tree Primary School"),
        ("attended Oak Tree Primary", "Oak Tree Primary"),
        ("at oak tree school", "oak tree school"),
        ("went to Greenfields nursery", "Greenfields nursery"),
        ("registered at Castle Medical Centre", "Castle Medical Centre"),
    ],
)
def test_places_recorded_on_the_case_are_hits(text, matched):
    assert kinds(text, CASE) == [("place", matched)]


@pytest.mark.parametrize(
    "text", ["an oak tree in the garden", "green fields", "the castle", "Greenfields are lovely"]
)
def test_common_words_of_a_place_name_are_not_hits_without_the_rest(text):
    assert kinds(text, CASE) == []


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


def test_the_subjects_of_several_sources_combine():
    both = combine([Subjects(names=["Amber"]), Subjects(places=["Oak Tree School"])])
    assert kinds("Amber at Oak Tree School", both) == [
        ("name", "Amber"),
        ("place", "Oak Tree School"),
    ]


def test_no_subjects_means_no_hits_even_for_ages():
    assert kinds("A 7-week-old in June 2019", Subjects()) == []


@given(prefix=st.text(alphabet="abcdefghij", min_size=1, max_size=5))
def test_a_name_glued_to_other_letters_is_never_a_hit(prefix):
    text = f"{prefix}amber and testchild{prefix}"
    assert find_identifying_details(text, CHILD) == []


@given(
    name=st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True),
    before=st.text(alphabet=st.characters(categories=["Ll", "Lu", "Nd"]), max_size=4),
    after=st.text(alphabet=st.characters(categories=["Ll", "Lu", "Nd"]), max_size=4),
)
def test_a_name_embedded_in_a_longer_word_never_matches(name, before, after):
    if not (before or after):
        return
    text = f"The {before}{name}{after} service and {name.lower()}{after or 'x'}ed"
    assert find_identifying_details(text, Subjects(names=[name], family_names=[name])) == []


@given(
    name=st.from_regex(r"[A-Z][a-z]{2,8}", fullmatch=True),
    filler=st.sampled_from([" ", ", ", ". ", "\n", "'s ", "-"]),
)
def test_a_name_standing_alone_is_always_a_hit(name, filler):
    hits = find_identifying_details(f"Seen {name}{filler}today", Subjects(names=[name]))
    assert [hit.matched for hit in hits] == [name] or name.lower() in ("seen", "today")
