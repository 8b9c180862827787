"""The command line (minimal first cut; the full CLI replaces this)."""
from __future__ import annotations

import json
import sys

import typer

from .errors import ClaimxError

app = typer.Typer(add_completion=False, no_args_is_help=True)


@app.callback()
def _main() -> None:
    """claimx: who claimed what, when and where, in news stories."""


@app.command()
def extract(path: str, published: str = typer.Option(None), model: str = typer.Option(None),
            format: str = typer.Option("json")) -> None:
    """Extract claims from one article."""
    from .extractor import Extractor
    from .ingest import read_article

    try:
        article = read_article(path, published=published)
        record = Extractor(model).extract_article(article)
    except ClaimxError as exc:
        typer.echo(f"claimx: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    app()
