"""Single-agency assurance, pure: the section 11 and section 175 standards, the red/amber/green
self-rating and what it needs, the agency × standard heat map and each agency's year-on-year change.

Section 11 of the Children Act 2004 places a duty on the bodies it lists (local authorities, the
police, integrated care boards, NHS trusts, probation, youth offending teams and others) to make
arrangements to ensure that their functions are discharged having regard to the need to safeguard
and promote the welfare of children; section 175 of the Education Act 2002 places the same duty on
local authorities and the governing bodies of maintained schools and further education
institutions (section 157 and the independent school standards on academies and independent
schools). Partnerships check both through a yearly self-assessment ("annual Section 11 and Section
175 audits", St Helens: https://sthelenssafeguarding.org.uk/scp/scp/about-us/quality-assurance,
statutory.md section 7). The standards below are the arrangements Working Together to Safeguard
Children lists under section 11 (chapter 2 in 2018) [K]; each partnership keeps its own list.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

SECTION_11 = "section_11"
SECTION_175 = "section_175"
KINDS = {
    SECTION_11: "Section 11 self-assessment (Children Act 2004)",
    SECTION_175: "Section 175 return (Education Act 2002)",
}
NAMES = {SECTION_11: "Section 11 self-assessment", SECTION_175: "Section 175 return"}
# Schools and colleges make the section 175 return; every other agency the section 11 one.
EDUCATION = "education"

RED, AMBER, GREEN = "red", "amber", "green"
RATINGS = {
    GREEN: "Green: fully met",
    AMBER: "Amber: partly met",
    RED: "Red: not met",
}
SHORT = {GREEN: "Green", AMBER: "Amber", RED: "Red"}
# Higher is better, so a year's mean can be compared with the last.
SCORE = {RED: 1, AMBER: 2, GREEN: 3}

# (title, what the agency shows) in the order Working Together lists them [K]; the partnership's
# own list is configuration (`services_assurance.standards_seed`).
SECTION_11_STANDARDS = (
    (
        "Senior management commitment",
        "Senior managers commit to the importance of safeguarding and promoting children's welfare.",
    ),
    (
        "Clear line of accountability",
        "A clear line of accountability for the provision of services to safeguard children.",
    ),
    (
        "Safer recruitment",
        "Safe recruitment, vetting and managing allegations against people who work with children.",
    ),
    (
        "Training",
        "Staff are trained in safeguarding to the level their role needs, and the training is refreshed.",
    ),
    (
        "Information sharing",
        "Information is shared in a timely way with the agencies that need it, in line with guidance.",
    ),
    (
        "The child's voice",
        "Services are informed by children's views and wishes, and children are seen and heard.",
    ),
    (
        "Supervision",
        "Staff have effective supervision and reflective practice about the children they work with.",
    ),
    (
        "Inter-agency working",
        "The agency works with other agencies and takes part in the partnership's work and learning.",
    ),
)
# The usual headings of a section 175 return, from Keeping Children Safe in Education [K].
SECTION_175_STANDARDS = (
    (
        "Governance and oversight",
        "The governing body oversees safeguarding and a governor leads on it.",
    ),
    (
        "Designated safeguarding lead",
        "A designated safeguarding lead and deputies, trained and given the time the role needs.",
    ),
    (
        "Child protection policy",
        "A child protection policy that staff know, reviewed every year and published.",
    ),
    ("Safer recruitment", "Safer recruitment, the single central record and allegations."),
    ("Training", "Staff and governors are trained in safeguarding, online safety included."),
    ("The child's voice", "Pupils know whom to tell and are heard; their views shape practice."),
    (
        "Inter-agency working",
        "The school works with children's social care, early help and the partnership.",
    ),
)
DEFAULT_STANDARDS = {SECTION_11: SECTION_11_STANDARDS, SECTION_175: SECTION_175_STANDARDS}


def kind_for(organisation_type: str) -> str:
    """Which return an agency makes: schools and colleges section 175, every other agency section 11."""
    return SECTION_175 if organisation_type == EDUCATION else SECTION_11


def rating_problems(
    *, rating: str, evidence: str, actions: str, evidence_required: bool, label: str
) -> dict[str, str]:
    """What is wrong with one self-rating, by field ('rating', 'evidence', 'actions'), in GOV.UK words.

    A rating must be on the red/amber/green scale; a standard that asks for evidence needs it; a
    standard not fully met needs the agency's actions to meet it.
    """
    if rating not in RATINGS:
        return {"rating": f"Select a rating for {label}: red, amber or green"}
    problems = {}
    if evidence_required and not evidence.strip():
        problems["evidence"] = f"Enter the evidence for {label}"
    if rating != GREEN and not actions.strip():
        problems["actions"] = f"Enter the actions your agency will take to meet {label}"
    return problems


def challenge_problems(
    *, self_rating: str, partnership_rating: str, comment: str, label: str
) -> dict[str, str]:
    """What is wrong with the partnership's view of one standard at a challenge session: a rating on
    the scale, and a comment saying why wherever the partnership does not agree with the agency."""
    if partnership_rating not in RATINGS:
        return {"rating": f"Select the partnership's rating for {label}: red, amber or green"}
    if partnership_rating != self_rating and not comment.strip():
        return {"comment": f"Enter why the partnership's rating for {label} differs"}
    return {}


def settled(self_rating: str, partnership_rating: str) -> str:
    """The rating that counts: the partnership's after a challenge session, else the agency's."""
    return partnership_rating or self_rating


GRADES = (
    ("outstanding", "Outstanding"),
    ("good", "Good"),
    ("requires_improvement", "Requires improvement"),
    ("inadequate", "Inadequate"),
)


def grade_distribution_problems(*, cases: int, grades: Mapping[str, int]) -> dict[str, str]:
    """A single-agency audit's grades on the four-point scale (Sutton's multi-agency audits,
    statutory.md section 7): no count below zero, and no more cases graded than were audited."""
    if cases < 1:
        return {"cases": "The number of cases audited must be 1 or more"}
    for name, label in GRADES:
        if grades.get(name, 0) < 0:
            return {name: f"The number of cases graded {label.lower()} must be 0 or more"}
    if sum(grades.get(name, 0) for name, _ in GRADES) > cases:
        return {
            "outstanding": f"The cases graded add up to more than the {cases} cases audited",
        }
    return {}


# The heat map


@dataclass(frozen=True)
class Cell:
    """One agency's rating of one standard in a year, in words as well as colour."""

    self_rating: str = ""
    partnership_rating: str = ""
    previous: str = ""

    @property
    def rating(self) -> str:
        return settled(self.self_rating, self.partnership_rating)

    @property
    def label(self) -> str:
        return SHORT.get(self.rating, "Not rated")

    @property
    def challenged(self) -> bool:
        return bool(self.partnership_rating) and self.partnership_rating != self.self_rating

    @property
    def change(self) -> str:
        """'Up from Amber', 'Down from Green', or '' when unchanged or not rated the year before."""
        if not self.previous or not self.rating or self.previous == self.rating:
            return ""
        direction = "Up" if SCORE[self.rating] > SCORE[self.previous] else "Down"
        return f"{direction} from {SHORT[self.previous]}"


