"""HTML outputs fed script-injection payloads in every field a person or a coach writes.

Through the real commands: answers (focus reflections, control, influence, the review of
an experiment, a rating's "what happened"), an experiment of one's own, tags, the name in
the config, a coach's pack (titles, instructions, questions, coach), exercise answers,
and every text field of a shared report bundle rolled up by `coach summary`. The output
is parsed with html.parser: no script, no event handler, no javascript:/data: URL, no
frames or plugins, and no template syntax evaluated.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml

from support.cli import CliRunner

PAYLOADS = [
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)><circle r=9 /></svg>",
    "\"><script>alert('attr')</script>",
    "'><svg/onload=alert(1)>",
    "javascript:alert(1)",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    "<javascript:alert(1)>",
    '<a href="javascript:alert(1)">link</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<object data=x></object><embed src=x>",
    "<details open ontoggle=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<!--<script>alert(1)</script>-->",
    "<math><mtext></p><script>alert(1)</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<base href="javascript:/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<form action=javascript:alert(1)><button>go</button></form>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "{{ 1234 * 5678 }} {% if true %}ran{% endif %} ${1234*5678}",
    "line\u2028separator\u2029and\x85next",
]
# For one-line fields (a name, a title): no line breaks or control characters.
ONE_LINE = " ".join(PAYLOADS).translate(dict.fromkeys(map(ord, "\n\t\u2028\u2029\x85"), " "))
MANY_LINES = "\n\n".join(PAYLOADS)


def short(start: int, limit: int = 120) -> str:
    """Payloads from the `start`th on, as many as fit one short field (a title, a name)."""
    text = ""
    for n in range(len(PAYLOADS)):
        candidate = PAYLOADS[(start + n) % len(PAYLOADS)].translate(
            dict.fromkeys(map(ord, "\n\t\u2028\u2029\x85"), " ")
        )
        if len(text) + len(candidate) + 1 > limit:
            break
        text = f"{text} {candidate}".strip()
    return text


EVALUATED = "7006652"  # 1234 * 5678: what a template engine would print if it ran the text

FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "base",
    "form",
    "math",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset"}


class Audit(HTMLParser):
    """Everything in a page that could run script or load something unasked."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.policies = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}> element")
        equiv = dict(attrs).get("http-equiv")
        if tag == "meta" and equiv is not None:
            # The page's own Content-Security-Policy is welcome; a second one, or a
            # refresh, could only have come from user text.
            self.policies += 1
            if equiv.lower() != "content-security-policy" or self.policies > 1:
                self.problems.append(f"<meta http-equiv={equiv!r}>")
        for name, value in attrs:
            text = "".join((value or "").split()).lower()  # browsers skip blanks in schemes
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name in URL_ATTRIBUTES and text.startswith(("javascript:", "data:", "vbscript:")):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name == "style" and ("javascript:" in text or "expression(" in text):
                self.problems.append(f"<{tag} style={value!r}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)


def audit(html: str) -> list[str]:
    parser = Audit()
    parser.feed(html)
    parser.close()
    assert "html" in parser.tags or "svg" in parser.tags or "p" in parser.tags, html[:300]
    problems = list(parser.problems)
    if EVALUATED in html:
        problems.append("template syntax in user text was evaluated")
    return problems


def test_the_audit_catches_what_it_looks_for() -> None:
    """The checker itself: raw payloads are caught, escaped ones pass."""
    from html import escape

    raw = audit("<html><body>" + MANY_LINES + "</body></html>")
    assert any("script" in p for p in raw) and any("event handler" in p for p in raw)
    assert any("javascript" in p for p in raw) and any("iframe" in p for p in raw)
    assert audit("<html><body><p>" + escape(MANY_LINES) + "</p></body></html>") == []


# Putting the payloads into a journal, a config and a pack, through the commands. --------


def _yaml(text: str) -> Any:
    return yaml.safe_load(text)


def _hostile_answers(template: dict[str, Any], text: str, week_two: bool) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for key, value in (template.get("answers") or {}).items():
        if isinstance(value, dict) and "text" in value:
            answers[key] = {**value, "text": text, "private": False}
        elif key in ("control", "influence", "review.happened", "review.learned", "tip"):
            answers[key] = {"text": text, "private": False}
        elif key == "next-experiment":
            answers[key] = ONE_LINE  # an experiment of one's own, in a sentence
        elif key == "tags":
            answers[key] = ["<script>", "onerror=x", "javascript:y", "{{7*7}}"]
        else:
            answers[key] = value
    if week_two:
        answers["review"] = "tried"
        answers["review.happened"] = {"text": text, "private": False}
        answers["review.learned"] = {"text": text, "private": False}
        answers["pulse.cultivate-belonging"] = 1  # moved: asks what happened
        answers["pulse.cultivate-belonging.evidence"] = text
    return {**{k: v for k, v in template.items() if k != "answers"}, "answers": answers}


def _hostile_pack(cli: CliRunner, tmp_path: Path, text: str) -> Path:
    pack = tmp_path / "pack.yaml"
    assert cli("coach", "pack", "new", "--out", str(pack)).code == 0
    data = _yaml(pack.read_text(encoding="utf-8"))
    data["title"], data["description"], data["client"] = short(0), text, short(3)
    data["coach"] = {"name": short(6), "contact": short(9)}
    for n, exercise in enumerate(data["exercises"]):
        exercise["title"], exercise["instructions"] = short(12 + 4 * n), text
        exercise["due"] = "1d"
        for m, question in enumerate(exercise["questions"]):
            if question["kind"] != "reflect":  # a reflect step asks the rubric's prompts
                question["question"] = short(20 + m)
            if "choices" in question:
                question["choices"] = [short(25, 60), "plain"]
    pack.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    check = cli("coach", "pack", "validate", str(pack))
    assert check.code == 0, check.err
    return pack


def _reflect(cli: CliRunner, tmp_path: Path, text: str, day: dt.date, week_two: bool) -> None:
    template = cli("reflect", "--answers-template", "--date", day.isoformat())
    assert template.code == 0, template.err
    answers = _hostile_answers(_yaml(template.out), text, week_two)
    path = tmp_path / f"answers-{day}.json"
    path.write_text(json.dumps(answers, default=str), encoding="utf-8")
    saved = cli("reflect", "--answers", str(path))
    assert saved.code == 0, saved.err


def _do_exercise(cli: CliRunner, tmp_path: Path, exercise: str, text: str) -> None:
    template = _yaml(cli("exercises", "do", exercise, "--answers-template").out)
    answers = {
        key: (text if isinstance(value, str) and key != "how-hard" else value)
        for key, value in template["answers"].items()
    }
    path = tmp_path / f"{exercise.replace('/', '-')}.json"
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    done = cli("exercises", "do", exercise, "--answers", str(path))
    assert done.code == 0, done.err


@pytest.fixture
def hostile_journal(cli: CliRunner, tmp_path: Path) -> str:
    text = MANY_LINES
    assert cli("config", "set", "name", short(7, 200)).code == 0
    today = dt.date.today()
    _reflect(cli, tmp_path, text, today - dt.timedelta(days=7), week_two=False)
    # A coach's pack may hold no control character (NEL, U+0085, is one): test_trust_content.
    pack_text = text.replace("\x85", "\n")
    assert cli("exercises", "import", str(_hostile_pack(cli, tmp_path, pack_text))).code == 0
    _do_exercise(cli, tmp_path, "first-month/ask-dont-tell", text)
    _reflect(cli, tmp_path, text, today, week_two=True)
    return text


@pytest.mark.parametrize("share", [False, True], ids=["private", "shared"])
def test_the_html_report_shows_every_payload_as_text(
    cli: CliRunner, tmp_path: Path, hostile_journal: str, share: bool
) -> None:
    page = tmp_path / "report.html"
    args = ["report", "--period", "all", "--out", str(page)] + (["--share"] if share else [])
    result = cli(*args)
    assert result.code == 0, result.err
    html = page.read_text(encoding="utf-8")
    assert audit(html) == []
    # The payloads did reach the page, as text a reader can see.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html or "onerror=alert(1)" in html


def test_a_users_html_template_escapes_every_field(
    cli: CliRunner, tmp_path: Path, hostile_journal: str
) -> None:
    """A user's .html template that prints every string of the report data raw."""
    template = tmp_path / "mine.html"
    template.write_text(
        "<html><body>{% macro walk(x) %}{% if x is mapping %}{% for k, v in x|dictsort %}"
        "<p title='{{ k }}'>{{ walk(v) }}</p>{% endfor %}{% elif x is string %}"
        '<span title="{{ x }}">{{ x }}</span><a href="{{ x }}">l</a>'
        "{% elif x is iterable %}{% for v in x %}{{ walk(v) }}{% endfor %}"
        "{% else %}{{ x }}{% endif %}{% endmacro %}{{ walk(report) }}</body></html>\n",
        encoding="utf-8",
    )
    result = cli("report", "--period", "all", "--template", str(template))
    assert result.code == 0, result.err
    problems = audit(result.out)
    # An href the template fills with user text is the template's choice; the text in it
    # is escaped, so only a link that *starts* with a scheme could be a problem.
    assert [p for p in problems if "href" not in p] == []


def _string_paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, str):
        return [prefix]
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _string_paths(v, (*prefix, k))]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _string_paths(v, (*prefix, i))]
    return []


