"""An agency's return checked against its tool version, and the offline workbook (`audits.returns`,
`audits.workbook`), without a database."""

from audits import returns, workbook

SEEN = returns.Question(id=11, kind="yes_partly_no", reference="1.1", text="Was the child seen?")
QUALITY = returns.Question(id=12, kind="grade", reference="1.2", text="How good was it?")
DIFFERENCE = returns.Question(id=21, kind="text", reference="2.1", text="What difference?")
LAYOUT = returns.Layout(
    sections=(
        returns.Section(id=1, number=1, title="Assessment", questions=(SEEN, QUALITY)),
        returns.Section(id=2, number=2, title="Impact and outcomes", questions=(DIFFERENCE,)),
    )
)


def complete() -> returns.Return:
    return returns.Return(answers={11: "yes", 12: 3, 21: "She was safer."}, grade=3)


def table(answers: dict[str, str], header=workbook.COLUMNS) -> list[list]:
    rows = list(workbook.rows(LAYOUT, returns.Return()))
    rows[0] = list(header)
    for row in rows[1:]:
        row[4] = answers.get(row[0], "")
    return rows


def test_a_complete_return_may_be_sent():
    assert returns.problems(LAYOUT, complete(), submitting=True) == []


def test_a_draft_may_leave_questions_unanswered():
    assert returns.problems(LAYOUT, returns.Return(answers={11: "no"}), submitting=False) == []


def test_a_return_is_sent_only_with_every_question_answered_and_a_grade():
    found = returns.problems(LAYOUT, returns.Return(answers={11: "yes"}), submitting=True)
    assert found == [
        "Answer question 1.2 (How good was it?)",
        "Answer question 2.1 (What difference?)",
        "Select the grade of your agency's involvement in the case",
    ]


def test_a_grade_off_the_four_point_scale_is_refused():
    answered = complete()
    answered.answers[12] = 5
    assert returns.problems(LAYOUT, answered, submitting=False) == [
        "Grade question 1.2 (How good was it?) as outstanding, good, requires improvement or "
        "inadequate"
    ]


def test_an_answer_to_a_question_not_in_the_tool_version_is_refused():
    answered = complete()
    answered.answers[99] = "yes"
    assert returns.problems(LAYOUT, answered, submitting=False) == [
        "Question 99 is not in this audit's tool: download the tool again"
    ]


def test_the_workbook_has_a_row_a_question_the_section_texts_and_the_grade():
    references = [row[0] for row in workbook.rows(LAYOUT, complete())][1:]
    assert references == [
        "1.1",
        "1.2",
        "1.GP",
        "1.AD",
        "1.R",
        "2.1",
        "2.GP",
        "2.AD",
        "2.R",
        "GRADE",
    ]


def test_a_completed_workbook_reads_back_as_the_return():
    answered, problems = workbook.read(
        table(
            {"1.1": "Partly", "1.2": "good", "2.1": "Safer", "1.GP": "Seen weekly", "GRADE": "3"}
        ),
        LAYOUT,
    )
    assert problems == []
    assert answered.answers == {11: "partly", 12: 3, 21: "Safer"}
    assert answered.sections == {1: {"good_practice": "Seen weekly"}}
    assert answered.grade == 3


def test_what_the_workbook_gave_is_written_back_into_it():
    rows = list(workbook.rows(LAYOUT, complete()))
    assert workbook.read(rows, LAYOUT)[0] == complete()


def test_a_workbook_with_other_columns_is_refused_naming_the_column():
    header = ("Reference", "Section", "Question", "Answer with", "Reply")
    _, problems = workbook.read(table({}, header=header), LAYOUT)
    assert [(problem.row, problem.column) for problem in problems] == [(1, "Answer")]


def test_a_grade_out_of_scale_is_named_by_its_row_and_column():
    _, problems = workbook.read(table({"1.2": "Excellent"}), LAYOUT)
    assert [str(problem) for problem in problems] == [
        "Row 3, column 'Answer': Grade question 1.2 (How good was it?) as outstanding, good, "
        "requires improvement or inadequate, not 'Excellent'"
    ]


def test_a_row_for_a_question_not_in_the_tool_is_named():
    rows = table({})
    rows.insert(3, ["4.7", "Other", "A question from another tool", "Text", "Yes"])
    _, problems = workbook.read(rows, LAYOUT)
    assert [(problem.row, problem.column) for problem in problems] == [(4, "Reference")]


def test_every_mistake_is_named_at_once():
    _, problems = workbook.read(table({"1.1": "Maybe", "GRADE": "7"}), LAYOUT)
    assert [(problem.row, problem.column) for problem in problems] == [
        (2, "Answer"),
        (11, "Answer"),
    ]
