"""`coach summary`'s open-experiment column: a client running three experiments shows
three (the one status shows, "+2 more", and each one listed), in every format; a
bundle older than format_minor 8 (no `open_total`) is read as before: its one open."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from belonging_cli.coaching.samples import sample_bundle
from support.cli import CliRunner
from support.rollup_open import TITLES, as_older, with_open

TODAY = dt.date.today()
FIRST, SECOND, THIRD = "Guard Friday afternoon", "Say no to one meeting", "Ask before telling"


def write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def summary(cli: CliRunner, fmt: str, *files: Path) -> str:
    result = cli("coach", "summary", "--format", fmt, *map(str, files))
    assert result.code == 0, result.err
    return result.out


def clients_row(markdown: str, name: str) -> str:
    (row,) = [line for line in markdown.splitlines() if line.startswith(f"| {name} |")]
    return row


def client_section(text: str, name: str, heading: str) -> str:
    return text.split(f"{heading}{name}", 1)[1].split(heading, 1)[0]


@pytest.fixture
def three_open(tmp_path: Path) -> Path:
    data = with_open(sample_bundle("Ana", 1, TODAY), [FIRST, SECOND, THIRD])
    return write(tmp_path / "ana.json", data)


def test_markdown_says_the_first_and_how_many_more(cli: CliRunner, three_open: Path) -> None:
    out = summary(cli, "md", three_open)
    assert clients_row(out, "Ana").endswith(f"| {FIRST} (+2 more) |")
    section = client_section(out, "Ana", "### ")
    assert "Open experiments (3):" in section
    for title in (FIRST, SECOND, THIRD):
        assert title in section


def test_html_lists_every_open_one_in_the_clients_table(cli: CliRunner, three_open: Path) -> None:
    out = summary(cli, "html", three_open)
    table = out.split("<h2>Clients</h2>", 1)[1].split("</table>", 1)[0]
    (row,) = [r for r in table.split("<tr>") if r.startswith("<td>Ana</td>")]
    cell = row.split("<td")[-1]
    assert "+2 more" in cell
    for title in (FIRST, SECOND, THIRD):
        assert title in cell
    assert "Open experiments (3)" in client_section(out, "Ana", "<h3>")


def test_json_has_each_open_one_and_the_total(cli: CliRunner, three_open: Path) -> None:
    rollup = json.loads(summary(cli, "json", three_open))
    assert rollup["format"] == "belonging-rollup" and rollup["format_version"] == 1
    assert rollup["format_minor"] == 1
    (client,) = rollup["clients"]
    assert client["open_experiment"]["title"] == FIRST  # as before: the one status shows
    assert client["open_total"] == 3
    assert [e["title"] for e in client["open_experiments"]] == [FIRST, SECOND, THIRD]


def test_more_open_than_a_bundle_lists_says_how_many_are_left(
    cli: CliRunner, tmp_path: Path
) -> None:
    titles = [f"Experiment {n}" for n in range(5)]
    bundle = write(tmp_path / "b.json", with_open(sample_bundle("Bo", 2, TODAY), titles, 7))
    out = summary(cli, "md", bundle)
    assert clients_row(out, "Bo").endswith("| Experiment 0 (+6 more) |")
    section = client_section(out, "Bo", "### ")
    assert "Open experiments (7):" in section and "and 2 more open" in section
    page = summary(cli, "html", bundle)
    assert "and 2 more open" in page.split("<h2>Clients</h2>", 1)[1].split("</table>", 1)[0]
    (client,) = json.loads(summary(cli, "json", bundle))["clients"]
    assert client["open_total"] == 7 and len(client["open_experiments"]) == 5


def test_a_private_one_is_counted_and_never_shown(cli: CliRunner, tmp_path: Path) -> None:
    data = with_open(sample_bundle("Cy", 3, TODAY), [FIRST, None, THIRD])
    # A forged bundle may carry a private title anyway: the roll-up still hides it.
    data["experiments"]["open_now"][1]["title"] = "secret-open-title"
    bundle = write(tmp_path / "c.json", data)
    out = summary(cli, "md", bundle)
    assert clients_row(out, "Cy").endswith(f"| {FIRST} (+2 more) |")
    assert "(private)" in client_section(out, "Cy", "### ")
    for fmt in ("md", "html", "json"):
        assert "secret-open-title" not in summary(cli, fmt, bundle)
    (client,) = json.loads(summary(cli, "json", bundle))["clients"]
    assert [e["title"] for e in client["open_experiments"]] == [FIRST, None, THIRD]


def test_the_private_one_status_shows_leads_as_private(cli: CliRunner, tmp_path: Path) -> None:
    bundle = write(tmp_path / "d.json", with_open(sample_bundle("Di", 4, TODAY), [None, SECOND]))
    assert clients_row(summary(cli, "md", bundle), "Di").endswith("| (private) (+1 more) |")


def test_an_older_bundle_shows_its_one_open_as_before(cli: CliRunner, tmp_path: Path) -> None:
    data = as_older(with_open(sample_bundle("Ed", 5, TODAY), [FIRST]))
    bundle = write(tmp_path / "e.json", data)
    out = summary(cli, "md", bundle)
    assert clients_row(out, "Ed").endswith(f"| {FIRST} |")
    assert "Open experiments (1):" in out and not re.search(r"\+\d+ more|more open", out)
    (client,) = json.loads(summary(cli, "json", bundle))["clients"]
    assert client["open_experiment"]["title"] == FIRST
    assert client["open_total"] == 1
    assert [e["title"] for e in client["open_experiments"]] == [FIRST]


def test_one_open_reads_as_it_did(cli: CliRunner, tmp_path: Path) -> None:
    bundle = write(tmp_path / "f.json", with_open(sample_bundle("Fa", 6, TODAY), [FIRST]))
    out = summary(cli, "md", bundle)
    assert clients_row(out, "Fa").endswith(f"| {FIRST} |")
    assert not re.search(r"\+\d+ more|more open", out)


def test_a_long_title_is_cut_in_the_table_so_the_count_is_seen(
    cli: CliRunner, tmp_path: Path
) -> None:
    """On a terminal the clients' row is read as it wraps: the count comes right after
    the title's first words; the client's section says the title whole."""
    long = TITLES["long"]
    data = with_open(sample_bundle("Jo", 10, TODAY), [long, SECOND, THIRD])
    out = summary(cli, "md", write(tmp_path / "j.json", data))
    cell = clients_row(out, "Jo").rsplit(" | ", 1)[1]
    assert cell.endswith("\u2026 (+2 more) |") and len(cell) <= 64
    assert long.startswith(cell.split("\u2026")[0])
    assert long in client_section(out, "Jo", "### ")


def test_none_open_is_a_dash_with_no_list(cli: CliRunner, tmp_path: Path) -> None:
    bundle = write(tmp_path / "g.json", with_open(sample_bundle("Gu", 7, TODAY), []))
    out = summary(cli, "md", bundle)
    assert clients_row(out, "Gu").endswith("| \u2013 |")
    (client,) = json.loads(summary(cli, "json", bundle))["clients"]
    assert client["open_total"] == 0 and client["open_experiments"] == []


def test_a_bundle_whose_total_says_fewer_than_it_lists_counts_what_it_lists(
    cli: CliRunner, tmp_path: Path
) -> None:
    data = with_open(sample_bundle("Hu", 8, TODAY), [FIRST, SECOND, THIRD], total=0)
    (client,) = json.loads(summary(cli, "json", write(tmp_path / "h.json", data)))["clients"]
    assert client["open_total"] == 3


@pytest.mark.parametrize("key", sorted(TITLES))
def test_hostile_titles_are_text_in_every_format(cli: CliRunner, tmp_path: Path, key: str) -> None:
    hostile = TITLES[key]
    data = with_open(sample_bundle("Io", 9, TODAY), [FIRST, hostile])
    bundle = write(tmp_path / "i.json", data)
    out = summary(cli, "md", bundle)
    row = clients_row(out, "Io")
    assert row.count(" | ") == 5  # six cells: no title breaks the table
    section = client_section(out, "Io", "### ")
    shown = [re.sub(r"\\(.)", r"\1", x) for x in section.splitlines() if x.startswith("- ")]
    assert any(hostile in x for x in shown)  # as written, once the escapes are read
    page = summary(cli, "html", bundle)
    assert str(escape(hostile)) in page  # as the page escapes every value
    assert "<script>" not in page and "<b>stand-up" not in page
    (client,) = json.loads(summary(cli, "json", bundle))["clients"]
    assert client["open_experiments"][1]["title"] == hostile


def test_a_client_running_three_experiments_is_rolled_up_with_three(
    cli: CliRunner, tmp_path: Path
) -> None:
    """Through the real commands: a weekly reflection and two runs of an exercise that
    sets one leave three open (as tests/cli/test_coach_trial_open.py makes them)."""
    from support.coach_trial import WEEKLY, at, client, do_exercise, import_pack, reflect, share

    friday = dt.date(2026, 11, 20)
    titles = ("Guard Friday afternoon", "Say no to one meeting")
    with client(cli, tmp_path, "a"):
        import_pack(cli, dt.date(2026, 11, 2))
        reflect(cli, tmp_path, on=friday)
        for n, title in enumerate(titles, start=1):
            done = do_exercise(cli, tmp_path, WEEKLY, {"kept-hour": 3, "next": title}, friday)
            assert done.code == 0, done.err
            friday += dt.timedelta(days=n)
        bundle = share(cli, tmp_path / "a.json", on=dt.date(2026, 11, 22))
    made = json.loads(
        at(cli, dt.date(2026, 11, 22), "coach", "summary", "--format", "json", str(bundle)).out
    )
    (rolled,) = made["clients"]
    assert rolled["open_total"] == 3
    listed = [e["title"] for e in rolled["open_experiments"]]
    assert listed[0] == rolled["open_experiment"]["title"] and set(titles) <= set(listed)
    out = at(cli, dt.date(2026, 11, 22), "coach", "summary", str(bundle)).out
    assert clients_row(out, "A").endswith("(+2 more) |")
