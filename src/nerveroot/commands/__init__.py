"""Command groups of the CLI: each module here has `register(app: typer.Typer) -> None`."""