def test_the_roll_up_shows_every_bundle_field_as_text(
    cli: CliRunner, tmp_path: Path, hostile_journal: str
) -> None:
    bundle = tmp_path / "client.json"
    result = cli("report", "--share", "--period", "all", "--out", str(bundle))
    assert result.code == 0, result.err
    original = json.loads(bundle.read_text(encoding="utf-8"))
    # Every text field of the bundle in turn holds every payload (one bundle each).
    files = [str(bundle)]
    (tmp_path / "bundles").mkdir()
    for n, path in enumerate(_string_paths(original)):
        # Long text where the field takes it, else as many payloads as a name holds.
        for variant, text in (("long", MANY_LINES), ("short", short(n, 200))):
            data = copy.deepcopy(original)
            target = data
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = text
            one = tmp_path / "bundles" / f"{n}-{variant}.json"
            one.write_text(json.dumps(data), encoding="utf-8")
            files.append(str(one))
    assert len(files) > 20
    page = tmp_path / "rollup.html"
    rolled = cli("coach", "summary", *files, "--format", "html", "--out", str(page))
    # Bundles whose field must be a date or an id are refused by name; the rest roll up.
    assert rolled.code in (0, 1), rolled.err
    assert "Traceback" not in rolled.err and "unexpected" not in rolled.err
    refused = [line for line in rolled.err.splitlines() if "bundles/" in line]
    assert len(refused) < len(files) / 2, rolled.err[-2000:]
    html = page.read_text(encoding="utf-8")
    assert audit(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
