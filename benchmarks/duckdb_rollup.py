"""Print what DuckDB does with a folder of coach bundles, beside `belonging coach summary`.

Run: python benchmarks/duckdb_rollup.py [--bundles N] [--pairs P]
Needs DuckDB (`pip install -e '.[bench]'`): a benchmark's optional extra, never a
dependency of the tool. Issue 19, "where it stops being one machine": an organisation
rolling up thousands of leaders' bundles should query them with an existing engine.

The bundles are real shared reports (`belonging report --share --format json` of ten
synthetic 26-week journals, copied under new client names: rollup.shared_bundles),
5,000 by default, in one folder. Then:
1. the roll-up's headline figures (clients, reflections, and for each behaviour the
   clients who rated it, the mean, lowest, highest and spread of their latest levels)
   computed by DuckDB over the folder (read_text and json_extract; SQL below),
   checked against the same in `belonging coach summary --format json` of the files;
2. the two timed as a user runs them (a new process each: `python -c` with DuckDB,
   and the CLI), alternated pair by pair, with each one's peak memory (maxrss);
   and the same with read_json (the obvious way, slower);
3. a malformed bundle in the folder, one cut short and one with a wrong type: what
   DuckDB reports (its error text as it is) each way, with read_json's
   `ignore_errors=true` what it keeps and drops, and what `belonging coach summary`
   reports.
DuckDB uses every core by default (two here): its CPU time is shown beside its wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import Run, belonging, child_env, in_pairs, load_average, machine, run_child

# The fields the headline reads. read_text and one json_extract of three paths parse
# each bundle once (about 4x faster here than read_json, which turns every document
# into rows); json_valid leaves out a file that is not JSON, which CHECK names.
LOAD_TEXT = """CREATE TABLE bundles AS
WITH parts AS (
  SELECT filename,
         json_extract(content, ['$.person.name', '$.summary.sessions_completed', '$.ratings']) AS p
  FROM read_text('{glob}')
  WHERE json_valid(content))
SELECT filename, p[1] ->> '$' AS client, CAST(p[2] AS INTEGER) AS sessions,
       from_json(p[3], '[{{"behaviour_id": "VARCHAR", "latest": "INTEGER"}}]') AS ratings
FROM parts"""
CHECK = "SELECT filename FROM read_text('{glob}') WHERE NOT json_valid(content)"
# The obvious way: read_json with the columns' types (it reads nothing else).
LOAD_JSON = """CREATE TABLE bundles AS
SELECT filename, person.name AS client, summary.sessions_completed AS sessions, ratings
FROM read_json('{glob}', filename = true, columns = {{
    'person': 'STRUCT(name VARCHAR)',
    'summary': 'STRUCT(sessions_completed INTEGER)',
    'ratings': 'STRUCT(behaviour_id VARCHAR, latest INTEGER)[]'}}{options})"""
LOADS = {"read_text": LOAD_TEXT, "read_json": LOAD_JSON}
HEADLINE = "SELECT count(*) AS clients, sum(sessions) AS reflections FROM bundles"
BEHAVIOURS = """SELECT r.behaviour_id, count(r.latest) AS clients,
       round(avg(r.latest), 2) AS average, min(r.latest) AS lowest, max(r.latest) AS highest,
       round(stddev_pop(r.latest), 2) AS stdev
FROM bundles, unnest(bundles.ratings) AS t(r)
GROUP BY r.behaviour_id ORDER BY r.behaviour_id"""
BUNDLES = 5000
QUERY = "import sys; sys.path.insert(0, {here!r}); import duckdb_rollup; duckdb_rollup.child()"


def sql(folder: Path, reader: str = "read_text", options: str = "") -> list[str]:
    """The statements a user runs over `folder`: load the fields, then the two queries."""
    glob = str(folder / "*.json").replace("'", "''")
    return [LOADS[reader].format(glob=glob, options=options), HEADLINE, BEHAVIOURS]


def headline(folder: Path, reader: str = "read_text", options: str = "") -> dict[str, Any]:
    """The roll-up's headline figures, from DuckDB over the bundles in `folder`."""
    import duckdb

    # No progress bar: it is drawn on stdout, where the figures go.
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    load, head, behaviours = sql(folder, reader, options)
    con.execute(load)
    found = con.execute(head).fetchone()
    assert found is not None
    rows = con.execute(behaviours).fetchall()
    glob = str(folder / "*.json").replace("'", "''")
    unreadable = [Path(r[0]).name for r in con.execute(CHECK.format(glob=glob)).fetchall()]
    return {
        "clients": found[0],
        "reflections": found[1],
        "behaviours": {
            r[0]: {"clients": r[1], "average": r[2], "lowest": r[3], "highest": r[4], "stdev": r[5]}
            for r in rows
        },
        "not_json": unreadable,
    }


