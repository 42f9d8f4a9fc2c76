"""`catena completion bash|zsh|fish`: print a shell completion script.

The scripts are generated from the same argparse parser that reads the command line
(by shtab), so every command and option completes as it is, without a second list to
keep in step. Install by saving the output where the shell looks, e.g.
``catena completion bash > ~/.local/share/bash-completion/completions/catena``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK = 0
SHELLS = ("bash", "zsh", "fish")


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description="Print a completion script for SHELL on standard output. Examples: "
        "catena completion bash > ~/.local/share/bash-completion/completions/catena; "
        "catena completion zsh > ~/.zfunc/_catena; "
        "catena completion fish > ~/.config/fish/completions/catena.fish",
    )
    p.add_argument("shell", choices=SHELLS, help="the shell to complete in")
    # The commands are read when the script is printed, after every module has added
    # its own: the same action the real parser dispatches on, not a copy (and no import
    # of desktop.cli.main, which imports this module).
    p.set_defaults(completed_commands=sub, completed_common=common)


def completion_script(
    shell: str,
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    common: argparse.ArgumentParser,
) -> str:
    """The completion script for *shell*: ``catena``, its options and *commands*."""
    import shtab

    root = argparse.ArgumentParser(prog="catena", parents=[common])
    root._add_action(commands)
    return str(shtab.complete(root, shell=shell))


def cmd_completion(_catalogue: Path | str, args: argparse.Namespace) -> int:
    """Print the script; no catalogue is opened (a folder command)."""
    script = completion_script(args.shell, args.completed_commands, args.completed_common)
    sys.stdout.write(script)
    return EXIT_OK


COMMANDS: dict[str, object] = {}
FOLDER_COMMANDS = {"completion": cmd_completion}
