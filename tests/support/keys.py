"""Keys typed at the prompts of an in-process run, through prompt_toolkit's pipe input.

    from support.keys import typed

    with typed("3\r" * 10 + "\x03"):
        main(["reflect"])

Running out of keys ends the prompt (as Ctrl-D would) instead of hanging. Runs can
nest: an inner `typed` is a second terminal, its keys its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

ENTER = "\r"
CTRL_C = "\x03"


@contextmanager
def typed(keys: str) -> Iterator[None]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        pipe.close()
        yield
