"""The privacy marker people type at the end of an answer."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.engine.privacy import privacy_marker


def test_markers_flip_privacy_and_are_removed() -> None:
    assert privacy_marker("Sam was upset #private") == ("Sam was upset", True)
    assert privacy_marker("We shipped it  #SHARE  ") == ("We shipped it", False)
    assert privacy_marker("no marker here") == ("no marker here", None)
    assert privacy_marker("#private") == ("", True)
    assert privacy_marker("#privateer") == ("#privateer", None)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=80), mark=st.sampled_from(["", " #private", " #share"]))
def test_a_marker_is_only_ever_taken_from_the_end(text: str, mark: str) -> None:
    cleaned, flip = privacy_marker(text + mark)
    if mark:
        assert flip is (mark == " #private")
        assert cleaned == text.rstrip()  # only the last marker goes; the words stay
    elif flip is None:
        assert cleaned == text.rstrip()
    assert cleaned == cleaned.rstrip()


def test_an_info_step_shows_its_heading_then_its_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    from belonging_cli import ask as asking
    from belonging_cli.engine.questions import Question

    said: list[str] = []
    monkeypatch.setattr(asking, "say", lambda text="", **_: said.append(text))
    recap = Question(
        id="recap", ask="info", kind="recap", message="Your month", details=("  Protect time: 2 3",)
    )
    assert asking.ask(recap) == (None, None)
    assert said == ["\nYour month", "  Protect time: 2 3"]  # the monthly's "help: Your month"
