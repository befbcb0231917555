"""`python -m nerveroot` runs the command line."""

from nerveroot.cli import main

main()
