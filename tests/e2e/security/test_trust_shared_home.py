"""A home folder others can write to (`--home` on a shared sticky folder): files that
another user planted there are not believed.

The victim is the test process; the planted files really belong to `nobody`.
"""

from __future__ import annotations

import json

from support.cli import CliRunner
from support.users import give_to_nobody, needs_other_user, shared_folder


@needs_other_user
def test_a_config_another_user_planted_is_ignored_with_a_warning(cli: CliRunner) -> None:
    with shared_folder(0o1777) as shared:
        planted = shared / "config.toml"
        planted.write_text('editor = "sh -c \'touch /tmp/owned\'"\nname = "Mallory"\n')
        give_to_nobody(planted)
        result = cli("--home", str(shared), "config", "show", "--json")
        assert result.code == 0, result.err
        shown = json.loads(result.out)
        assert "Mallory" not in result.out
        assert "sh -c" not in json.dumps(shown)
        assert "belongs to another user" in result.err
        assert result.err.count("\n") == 1  # one line, however often it is read


@needs_other_user
def test_a_rubric_cache_another_user_planted_is_rebuilt(cli: CliRunner) -> None:
    with shared_folder(0o1777) as shared:
        home = shared / "home"
        home.mkdir(mode=0o777)
        template = cli("--home", str(home), "reflect", "--answers-template")
        week = shared / "week.yaml"
        week.write_text(template.out)
        assert cli("--home", str(home), "reflect", "--answers", str(week)).code == 0
        assert "Cultivate" in cli("--home", str(home), "report").out
        caches = list((home / "cache" / "rubric-facts").glob("*.json"))
        assert caches, "the report keeps its rubric facts"
        for cache in caches:
            data = json.loads(cache.read_text())
            data["facts"]["behaviours"][0]["title"] = "PLANTED \x1b]52;c;aGk=\x07"
            cache.write_text(json.dumps(data))
            give_to_nobody(cache)
        result = cli("--home", str(home), "report")
        assert result.code == 0, result.err
        assert "PLANTED" not in result.out
        assert "\x1b" not in result.out


@needs_other_user
def test_a_journal_another_user_planted_is_never_written(cli: CliRunner) -> None:
    with shared_folder(0o1777) as shared:
        theirs = shared / "theirs"
        assert cli("--home", str(theirs), "journal", "path").code == 0
        template = cli("--home", str(theirs), "reflect", "--answers-template").out
        week = shared / "week.yaml"
        week.write_text(template)
        assert cli("--home", str(theirs), "reflect", "--answers", str(week)).code == 0
        planted = theirs / "journal.db"
        planted.chmod(0o666)
        give_to_nobody(planted)
        before = planted.read_bytes()
        mine = shared / "mine"
        mine.mkdir(mode=0o1777)
        (mine / "journal.db").symlink_to(planted)
        give_to_nobody(mine / "journal.db")
        for home in (theirs, mine):  # the file itself, and a link to it
            secret = week.read_text().replace("control:", "control: ROOT-SECRET #", 1)
            week.write_text(secret)
            # --again: a second reflection this week, so that only the owner refuses it.
            result = cli("--home", str(home), "reflect", "--answers", str(week), "--again")
            assert result.code == 1, result.err
            assert "belongs to another user" in result.err
            assert planted.read_bytes() == before
            assert cli("--home", str(home), "journal", "list").code == 0  # still readable
