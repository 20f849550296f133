"""Trust in users' report templates (`belonging report --template FILE`).

A template from anywhere cannot run code (not even through the project's own filters),
cannot make the tool run out of memory, time or stack, cannot pull in other files than
the templates beside it, and no file under the home folder is ever loaded as code.
The hostile templates are in tests/hostile/templates/ (see its README).
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import time
from pathlib import Path

import pytest

from support import places
from support.cli import REPO, CliRunner
from support.templates import assert_stopped as _assert_stopped
from support.templates import reflect_once
from support.templates import run_template as _run

HOSTILE = places.HOSTILE / "templates"
SECRET = "SECRET-7f3a"


def _lines(name: str) -> list[str]:
    text = (HOSTILE / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@pytest.fixture
def reflected(cli: CliRunner, tmp_path: Path) -> None:
    reflect_once(cli, tmp_path)


# Code execution ------------------------------------------------------------------


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("suffix", [".md", ".html"])
@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("escape-*.md")))
def test_no_filter_lets_a_template_run_a_command(
    cli: CliRunner, tmp_path: Path, name: str, suffix: str
) -> None:
    template = tmp_path / f"mine{suffix}"
    body = (HOSTILE / name).read_text(encoding="utf-8")
    _assert_stopped(*_run(cli, template, body), template)


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("body", _lines("escapes.txt"))
def test_filters_that_take_a_name_reach_no_python_object(
    cli: CliRunner, tmp_path: Path, body: str
) -> None:
    template = tmp_path / "mine.md"
    _assert_stopped(*_run(cli, template, body), template)


@pytest.mark.usefixtures("reflected")
def test_group_by_still_groups_the_report_data(cli: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    body = (
        "{% for week, rows in report.ratings | group_by('count') | dictsort %}"
        "{{ week }}={{ rows | length }};{% endfor %}"
    )
    code, out, err = _run(cli, template, body)
    assert code == 0, err
    assert re.fullmatch(r"(\d+=\d+;)+\n?", out), out


# Resource bounds -----------------------------------------------------------------


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("body", _lines("bombs.txt"))
def test_a_template_cannot_exhaust_memory_or_the_stack(
    cli: CliRunner, tmp_path: Path, body: str
) -> None:
    template = tmp_path / "mine.md"
    started = time.monotonic()
    _assert_stopped(*_run(cli, template, body.replace("SELF", template.name)), template)
    assert time.monotonic() - started < 8


@pytest.mark.usefixtures("reflected")
def test_a_three_gigabyte_string_is_refused_for_memory(cli: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    body = (
        "{% set ns = namespace(s='x' * 4000000) %}\n"
        "{% for i in range(10) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n"
        "{{ ns.s | length }}"
    )
    code, out, err = _run(cli, template, body)
    _assert_stopped(code, out, err, template)
    assert "memory" in err


@pytest.mark.usefixtures("reflected")
def test_deep_recursion_is_the_templates_fault(cli: CliRunner, tmp_path: Path) -> None:
    template = tmp_path / "mine.md"
    code, out, err = _run(cli, template, "ok\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")
    _assert_stopped(code, out, err, template)
    assert re.search(r"mine\.md:\d+: .*(itself|deep)", err), err


# Includes ------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A template's folder, with partials, other files and links in and out of it."""
    here = tmp_path / "templates"
    (here / "sub").mkdir(parents=True)
    (tmp_path / "outside.j2").write_text(SECRET, encoding="utf-8")
    (here / "notes.txt").write_text(SECRET, encoding="utf-8")
    (here / "secret.md").write_text(SECRET, encoding="utf-8")
    (here / ".hidden.j2").write_text(SECRET, encoding="utf-8")
    (here / "sub" / "part.j2").write_text(SECRET, encoding="utf-8")
    (here / "link-out.j2").symlink_to(tmp_path / "outside.j2")
    (here / "link-to-notes.j2").symlink_to(here / "notes.txt")
    (here / "part.j2").write_text("part {{ report.rubric.id }}", encoding="utf-8")
    (here / "macros.jinja").write_text("{% macro hi(x) %}hi {{ x }}{% endmacro %}", "utf-8")
    (here / "base.j2").write_text("top {% block body %}{% endblock %} end", "utf-8")
    return here


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize(
    "tag",
    [
        "{% include 'NAME' %}",
        "{% import 'NAME' as m %}{{ m }}",
        "{% from 'NAME' import x %}{{ x }}",
        "{% extends 'NAME' %}",
        "{% include ['NAME'] %}",
    ],
)
@pytest.mark.parametrize("name", _lines("includes.txt"))
def test_a_template_includes_only_templates_beside_it(
    cli: CliRunner, folder: Path, tag: str, name: str
) -> None:
    template = folder / "mine.md"
    code, out, err = _run(cli, template, tag.replace("NAME", name))
    _assert_stopped(code, out, err, template)
    assert SECRET not in out and SECRET not in err


