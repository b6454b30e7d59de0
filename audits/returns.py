"""An agency's return checked against the tool version its audit uses (pure: no database).

A return answers the questions of one tool version only: yes, partly, no or not applicable; a grade
on the four-point scale (outstanding, good, requires improvement, inadequate: statutory.md section
7, Sutton's multi-agency audits); or text. It is submitted only once every question is answered and
the agency has graded its involvement. The browser form and the uploaded workbook use these checks,
so both refuse the same things in the same words.
"""

from dataclasses import dataclass, field

YES_PARTLY_NO, GRADE, TEXT = "yes_partly_no", "grade", "text"
CHOICES = {
    "yes": "Yes",
    "partly": "Partly",
    "no": "No",
    "not_applicable": "Not applicable",
}
GRADES = {4: "Outstanding", 3: "Good", 2: "Requires improvement", 1: "Inadequate"}
SECTION_FIELDS = {
    "good_practice": "Good practice",
    "areas_for_development": "Areas for development",
    "recommendations": "Recommendations",
}


@dataclass(frozen=True)
class Question:
    id: int
    kind: str
    reference: str  # "3.2": the section's number and the question's place in it
    text: str

    @property
    def label(self) -> str:
        return f"question {self.reference} ({self.text})"


@dataclass(frozen=True)
class Section:
    id: int
    number: int
    title: str
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Layout:
    """A tool version's sections and questions, numbered as the form and the workbook show them."""

    sections: tuple[Section, ...]

    @property
    def questions(self) -> dict[int, Question]:
        return {
            question.id: question for section in self.sections for question in section.questions
        }


@dataclass
class Return:
    """What an agency answered: question id to value ("yes", a grade number or text), section id
    to its three texts, and the agency's own grade."""

    answers: dict[int, str | int] = field(default_factory=dict)
    sections: dict[int, dict[str, str]] = field(default_factory=dict)
    grade: int | None = None


def choice_from_text(text: str) -> str | None:
    """The stored choice for what someone wrote ("Yes", "not applicable", "N/A"), or None."""
    cleaned = " ".join(str(text).replace("_", " ").split()).lower()
    if cleaned in {"n/a", "na"}:
        return "not_applicable"
    for value, label in CHOICES.items():
        if cleaned == label.lower():
            return value
    return None


def grade_from_text(text) -> int | None:
    """The grade for what someone wrote ("Good", "requires improvement", 3), or None."""
    if isinstance(text, int) and text in GRADES:
        return text
    cleaned = " ".join(str(text).split()).lower()
    if cleaned.isdigit() and int(cleaned) in GRADES:
        return int(cleaned)
    for value, label in GRADES.items():
        if cleaned == label.lower():
            return value
    return None


def value_problem(question: Question, value) -> str:
    """Why `value` cannot answer `question` ("" if it can; an empty value is left unanswered)."""
    if value in (None, ""):
        return ""
    if question.kind == YES_PARTLY_NO and value not in CHOICES:
        return f"Answer {question.label} with yes, partly, no or not applicable"
    if question.kind == GRADE and value not in GRADES:
        return f"Grade {question.label} as outstanding, good, requires improvement or inadequate"
    return ""


def problems(layout: Layout, answered: Return, *, submitting: bool) -> list[str]:
    """Everything wrong with a return, in the tool's order; none means it may be saved."""
    questions = layout.questions
    sections = {section.id for section in layout.sections}
    found = [
        f"Question {question_id} is not in this audit's tool: download the tool again"
        for question_id in answered.answers
        if question_id not in questions
    ]
    found += [
        f"Section {section_id} is not in this audit's tool: download the tool again"
        for section_id in answered.sections
        if section_id not in sections
    ]
    found += [
        problem
        for question_id, question in questions.items()
        if (problem := value_problem(question, answered.answers.get(question_id)))
    ]
    if answered.grade is not None and answered.grade not in GRADES:
        found.append(
            "Grade your agency's involvement as outstanding, good, requires improvement or inadequate"
        )
    if submitting:
        found += [
            f"Answer {question.label}"
            for question_id, question in questions.items()
            if answered.answers.get(question_id) in (None, "")
        ]
        if answered.grade is None:
            found.append("Select the grade of your agency's involvement in the case")
    return found
