"""A user's report template (--template) cannot reach Python, nor make the tool hang or
swallow the machine's memory: each attempt stops with one clear line naming the template."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from support.cli import CliRunner
from support.templates import assert_stopped, reflect_once, run_template

# Ways out of the sandbox: Python internals, attribute tricks, format-string tricks.
ESCAPES = [
    "{{ report.__class__ }}",
    "{{ report.__class__.__mro__[1].__subclasses__() }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__['os'] }}",
    "{{ report|attr('__class__') }}",
    "{{ report|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ (report|attr('items')).__self__ }}",
    "{{ report.keys.__self__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ '{0.__class__}'.format(report) }}",
    "{{ '{0.__class__.__init__.__globals__}'.format(cycler) }}",
    "{{ '{r.__class__}'.format_map({'r': report}) }}",
    "{{ '%s'|format(report.__class__) }}",
    "{% set x = report.__class__ %}{{ x }}",
    "{{ config }}",
    "{{ request.application.__globals__ }}",
    "{% import 'os' as os %}{{ os }}",
    "{% include '/etc/passwd' %}",
]

# Ways to make the tool work without end: huge ranges, sizes, widths, numbers, output.
BOMBS = [
    "{% for i in range(10**9) %}{% endfor %}",
    "{{ range(10**9)|list|length }}",
    "{{ 'x' * 10**10 }}",
    "{{ [0] * 10**10 }}",
    "{{ 10**100000000 }}",
    "{{ (10**1000)**1000 }}",
    "{{ '{0:>1000000000}'.format(1) }}",
    "{{ '{:{}}'.format(1, 10**9) }}",
    "{{ '%1000000000s'|format(1) }}",
    "{{ '%1000000000s' % 1 }}",
    "{{ '%*s' % (10**9, 'x') }}",
    "{{ 'x'|center(10**9) }}",
    "{{ 'x'.ljust(10**9) }}",
    "{{ 'x'.zfill(10**9) }}",
    "{{ 'a\\nb'|indent(10**9) }}",
    "{% for i in range(100000) %}{{ 'y' * 4000000 }}{% endfor %}",
]


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path) -> None:
    reflect_once(cli, tmp_path)


def _run(cli: CliRunner, tmp_path: Path, body: str, suffix: str = ".md") -> tuple[int, str, str]:
    return run_template(cli, tmp_path / f"mine{suffix}", body)


def _assert_stopped_clearly(code: int, out: str, err: str, tmp_path: Path) -> None:
    assert_stopped(code, out, err, tmp_path / "mine")


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize("body", ESCAPES)
def test_a_template_cannot_reach_python(
    cli: CliRunner, tmp_path: Path, body: str, suffix: str
) -> None:
    _assert_stopped_clearly(*_run(cli, tmp_path, body, suffix), tmp_path)


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("body", BOMBS)
def test_a_template_cannot_make_the_tool_work_without_end(
    cli: CliRunner, tmp_path: Path, body: str
) -> None:
    started = time.monotonic()
    _assert_stopped_clearly(*_run(cli, tmp_path, body), tmp_path)
    assert time.monotonic() - started < 5


@pytest.mark.usefixtures("reflected")
def test_a_template_that_runs_too_long_is_stopped(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from belonging_cli.reports import sandbox

    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.5)
    started = time.monotonic()
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    code, out, err = _run(cli, tmp_path, body)
    _assert_stopped_clearly(code, out, err, tmp_path)
    assert "ran for over" in err
    assert time.monotonic() - started < 5


@pytest.mark.usefixtures("reflected")
def test_ordinary_formatting_and_arithmetic_still_work(cli: CliRunner, tmp_path: Path) -> None:
    body = (
        "{{ report.rubric.id|center(30) }}|{{ '%5.1f'|format(3.14159) }}|{{ 2 ** 10 }}|"
        "{{ '-' * 12 }}|{{ '{:>6}'.format('ab') }}|{{ '%d' % 123456789 }}|"
        "{{ '{} {}'.format('a', 12345678) }}|{% for i in range(3) %}{{ i }}{% endfor %}"
    )
    code, out, err = _run(cli, tmp_path, body)
    assert code == 0, err
    assert out.rstrip("\n") == (
        "        belonging-core        |  3.1|1024|------------|    ab|123456789|a 12345678|012"
    )
