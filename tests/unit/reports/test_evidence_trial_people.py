"""The people written about (sections/writing.people): a full name is one person."""

from __future__ import annotations

from belonging_cli.reports.sections.writing import people

TEXTS = [
    ("2026-W10", "Ben Ode pushed back on the plan. I asked Kim to lead."),
    ("2026-W11", "Ben Ode was quiet again; Kim and I spoke after."),
    ("2026-W12", "I thanked Ben Ode for the review, and Kim too."),
]


def test_a_full_name_is_one_person_not_its_surname() -> None:
    found = {m.name: m.count for m in people(TEXTS, [])}
    assert found == {"Ben Ode": 3, "Kim": 3}


def test_a_name_beside_a_day_or_the_rubrics_words_stays_itself() -> None:
    texts = [("2026-W10", "On Friday Ana Li said no."), ("2026-W11", "Then Ana Li said yes.")]
    assert [m.name for m in people(texts, ["Then"])] == ["Ana Li"]
