"""Entry point of the packaged program (PyInstaller): the same `trygghetspris` command.

No arguments open the window; a subcommand works headless, as with the installed
console script.
"""

from __future__ import annotations

import os
import sys


def _ensure_std_streams() -> None:
    """Give a windowed Windows executable somewhere to print.

    A ``console=False`` exe on Windows starts with ``sys.stdout``/``sys.stderr`` set to None,
    and any print (argparse's usage, a warning) would raise. The window needs no console,
    so output goes to the null device; scripts use ``trygghetspris-cli.exe`` instead.
    """
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _ensure_std_streams()
    from trygghetspris_desktop.cli import main

    raise SystemExit(main())
