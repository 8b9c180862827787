"""Picking the claims from the finders' proposals: join, clip, deduplicate, drop the reported ones.

``select`` is the step a learned scorer replaces: it sees every candidate ``finders.propose``
made, with its features, and keeps the claims.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..docutil import Range, RangeIndex
from .syntax import SENTENCE_ENDS, is_quote_mark, paragraph_gap
from .types import Attribution, Rule


def select(doc: Doc, candidates: list[Attribution], dateline: list[tuple[int, int]]) -> list[Attribution]:
    """The claims among the finders' candidates: the parts of an interrupted quotation joined, contents
    clipped past the dateline (``dateline``: its (start, end) characters), one claim per content, and
    no claim that another's content reports."""
    return rules_choose(doc, prepare(doc, candidates, dateline))


def rules_choose(doc: Doc, prepared: list[Attribution]) -> list[Attribution]:
    """The hand rules' choice among prepared candidates: one claim per content, none another's content reports."""
    return drop_reported_states(deduplicate(prepared), doc)


def prepare(doc: Doc, candidates: list[Attribution], dateline: list[tuple[int, int]]) -> list[Attribution]:
    """The candidates as claims read them: interrupted quotations joined, contents clipped past the dateline
    (the steps a trained scorer shares with the hand rules, before choosing)."""
    return clip_datelines(doc, join_interrupted_quotes(doc, candidates), dateline)


def join_interrupted_quotes(doc: Doc, found: list[Attribution]) -> list[Attribution]:
    """ "“A,” she said, “B.”": one quoted sentence broken by its own attribution is one claim.

    Both parts carry the same cue; the frame between them opens with a comma after
    the first part and closes with a comma or colon before the second, with no
    sentence end or paragraph break in it.
    """
    by_cue: dict[Range, list[Attribution]] = {}
    for a in found:
        if a.kind == "direct" and a.cue is not None and not a.segments:
            by_cue.setdefault(a.cue, []).append(a)
    dropped: set[int] = set()
    for cue, parts in by_cue.items():
        before = [a for a in parts if a.content[1] <= cue[0]]
        after = [a for a in parts if a.content[0] >= cue[1]]
        if not before or not after:
            continue
        first = max(before, key=lambda a: a.content[1])
        second = min(after, key=lambda a: a.content[0])
        # The second part must say no one else's words: same speaker or none named.
        if second.source is not None and first.source is not None and second.source != first.source:
            continue
        if not interrupted_frame(doc, first.content[1], second.content[0]):
            continue
        first.segments = [first.content, second.content]
        first.content = (first.content[0], second.content[1])
        dropped.add(id(second))
    return [a for a in found if id(a) not in dropped]


def interrupted_frame(doc: Doc, end: int, start: int) -> bool:
    """Whether the tokens between two quoted parts are only ", she said," (no sentence end, no break)."""
    gap = [t for t in doc[end:start] if not t.is_space and not is_quote_mark(t)]
    # "“A,” she said": the first part stops on a comma, inside or outside its quote mark.
    if not (end > 0 and doc[end - 1].text == ",") and not (gap and gap[0].text == ","):
        return False
    if not gap or gap[-1].text not in (",", ":"):
        return False
    if any(t.text in SENTENCE_ENDS for t in gap) or paragraph_gap(doc, end, start):
        return False
    return len(gap) <= 12  # a frame is a short speaker-and-verb phrase, not a new clause


def clip_datelines(doc: Doc, found: list[Attribution], ends: list[tuple[int, int]]) -> list[Attribution]:
    """Content never starts with a dateline ("PORT HALDEN, June 3 (Wire) - ..."); ``ends``: its (start, end) chars."""
    if not ends:
        return found
    for a in found:
        a.content = clip_range(doc, a.content, ends) or a.content
        if a.source is not None:
            a.source = clip_range(doc, a.source, ends)
    return found


def clip_range(doc: Doc, r: Range, ends: list[tuple[int, int]]) -> Range | None:
    """The part of a token range after a dateline it starts in (None if nothing is left).

    A range that starts before the dateline (a headline above it) is left alone.
    """
    start, end = r
    for start_char, end_char in ends:
        if start_char <= doc[start].idx < end_char:
            while start < end and doc[start].idx < end_char:
                start += 1
    return (start, end) if start < end else None


