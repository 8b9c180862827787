"""Where a batch writes: a JSON Lines file (resumable) or standard output.

Every chunk's lines go out in one ``write`` call the moment the chunk is
done, so a run that is killed leaves only whole lines behind, except in
the rare case of a short write (a full disk), which ``--resume`` repairs:
a last line with no newline is cut off before appending.
"""
from __future__ import annotations

import json
import os
import sys

from ..errors import OutputError, UsageError


def scan_done(path: str) -> tuple[set[str], int]:
    """The sources already in an output file, and the size of its whole lines.

    A trailing fragment (a line with no newline, left by a killed run) is not
    counted; lines that are not JSON objects with a ``source`` are ignored.
    """
    done: set[str] = set()
    good = 0
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return done, 0
    except IsADirectoryError:
        raise OutputError("is a directory, not a file", source=path) from None
    except OSError as exc:
        raise OutputError(f"cannot read: {exc.strerror or exc}", source=path) from None
    with handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            good += len(line)
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict) and isinstance(obj.get("source"), str):
                done.add(obj["source"])
    return done, good


class FileSink:
    """Appends lines to a file; with ``resume`` the file is kept (less any fragment),
    otherwise it is started afresh."""

    def __init__(self, path: str, *, resume: bool):
        self.path = path
        self.done: set[str] = set()
        if os.path.isdir(path):
            raise OutputError("is a directory, not a file", source=path)
        good = 0
        if resume:
            self.done, good = scan_done(path)
        try:
            self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
            if resume:
                if os.fstat(self.fd).st_size > good:
                    os.truncate(path, good)  # a half-written last line from a killed run
            else:
                os.ftruncate(self.fd, 0)
        except FileNotFoundError:
            raise OutputError("cannot write: no such directory", source=path) from None
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=path) from None

    def write(self, text: str) -> None:
        data = text.encode("utf-8", "surrogateescape")
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view):]
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", source=self.path) from None

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class StdoutSink:
    """Writes lines to standard output, flushed chunk by chunk (``claimx batch ... | jq``)."""

    path = "-"

    def __init__(self, *, resume: bool = False, stream=None):
        if resume:
            raise UsageError("needs an output file (-o OUT.jsonl), not standard output", source="--resume")
        self.done: set[str] = set()
        self.stream = stream or sys.stdout.buffer

    def write(self, text: str) -> None:
        self.stream.write(text.encode("utf-8", "surrogateescape"))
        self.stream.flush()

    def close(self) -> None:
        pass


def open_sink(path: str, *, resume: bool):
    return StdoutSink(resume=resume) if path == "-" else FileSink(path, resume=resume)
