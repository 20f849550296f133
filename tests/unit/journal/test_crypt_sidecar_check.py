"""journal.db.crypt carries a check of its fields: damage is told apart from a wrong
passphrase, and a sidecar written before the check was kept still reads."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belonging_cli.journal.crypt import keys, sidecar

KEY = bytes(range(32))


def _written(tmp_path: Path) -> Path:
    journal = tmp_path / "journal.db"
    info = sidecar.KeyInfo(keys.key_id(KEY), True, keys.wrap(KEY, "a long passphrase"))
    sidecar.write(journal, info)
    return journal


def test_a_sidecar_reads_back_as_written(tmp_path: Path) -> None:
    journal = _written(tmp_path)
    info = sidecar.read(journal)
    assert info is not None and info.keyring and info.key_id == keys.key_id(KEY)
    assert info.passphrase is not None
    assert keys.unwrap(info.passphrase, "a long passphrase") == KEY


def test_one_written_before_the_check_is_read_as_it_is(tmp_path: Path) -> None:
    journal = _written(tmp_path)
    path = sidecar.path_of(journal)
    data = json.loads(path.read_text("utf-8"))
    del data["check"]
    path.write_text(json.dumps(data), "utf-8")
    info = sidecar.read(journal)
    assert info is not None and info.key_id == keys.key_id(KEY)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_changed_field_is_damage_not_a_wrong_passphrase(
    tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    journal = _written(tmp_path_factory.mktemp("sidecar"))
    path = sidecar.path_of(journal)
    fields = json.loads(path.read_text("utf-8"))
    name = data.draw(st.sampled_from(["key_id", "keyring", "passphrase"]))
    if name == "passphrase":
        part = data.draw(st.sampled_from(["salt", "wrapped", "n"]))
        value = fields["passphrase"][part]
        fields["passphrase"][part] = (value + 1) if isinstance(value, int) else value[::-1]
    elif name == "keyring":
        fields["keyring"] = not fields["keyring"]
    else:
        fields["key_id"] = data.draw(st.text("0123456789abcdef", min_size=16, max_size=16))
    if fields == json.loads(path.read_text("utf-8")):
        return  # the draw changed nothing (a palindrome reversed, the same id drawn)
    path.write_text(json.dumps(fields), "utf-8")
    with pytest.raises(sidecar.Damaged, match="damaged"):
        sidecar.read(journal)
