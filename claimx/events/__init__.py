"""Reported events: what happened, where and when, and the claims that report it.

Pure functions over a parsed Doc (``claimx_events`` runs them): ``triggers`` (which
words name an event), ``places`` (the place mentions), ``ties`` (a place to its
event), ``dating`` (an event's own date) and ``story`` (the whole pass, as plain
data).  Their data is ``models/events/`` (``EventLexicon``).
"""
from .lexicon import EventLexicon
from .story import find_events

__all__ = ["EventLexicon", "find_events"]
