"""The audit tool as a workbook an agency completes offline, and reading it back (pure).

One row a question, then each section's good practice, areas for development and recommendations,
then the agency's grade of its involvement. The `Reference` column ties a row to the tool version
("3.2", "3.GP", "GRADE"); a workbook is taken back whole or not at all, each mistake named by its
row and column as the spreadsheet shows them.
"""

from collections.abc import Iterable

from audits import returns
from core.tables import RowProblem

COLUMNS = ("Reference", "Section", "Question", "Answer with", "Answer")
GRADE_REFERENCE = "GRADE"
SECTION_SUFFIXES = {"GP": "good_practice", "AD": "areas_for_development", "R": "recommendations"}
ANSWER_WITH = {
    returns.YES_PARTLY_NO: "Yes, partly, no or not applicable",
    returns.GRADE: "Outstanding, good, requires improvement or inadequate",
    returns.TEXT: "Text",
}


def _shown(question: returns.Question, value) -> str:
    if value in (None, ""):
        return ""
    if question.kind == returns.YES_PARTLY_NO:
        return returns.CHOICES.get(value, "")
    if question.kind == returns.GRADE:
        return returns.GRADES.get(value, "")
    return str(value)


def rows(layout: returns.Layout, answered: returns.Return) -> Iterable[list[str]]:
    """The workbook's rows, header first, with what the agency has answered so far."""
    yield list(COLUMNS)
    for section in layout.sections:
        for question in section.questions:
            yield [
                question.reference,
                section.title,
                question.text,
                ANSWER_WITH[question.kind],
                _shown(question, answered.answers.get(question.id)),
            ]
        texts = answered.sections.get(section.id, {})
        for suffix, name in SECTION_SUFFIXES.items():
            yield [
                f"{section.number}.{suffix}",
                section.title,
                returns.SECTION_FIELDS[name],
                ANSWER_WITH[returns.TEXT],
                texts.get(name, ""),
            ]
    yield [
        GRADE_REFERENCE,
        "",
        "Your agency's grade of its involvement in the case",
        ANSWER_WITH[returns.GRADE],
        returns.GRADES.get(answered.grade, ""),
    ]


def _text(cell) -> str:
    return "" if cell is None else str(cell).strip()


def read(table: Iterable[list], layout: returns.Layout) -> tuple[returns.Return, list[RowProblem]]:
    """The return a completed workbook holds, and every mistake in it (none: it may be taken)."""
    table = iter(table)
    header = [_text(cell) for cell in next(table, [])]
    while header and not header[-1]:
        header.pop()
    if tuple(header) != COLUMNS:
        return returns.Return(), [
            RowProblem(
                1,
                _first_wrong_column(header),
                f"the columns must be {', '.join(COLUMNS)}, in that order: "
                "download the tool again and fill in the Answer column",
            )
        ]
    by_reference = {
        question.reference: question
        for section in layout.sections
        for question in section.questions
    }
    sections = {section.number: section for section in layout.sections}
    answered = returns.Return()
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for number, row in enumerate(table, start=2):
        cells = [_text(cell) for cell in row] + [""] * len(COLUMNS)
        reference, value = cells[0], cells[COLUMNS.index("Answer")]
        if not any(cells[: len(COLUMNS)]):
            continue
        if reference in seen:
            problems.append(
                RowProblem(number, "Reference", f"'{reference}' is answered twice: keep one row")
            )
            continue
        seen.add(reference)
        problem = _take(reference, value, by_reference, sections, answered)
        if problem:
            problems.append(RowProblem(number, problem[0], problem[1]))
    return answered, problems


def _first_wrong_column(header: list[str]) -> str:
    for place, name in enumerate(COLUMNS):
        if place >= len(header) or header[place] != name:
            return name
    return header[len(COLUMNS)]


def _take(reference, value, by_reference, sections, answered) -> tuple[str, str] | None:
    """Put one row's answer into `answered`; the column and message of its mistake, if any."""
    if reference == GRADE_REFERENCE:
        if not value:
            return None
        grade = returns.grade_from_text(value)
        if grade is None:
            return (
                "Answer",
                "Grade your agency's involvement as outstanding, good, requires improvement "
                "or inadequate",
            )
        answered.grade = grade
        return None
    if reference in by_reference:
        question = by_reference[reference]
        if not value:
            return None
        stored = _stored(question, value)
        if stored is None:
            return "Answer", f"{returns.value_problem(question, value)}, not '{value}'"
        answered.answers[question.id] = stored
        return None
    number, _, suffix = reference.partition(".")
    if number.isdigit() and int(number) in sections and suffix in SECTION_SUFFIXES:
        if value:
            section = sections[int(number)]
            answered.sections.setdefault(section.id, {})[SECTION_SUFFIXES[suffix]] = value
        return None
    return (
        "Reference",
        f"'{reference}' is not a question of this audit's tool: download the tool again",
    )


def _stored(question: returns.Question, value):
    if question.kind == returns.YES_PARTLY_NO:
        return returns.choice_from_text(value)
    if question.kind == returns.GRADE:
        return returns.grade_from_text(value)
    return str(value)
