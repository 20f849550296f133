"""An export's models become records by field name, so each has exactly its record's fields."""

from __future__ import annotations

from dataclasses import fields

import pytest
from pydantic import BaseModel

from belonging_cli.journal.importing import (
    AnswerIn,
    AssignmentIn,
    ExperimentIn,
    RatingIn,
    SessionIn,
)
from belonging_cli.records import Answer, Assignment, Experiment, Rating, Session


@pytest.mark.parametrize(
    ("model", "record"),
    [
        (AnswerIn, Answer),
        (RatingIn, Rating),
        (SessionIn, Session),
        (ExperimentIn, Experiment),
        (AssignmentIn, Assignment),
    ],
)
def test_each_import_model_has_its_records_fields(model: type[BaseModel], record: type) -> None:
    assert set(model.model_fields) == {f.name for f in fields(record)}
