"""The ``marsad`` command line: commands (``commands``) and the terminal report (``report``)."""
from marsad.cli.commands import main

__all__ = ["main"]