@pytest.mark.usefixtures("reflected")
def test_templates_beside_it_can_be_included_imported_and_extended(
    cli: CliRunner, folder: Path
) -> None:
    template = folder / "mine.md"
    body = (
        "{% extends 'base.j2' %}{% block body %}{% import 'macros.jinja' as m %}"
        "{{ m.hi('you') }} / {% include 'part.j2' %}{% endblock %}"
    )
    code, out, err = _run(cli, template, body)
    assert code == 0, err
    assert out == "top hi you / part belonging-core end"


# The compiled-template cache -----------------------------------------------------


class _Planted:
    """Unpickling this runs a command that leaves a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_file_under_the_home_is_loaded_as_code(
    cli: CliRunner, isolated_home: Path, tmp_path: Path, fmt: str
) -> None:
    from jinja2 import FileSystemBytecodeCache
    from jinja2.bccache import bc_magic

    from belonging_cli.reports.render import TEMPLATES

    marker = tmp_path / "ran"
    cache = isolated_home / "cache" / "templates"
    cache.mkdir(parents=True, exist_ok=True)
    keys = FileSystemBytecodeCache()
    name = f"report.{fmt}.j2"
    payload = bc_magic + pickle.dumps(_Planted(marker), 2)
    for filename in (None, str(TEMPLATES / name)):
        (cache / f"__jinja2_{keys.get_cache_key(name, filename)}.cache").write_bytes(payload)
    planted = sorted(cache.iterdir())
    result = cli("report", "--period", "all", "--format", fmt)
    assert result.code == 0, result.err
    assert "Cultivate belonging" in result.out
    assert not marker.exists()
    assert sorted(cache.iterdir()) == planted  # nothing read, nothing written there


def test_the_shipped_compiled_templates_match_their_sources() -> None:
    from belonging_cli.reports import builtin_templates

    for fmt in ("md", "html"):
        shipped = builtin_templates.compiled_path(fmt).read_text(encoding="utf-8")
        assert shipped == builtin_templates.compiled_source(fmt), (
            f"run `python -m belonging_cli.reports.builtin_templates` ({fmt})"
        )


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_stale_or_missing_compiled_template_falls_back_to_the_source(
    cli: CliRunner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fmt: str
) -> None:
    from belonging_cli.reports import builtin_templates

    expected = cli("report", "--period", "all", "--format", fmt).out
    stale = tmp_path / "stale.py"
    stale.write_text("# source-sha256: 0\nraise SystemExit('loaded a stale module')\n", "utf-8")
    for path in (stale, tmp_path / "missing.py"):
        monkeypatch.setattr(builtin_templates, "compiled_path", lambda fmt, p=path: p)
        result = cli("report", "--period", "all", "--format", fmt)
        assert result.code == 0, result.err
        assert result.out == expected


# What the README promises --------------------------------------------------------


@pytest.mark.usefixtures("reflected")
def test_the_readme_template_example_works(cli: CliRunner, tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    bullet = readme[readme.index("**Your own template.**") :]
    example = re.search(r"```jinja\n(.*?)```", bullet, re.DOTALL)
    assert example is not None
    body = "\n".join(line.removeprefix("  ") for line in example.group(1).splitlines())
    template = tmp_path / "mine.md"
    code, out, err = _run(cli, template, body)
    assert code == 0, err
    assert out.startswith("# Progress, all your reflections (")
    assert "- Cultivate belonging: " in out


@pytest.mark.usefixtures("reflected")
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_copy_of_a_built_in_template_renders_as_the_original(
    cli: CliRunner, tmp_path: Path, fmt: str
) -> None:
    from belonging_cli.reports.render import TEMPLATES

    template = tmp_path / f"mine.{fmt}"
    body = (TEMPLATES / f"report.{fmt}.j2").read_text(encoding="utf-8")
    template.write_text(body, encoding="utf-8")
    result = cli("report", "--period", "all", "--template", str(template))
    assert result.code == 0, result.err
    assert result.out == cli("report", "--period", "all", "--format", fmt).out


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only")
@pytest.mark.usefixtures("reflected")
def test_a_template_that_kills_its_renderer_is_reported(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from belonging_cli.reports import user_template

    def die(*args: object) -> str:  # what a segfault in the interpreter would do
        os.kill(os.getpid(), 9)
        return ""

    monkeypatch.setattr(user_template, "_render_here", die)
    template = tmp_path / "mine.md"
    code, out, err = _run(cli, template, "hello")
    _assert_stopped(code, out, err, template)


@pytest.mark.usefixtures("reflected")
def test_a_templates_own_cycles_are_collected_under_the_memory_cap(
    cli: CliRunner, tmp_path: Path
) -> None:
    """A report pauses the cycle collector for its records; the template's renderer runs
    with it on, so cycles a template makes and drops (1.2 GB of them here, 2 MB at a
    time) never reach the 1 GB cap (found by a review)."""
    template = tmp_path / "mine.md"
    body = (
        "{% for i in range(600) %}{% set a = ['x' * 2000000, range(800) | batch(1) | list] %}"
        "{{ a.append(a) or '' }}{% endfor %}done"
    )
    code, out, err = _run(cli, template, body)
    assert (code, out.strip()) == (0, "done"), err
