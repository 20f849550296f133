"""`belonging journal passphrase`: set, change or take away the encrypted journal's
passphrase. Only `journal.db.crypt` is rewritten (journal/crypt/convert.rewrap): the key
stays, so the recovery key, a key file, the keyring entry and every backup still open it.
"""

from __future__ import annotations

import click

from belonging_cli.cli.journal_crypt import is_encrypted, key_routes, new_passphrase
from belonging_cli.cli.options import pass_settings
from belonging_cli.cli.output import info
from belonging_cli.errors import JournalError, UsageProblem
from belonging_cli.settings import Settings


@click.command("passphrase")
@click.option(
    "--remove",
    is_flag=True,
    help="Take the passphrase away (the key file or keyring entry still opens it).",
)
@pass_settings
def passphrase(settings: Settings, remove: bool) -> None:
    """Set or change the passphrase of the encrypted journal (asked at a terminal).

    The journal's key stays the same, so its recovery key, key file, keyring entry and
    backups go on opening it. Its current key is asked as for any command.
    """
    from belonging_cli.journal.crypt import convert, finding, keys, sidecar
    from belonging_cli.journal.crypt.opening import key_for

    path = settings.journal_path
    if not path.exists() or not is_encrypted(path):
        raise JournalError(
            f"the journal {path} is not encrypted",
            hint="`belonging journal encrypt` encrypts it with a passphrase",
        )
    if not remove and not finding.at_terminal():
        raise UsageProblem("journal passphrase asks for the new passphrase at a terminal")
    try:
        before = sidecar.read(path)
    except sidecar.Damaged:
        before = None
    if remove:  # what is refused, refused before the key is asked
        if before is not None and before.passphrase is None:
            info(f"The journal {path} has no passphrase; nothing was changed.")
            return
        if len(key_routes(settings)) - (before is not None) < 2:  # the recovery key alone
            raise JournalError(
                "without the passphrase only the recovery key would open the journal; "
                "nothing was changed",
                hint="put the recovery key in a file on another disk and "
                "`belonging config set key_file FILE` first",
            )
    key = key_for(path)
    # A damaged or missing sidecar is written anew: whether the keyring holds the key, asked.
    keyring = before.keyring if before is not None else _in_keyring(key)
    if remove:
        convert.rewrap(path, key, sidecar.KeyInfo(keys.key_id(key), keyring, None))
        info(f"The journal {path} has no passphrase now; {_opened_by(settings)} opens it.")
        return
    chosen = new_passphrase()
    convert.rewrap(path, key, sidecar.KeyInfo(keys.key_id(key), keyring, keys.wrap(key, chosen)))
    had = before is not None and before.passphrase is not None
    others = _opened_by(settings, but_passphrase=True)
    said = f"The passphrase of the journal {path} is {'changed' if had else 'set'}. "
    said += f"Its key is the same: {others} and its backups still open it"
    if had:
        said += (
            ", and so does the old passphrase with an old copy of journal.db.crypt (to shut "
            "every old way out: journal decrypt, then journal encrypt again, a new key)"
        )
    info(said + ".")


def _opened_by(settings: Settings, *, but_passphrase: bool = False) -> str:
    from belonging_cli.cli.journal_crypt import PASSPHRASE_ROUTE

    routes = [r for r in key_routes(settings) if not (but_passphrase and r == PASSPHRASE_ROUTE)]
    if not but_passphrase:
        routes = routes[1:] or routes  # the key file or keyring named, the recovery key known
    return routes[0] if len(routes) == 1 else f"{', '.join(routes[:-1])} and {routes[-1]}"


def _in_keyring(key: bytes) -> bool:
    from belonging_cli.journal.crypt import finding, keys

    try:
        return finding.from_keyring(keys.key_id(key)) == key
    except JournalError:  # no keyring here, or its entry is no key: not kept there
        return False