def deduplicate(found: list[Attribution]) -> list[Attribution]:
    """One claim per content: the most confident rule wins a tie on the same span."""
    best: dict[Range, Attribution] = {}
    for a in found:
        kept = best.get(a.content)
        if kept is None or a.confidence > kept.confidence:
            best[a.content] = a
    ordered = sorted(best.values(), key=lambda a: (a.content[0], -a.content[1]))
    out: list[Attribution] = []
    # Claims kept, by cue and source, then by content: a scan over every claim per claim was quadratic.
    kept: dict[tuple, RangeIndex] = {}
    for a in ordered:
        # Same cue and source, nested content: one claim, the widest reading.
        same = kept.setdefault((a.cue, a.source), RangeIndex())
        # A content holding a non-empty one holds its first token.
        holders = same.containing(a.content[0]) if a.content[0] < a.content[1] \
            else same.candidates(a.content[0] - 1, a.content[1] + 1)
        if any(o.content[0] <= a.content[0] and a.content[1] <= o.content[1] for o in holders):
            continue
        out.append(a)
        same.add(a.content, a)
    # Overlapping cues, same source ("rejected" / "rejected the claim that ..."): the
    # narrower content is the more specific reading of the same attribution.
    cues: dict[Range | None, RangeIndex] = {}  # by source, then by cue
    for o in out:
        if o.cue is not None:
            cues.setdefault(o.source, RangeIndex()).add(o.cue, o)
    return [a for a in out if not (a.cue is not None and a.source in cues and any(
        o is not a and o.cue and a.cue and o.cue != a.cue
        and o.cue[0] < a.cue[1] and a.cue[0] < o.cue[1]
        and a.content[0] <= o.content[0] and o.content[1] <= a.content[1]
        for o in cues[a.source].candidates(*a.cue)))]


# Cue classes that, inside another claim's content, are part of what that claim reports
# ("he said he thinks X", "officials said voters want X", "she said Smith praised X"): a
# belief, a request, a finding or a stance reported by someone is their statement's
# content, not a second attribution. Speech inside a source marker's claim stays two claims
# ("According to TASS, Ryabkov confirmed X"); inside a reporting verb's, see retold_speech.
REPORTED_CLASSES = {"belief", "directive", "evidence", "stance"}


def drop_reported_states(found: list[Attribution], doc: Doc | None = None) -> list[Attribution]:
    """Drop belief, directive and evidence claims whose cue lies inside another claim's content,
    and speech a reporting verb's content retells ("he said Smith had told him X")."""
    contents = RangeIndex((o.content, o) for o in found)  # a scan over every claim per claim was quadratic

    def holders(cue: Range) -> list[Attribution]:
        # A content holding a cue holds its first token; an empty cue (none is) is checked against all.
        return contents.containing(cue[0]) if cue[0] < cue[1] else found

    return [a for a in found if not (
        a.cue is not None
        and any(o is not a and o.cue != a.cue and o.content[0] <= a.cue[0] and a.cue[1] <= o.content[1]
                and (a.cue_class in REPORTED_CLASSES or retold_speech(doc, a, o))
                for o in holders(a.cue)))]


def retold_speech(doc: Doc | None, inner: Attribution, outer: Attribution) -> bool:
    """Speech inside what a reporting verb reports is part of that report (PolNeAR marks one claim).

    A source marker or document ("According to TASS, Ryabkov confirmed X") frames a claim
    rather than retelling one, a stance ("dismissed", "praised") judges rather than retells,
    and ", saying X" continues the outer speaker's own words.
    """
    if not (doc is not None and inner.cue_class == "speech" and outer.cue_class == "speech"
            and inner.rule in (Rule.REPORTING_VERB, Rule.CUE_NOUN, Rule.THAT_CLAUSE)
            and outer.rule == Rule.REPORTING_VERB and inner.cue is not None and outer.cue is not None):
        return False
    cue = doc[inner.cue[0]]
    return not (cue.tag_ == "VBG"
                # "praised the senator who said X": a relative clause describes a participant, it is not retold
                or cue.dep_ == "relcl"
                # "repeated the mayor's claim that X": the outer verb acts on the claim, whose holder stays
                or (cue.head.i in range(*outer.cue) and cue.dep_ in ("dobj", "pobj")))
