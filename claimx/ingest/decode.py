"""From a path (or ``-``) to decoded text: opening, encodings, refusing binary data.

``read_bytes`` and ``decode`` are separate so that a command reading many files
can reuse them one file at a time and turn each ``ClaimxError`` into an error
record instead of stopping.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from dataclasses import dataclass

from ..errors import ContentError, InputError

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

# Control characters other than tab, newline, vertical tab, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
BINARY_SAMPLE = 65536  # characters looked at for the share of control characters
BINARY_SHARE = 0.10  # more control characters than this and it is not text

# The longest article body read, in characters: spaCy's default nlp.max_length.
DEFAULT_MAX_CHARS = 1_000_000
# Room for a byte-order mark and a front-matter header on top of the body's bytes.
HEADER_BYTES = 65_536
READ_CHUNK = 1 << 20


def byte_budget(max_chars: int) -> int:
    """The most bytes a body of ``max_chars`` characters can take (4 a character, as in
    UTF-8 and UTF-32) plus a header: a larger input is refused before it is read whole."""
    return 4 * max_chars + HEADER_BYTES


def _too_long(size: str, max_chars: int, source: str) -> ContentError:
    return ContentError(f"too long: {size} bytes, over the limit of {max_chars:,} characters "
                        "(--max-chars changes it)", source=source)


def _refuse_by_size(handle, limit: int, max_chars: int, source: str) -> None:
    """A regular file (or standard input redirected from one) larger than ``limit``: refused unread."""
    try:
        info = os.fstat(handle.fileno())
    except (OSError, ValueError):  # no file descriptor (a test's stdin): count while reading
        return
    if stat.S_ISREG(info.st_mode) and info.st_size - handle.tell() > limit:
        raise _too_long(f"{info.st_size - handle.tell():,}", max_chars, source)


def _latin1_for_undefined(exc: UnicodeDecodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; Latin-1 maps every byte.
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


codecs.register_error("claimx-latin1", _latin1_for_undefined)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "UTF-8", "UTF-16", "UTF-32" or "Windows-1252"
    warnings: tuple[str, ...] = ()


def _read_at_most(handle, limit: int) -> bytes:
    """Up to ``limit + 1`` bytes, in chunks (a pipe gives no size up front)."""
    chunks, got = [], 0
    while got <= limit:
        chunk = handle.read(min(READ_CHUNK, limit + 1 - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def read_bytes(path: str, max_chars: int | None = DEFAULT_MAX_CHARS) -> bytes:
    """The raw bytes of a file, or of standard input for ``-``; InputError (exit 3) when
    the file cannot be opened.

    An input larger than ``byte_budget(max_chars)`` is refused with a ContentError
    (exit 4) without being read whole (a regular file by its size, a pipe once that many
    bytes have come), so a huge file never fills memory.  ``max_chars=None``: no limit.
    """
    limit = None if max_chars is None else byte_budget(max_chars)
    if path == "-":
        if limit is None:
            return sys.stdin.buffer.read()
        _refuse_by_size(sys.stdin.buffer, limit, max_chars, "-")
        data = _read_at_most(sys.stdin.buffer, limit)
        if len(data) > limit:
            raise _too_long(f"more than {limit:,}", max_chars, path)
        return data
    try:
        with open(path, "rb") as handle:
            if limit is None:
                return handle.read()
            _refuse_by_size(handle, limit, max_chars, path)
            data = _read_at_most(handle, limit)  # a pipe or device: its size says nothing
            if len(data) > limit:
                raise _too_long(f"more than {limit:,}", max_chars, path)
            return data
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", source=path) from None


def refuse_binary(text: str, source: str) -> None:
    """ContentError (exit 4) for text that is really binary data."""
    if "\x00" in text:
        raise ContentError("binary data (NUL bytes), not a text article", source=source)
    sample = text[:BINARY_SAMPLE]
    share = len(CONTROL.findall(sample)) / len(sample) if sample else 0.0
    if share > BINARY_SHARE:
        raise ContentError(f"binary data ({share:.0%} control characters), not a text article",
                           source=source)


def decode(data: bytes, source: str) -> Decoded:
    """Decode an input's bytes.

    A byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is not part of
    the text); otherwise UTF-8, and when that fails Windows-1252 with a warning
    (Latin-1 for the five bytes Windows-1252 leaves undefined, so it never fails).
    Binary data is refused.
    """
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ContentError(
                    f"undecodable: starts with a {name} byte-order mark but is not valid {name} "
                    f"({exc.reason} at byte {exc.start})", source=source) from None
            refuse_binary(text, source)
            return Decoded(text, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="claimx-latin1")
        refuse_binary(text, source)
        return Decoded(text, "Windows-1252", (
            f"not UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}): read as Windows-1252",))
    refuse_binary(text, source)
    return Decoded(text, "UTF-8")
