"""The built-in report templates, compiled ahead of time into modules of this package.

Compiling report.md.j2 or report.html.j2 costs ~42 ms a report (of ~160 ms). Jinja's
own answer, a bytecode cache, keeps marshalled code in the user's cache folder, where
whoever can write a file (a sync tool, a shared data folder) gets code run at the next
report. So the compiled Python lives in `_compiled/` beside this module instead, and
Python caches it in `__pycache__` like the rest of the package: the same trust as the
code itself. Each module starts with the SHA-256 of its source and of the Jinja version;
when they do not match (a template edited, Jinja upgraded, a module missing) the
template is compiled from its source, so a stale module is slow, never wrong.
Regenerate after editing a template: `python -m belonging_cli.reports.builtin_templates`
(tests/e2e/security/test_trust_templates.py fails until then).

Imported only when a Markdown or HTML report is made (it needs jinja2).
"""

from __future__ import annotations

import hashlib
import re
from importlib.machinery import SourceFileLoader
from pathlib import Path
from typing import TYPE_CHECKING

from belonging_cli.reports.render import TEMPLATES, equip, template_options

if TYPE_CHECKING:
    from jinja2 import Environment, Template

COMPILED = Path(__file__).parent / "_compiled"
_PACKAGE = "belonging_cli.reports._compiled"
_FORMATS = ("md", "html")
# Lines added above Jinja's code; its line table (debug_info) is shifted to match.
_HEADER = (
    "# source-sha256: {digest}\n"
    "# Generated from templates/{name} by `python -m belonging_cli.reports.builtin_templates`;\n"
    "# do not edit (see builtin_templates.py).\n"
    "# ruff: noqa\n"
    "# fmt: off\n"
    "# mypy: ignore-errors\n"
)


def load(fmt: str) -> Template:
    """The built-in template for `fmt` (md or html), ready to render."""
    env = environment(html=fmt == "html")
    name = f"report.{fmt}.j2"
    path = compiled_path(fmt)
    try:
        with path.open(encoding="utf-8") as module:
            first = module.readline()
    except OSError:
        first = ""
    if first != _HEADER.splitlines(keepends=True)[0].format(digest=_digest(name)):
        return env.get_template(name)  # compiled from the source: ~42 ms
    module_name = f"{_PACKAGE}.report_{fmt}"
    code = SourceFileLoader(module_name, str(path)).get_code(module_name)
    assert code is not None
    return env.template_class.from_code(env, code, env.make_globals(None))


def environment(*, html: bool) -> Environment:
    """The options the templates are compiled and rendered with (they must agree)."""
    from jinja2 import Environment, FileSystemLoader

    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), **template_options(html=html))
    equip(env, html=html)
    return env


def compiled_path(fmt: str) -> Path:
    return COMPILED / f"report_{fmt}.py"


def compiled_source(fmt: str) -> str:
    """The module `_compiled/report_{fmt}.py` should hold."""
    name = f"report.{fmt}.j2"
    source = (TEMPLATES / name).read_text(encoding="utf-8")
    code = environment(html=fmt == "html").compile(source, name, raw=True)
    header = _HEADER.format(digest=_digest(name), name=name)
    offset = header.count("\n")

    def shift(match: re.Match[str]) -> str:
        pairs = (pair.split("=") for pair in match.group(1).split("&"))
        return "debug_info = '" + "&".join(f"{t}={int(c) + offset}" for t, c in pairs) + "'"

    code, count = re.subn(r"^debug_info = '([\d=&]+)'$", shift, code, flags=re.MULTILINE)
    assert count == 1, "Jinja's generated code changed shape"
    return header + code.rstrip("\n") + "\n"  # ends as `ruff format` wants a file to


def _digest(name: str) -> str:
    import jinja2

    text = f"jinja2 {jinja2.__version__}\n" + (TEMPLATES / name).read_text(encoding="utf-8")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    """Write the compiled modules (run after editing a built-in template)."""
    for fmt in _FORMATS:
        compiled_path(fmt).write_text(compiled_source(fmt), encoding="utf-8")
        print(f"wrote {compiled_path(fmt)}")


if __name__ == "__main__":
    main()
