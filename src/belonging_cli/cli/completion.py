"""`belonging completion bash|zsh|fish`: the shell's completion script, from click.

The script calls `belonging` back with `_BELONGING_COMPLETE` set; click answers
from the same command definitions that parse the command line, so completion
never disagrees with what the commands accept.
"""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")
COMPLETE_VAR = "_BELONGING_COMPLETE"


@click.command("completion")
@click.argument("shell", metavar="SHELL", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the completion script for SHELL (bash, zsh or fish).

    \b
    Install it, e.g. for bash:
      belonging completion bash > ~/.local/share/bash-completion/completions/belonging
    zsh:  belonging completion zsh > "${fpath[1]}/_belonging"
    fish: belonging completion fish > ~/.config/fish/completions/belonging.fish
    """
    from belonging_cli.cli.app import app  # the root group (this module is loaded by it)

    found = get_completion_class(shell)
    assert found is not None  # every choice is one of click's shells
    click.echo(found(app, {}, "belonging", COMPLETE_VAR).source())
