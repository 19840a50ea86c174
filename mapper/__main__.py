"""``python -m mapper``: the command line."""

from .cli import main

main()