def child() -> None:
    """In a child process: the headline of the folder argv[1] as JSON, or DuckDB's error."""
    import duckdb

    reader, options = sys.argv[2], sys.argv[3]
    try:
        print(json.dumps(headline(Path(sys.argv[1]), reader, options)))
    except duckdb.Error as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        raise SystemExit(1) from None


def query_command(folder: Path, reader: str = "read_text", options: str = "") -> list[str]:
    here = str(Path(__file__).resolve().parent)
    return [sys.executable, "-c", QUERY.format(here=here), str(folder), reader, options]


def summary_command(files: list[str], out: str = os.devnull) -> list[str]:
    return belonging("coach", "summary", "--format", "json", "--out", out, *files)


def from_rollup(rollup: dict[str, Any]) -> dict[str, Any]:
    """The same headline figures, from `coach summary --format json`."""
    return {
        "clients": len(rollup["clients"]),
        "reflections": sum(c["sessions"] for c in rollup["clients"]),
        "behaviours": {
            b["behaviour_id"]: {k: b[k] for k in ("clients", "average", "lowest", "highest")}
            | {"stdev": b["stdev"]}
            for b in rollup["behaviours"]
        },
    }


def agree(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Where the two headlines differ (averages and spreads within rounding)."""
    found = []
    for key in ("clients", "reflections"):
        if ours[key] != theirs[key]:
            found.append(f"{key}: belonging {ours[key]}, DuckDB {theirs[key]}")
    if set(ours["behaviours"]) != set(theirs["behaviours"]):
        found.append("the behaviours differ")
        return found
    for behaviour, mine in ours["behaviours"].items():
        other = theirs["behaviours"][behaviour]
        for key, value in mine.items():
            near = isinstance(value, float) and abs(value - (other[key] or 0)) <= 0.011
            if value != other[key] and not near:
                found.append(f"{behaviour} {key}: belonging {value}, DuckDB {other[key]}")
    return found


def timed_pairs(
    folder: Path, env: dict[str, str], count: int, reader: str = "read_text"
) -> list[tuple[Run, Run]]:
    """`count` (DuckDB, coach summary --format json) pairs over the bundles in `folder`."""
    files = sorted(str(p) for p in folder.glob("*.json"))
    query, summary = query_command(folder, reader), summary_command(files)
    return in_pairs(partial(run_child, query, env), partial(run_child, summary, env), count)


def ratio_text(pairs: list[tuple[Run, Run]]) -> str:
    ratios = sorted(a.seconds / b.seconds for a, b in pairs)
    return f"x{statistics.median(ratios):.2f} ({ratios[0]:.2f}-{ratios[-1]:.2f})"


def cut_short(text: str) -> str:
    return text[: len(text) // 2]


def wrong_type(text: str) -> str:
    """A client's latest level as a word and the reflections as text: valid JSON."""
    data = json.loads(text)
    data["ratings"][0]["latest"] = "three"
    data["summary"]["sessions_completed"] = "twelve"
    return json.dumps(data, separators=(",", ":"))


def one_line(text: str) -> str:
    return " ".join(text.split())


VARIANTS = (
    ("read_text", ""),
    ("read_json", ""),
    ("read_json", ", ignore_errors = true"),
    ("read_json", ", format = 'newline_delimited', ignore_errors = true"),
)


def malformed(folder: Path, env: dict[str, str], clean: dict[str, Any]) -> None:
    """Each kind of bad bundle alone in the folder: what DuckDB and belonging report."""
    sample = next(iter(sorted(folder.glob("*.json"))))
    text = sample.read_text(encoding="utf-8")
    good = json.loads(text)
    # What the bad bundle holds when read right: a copy of `sample`.
    expected = {
        "clients": clean["clients"] + 1,
        "reflections": clean["reflections"] + good["summary"]["sessions_completed"],
        "levels": sum(v["clients"] for v in clean["behaviours"].values())
        + sum(r["latest"] is not None for r in good["ratings"]),
    }
    for label, make in (("cut short", cut_short), ("a wrong type", wrong_type)):
        bad = folder / "zz-bad.json"
        bad.write_text(make(text), encoding="utf-8")
        print(f"\n### A bundle {label} ({bad.name}) among {clean['clients']:,} good ones")
        for reader, options in VARIANTS:
            done = subprocess.run(
                query_command(folder, reader, options), env=env, capture_output=True, text=True
            )
            shown = f"`{reader}(...{options})`"
            if done.returncode:
                print(f"- DuckDB, {shown}: fails, exit {done.returncode}: {one_line(done.stderr)}")
                continue
            got = json.loads(done.stdout)
            levels = sum(v["clients"] for v in got["behaviours"].values())
            print(
                f"- DuckDB, {shown}: no error; {got['clients']:,} clients, "
                f"{got['reflections']:,} reflections, {levels:,} latest levels counted "
                f"(read right: {expected['clients']:,}, {expected['reflections']:,}, "
                f"{expected['levels']:,}); not JSON (the CHECK query): {got['not_json']}"
            )
        files = sorted(str(p) for p in folder.glob("*.json"))
        out = folder.parent / "rollup-with-bad.json"
        summary = subprocess.run(
            summary_command(files, str(out)), env=env, capture_output=True, text=True
        )
        rolled = json.loads(out.read_text(encoding="utf-8"))
        print(
            f"- belonging coach summary: exit {summary.returncode}, stderr: "
            f"{' | '.join(summary.stderr.strip().splitlines())!r}; the roll-up of the other "
            f"{len(rolled['clients']):,} written, its `skipped` lists {len(rolled['skipped'])}"
        )
        bad.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--bundles", type=int, default=BUNDLES)
    parser.add_argument("--pairs", type=int, default=3)
    options = parser.parse_args()
    try:
        import duckdb
    except ImportError:
        print("DuckDB is not installed: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    from rollup import shared_bundles

    print(f"# DuckDB {duckdb.__version__} over coach bundles: {machine()}")
    with tempfile.TemporaryDirectory(prefix="belonging-duckdb-") as tmp:
        root = Path(tmp)
        pycache = root / "pycache"
        paths = shared_bundles(root, pycache, options.bundles)
        folder = paths[0].parent
        size = sum(p.stat().st_size for p in paths) / 1_048_576
        env = child_env(root / "coach", pycache)
        print(f"{len(paths):,} bundles, {size:.0f} MB, in one folder. The SQL:\n")
        glob = str(Path("bundles") / "*.json")
        for statement in [CHECK.format(glob=glob), *sql(Path("bundles"))]:
            print(f"{statement};")
        print(f"\nOr, the obvious way (slower):\n{sql(Path('bundles'), 'read_json')[0]};")
        ours = root / "rollup.json"
        run_child(summary_command([str(p) for p in paths], str(ours)), env)
        from_ours = from_rollup(json.loads(ours.read_text(encoding="utf-8")))
        from_duck = json.loads(run_child(query_command(folder), env, keep_output=True).stdout)
        differ = agree(from_ours, from_duck)
        print(
            f"\nHeadline: {from_duck['clients']:,} clients, {from_duck['reflections']:,} "
            f"reflections, {len(from_duck['behaviours'])} behaviours; DuckDB and belonging "
            f"agree: {'yes' if not differ else 'NO: ' + '; '.join(differ)}"
        )
        print(f"\n| {len(paths):,} bundles | time | CPU | peak memory |\n|---|---|---|---|")
        for reader in LOADS:
            # The first pair warms the caches.
            pairs = timed_pairs(folder, env, options.pairs + 1, reader)[1:]
            for label, runs in (
                (f"DuckDB {reader}", [a for a, _ in pairs]),
                ("coach summary --format json", [b for _, b in pairs]),
            ):
                print(
                    f"| {label} | {statistics.median(r.seconds for r in runs):.2f} s "
                    f"| {statistics.median(r.cpu for r in runs):.2f} s "
                    f"| {max(r.peak_mb for r in runs):.0f} MB |"
                )
            print(f"| DuckDB {reader} / coach summary, pair by pair | {ratio_text(pairs)} | | |")
        malformed(folder, env, from_duck)
    print(f"\nload average after: {load_average()}")
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