@dataclass
class Row:
    agency_id: int
    agency: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        found = dict.fromkeys((GREEN, AMBER, RED), 0)
        for cell in self.cells:
            if cell.rating:
                found[cell.rating] += 1
        return found


@dataclass(frozen=True)
class Rated:
    """One rating as read from the database: whose, of which standard, and what it says."""

    agency_id: int
    standard_id: int
    self_rating: str
    partnership_rating: str = ""


def heat_map(
    *,
    agencies: Iterable[tuple[int, str]],
    standards: Iterable[tuple[int, str]],
    ratings: Iterable[Rated],
    previous: Iterable[Rated] = (),
) -> list[Row]:
    """Each agency's row, a cell per standard in the standards' order; a rating of a standard not in
    the list (archived since) is left out, an agency not asked has no row."""
    standard_ids = [standard_id for standard_id, _ in standards]
    before = {(rated.agency_id, rated.standard_id): rated for rated in previous}
    found = {(rated.agency_id, rated.standard_id): rated for rated in ratings}
    rows = []
    for agency_id, name in agencies:
        row = Row(agency_id=agency_id, agency=name)
        for standard_id in standard_ids:
            now = found.get((agency_id, standard_id))
            then = before.get((agency_id, standard_id))
            row.cells.append(
                Cell(
                    self_rating=now.self_rating if now else "",
                    partnership_rating=now.partnership_rating if now else "",
                    previous=settled(then.self_rating, then.partnership_rating) if then else "",
                )
            )
        rows.append(row)
    return rows


def mean_score(ratings: Iterable[str]) -> float | None:
    """The mean of the settled ratings of a year (red 1, amber 2, green 3); None when none rated."""
    scores = [SCORE[rating] for rating in ratings if rating in SCORE]
    return sum(scores) / len(scores) if scores else None


@dataclass(frozen=True)
class YearOnYear:
    year: int
    score: float | None
    previous_year: int | None
    previous_score: float | None

    @property
    def change(self) -> float | None:
        if self.score is None or self.previous_score is None:
            return None
        return self.score - self.previous_score

    @property
    def summary(self) -> str:
        """In words, so the direction is never shown by colour or an arrow alone."""
        if self.score is None:
            return "Not rated"
        if self.change is None:
            return "No earlier year"
        if self.change > 0:
            return f"Improved by {self.change:.2f}"
        if self.change < 0:
            return f"Declined by {-self.change:.2f}"
        return "No change"


def year_on_year(scores: Mapping[int, float | None]) -> list[YearOnYear]:
    """Each year's mean score beside the last earlier year the agency was rated in, oldest first."""
    result = []
    last_year, last_score = None, None
    for year in sorted(scores):
        score = scores[year]
        result.append(
            YearOnYear(year=year, score=score, previous_year=last_year, previous_score=last_score)
        )
        if score is not None:
            last_year, last_score = year, score
    return result
