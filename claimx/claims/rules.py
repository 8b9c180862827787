"""Attribution rules over a parsed Doc: small functions, one job each.

Every finder returns ``Attribution`` objects holding token ranges; the claims
component turns them into plain data.  Each filter carries a one-line *why*.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..docutil import Range, sentence_range
from ..paragraphs import is_paragraph_break
from .cues import Cue, CueLexicon
from .quotes import Quote


SUBJECT_DEPS = ("nsubj",)
# Dependents that belong to a speaker's mention on the right of its head
# ("spokesman for the ministry", "AFP and TASS"); appositions and relative
# clauses are left out so the mention stays a name or a description.
MENTION_RIGHT_DEPS = {"compound", "flat", "nummod", "amod", "conj", "cc", "prep", "acl", "nmod", "case", "pobj"}
CLAUSE_MARKS = lexicon.words("claims/clause_marks.txt")
AGENT_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
AGENT_PRONOUNS = lexicon.words("claims/agent_pronouns.txt")


@dataclass
class Attribution:
    """One claim found by a rule, as token ranges into the Doc."""

    content: Range
    cue: Range | None
    cue_class: str | None
    source: Range | None
    confidence: float
    rule: str
    kind: str = "indirect"
    segments: list[Range] | None = None  # the quoted parts of a content interrupted by its cue

    def overlaps(self, other: Range) -> bool:
        return self.content[0] < other[1] and other[0] < self.content[1]


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation mapped onto tokens: ``inner`` excludes the quote marks."""

    quote: Quote
    outer: Range
    inner: Range


# ---------------------------------------------------------------- helpers

def tokens_at(doc: Doc, positions: Iterable[int] | None) -> Iterable[Token]:
    """The Doc's tokens, or only those at the given positions (a TokenFinder's shortlist)."""
    return doc if positions is None else (doc[i] for i in positions)


def is_quote_mark(token: Token) -> bool:
    """A quotation mark, not the apostrophe of "workers' union"."""
    return token.is_quote and token.tag_ != "POS"


def is_filler(token: Token) -> bool:
    """Punctuation, space and quote marks: never the edge of a content span."""
    return token.is_punct or token.is_space or token.is_quote


def trim(doc: Doc, span: Range, *, drop_marks: bool = True) -> Range:
    """Shrink a range past fillers, and past a leading complementiser such as "that"."""
    start, end = span
    while start < end and (is_filler(doc[start]) or doc[start].lower_ in ("and", "but")
                           or (drop_marks and doc[start].lower_ in CLAUSE_MARKS and doc[start].dep_ == "mark")):
        start += 1
    while end > start and (is_filler(doc[end - 1]) or doc[end - 1].dep_ == "cc"):
        end -= 1
    return start, end


def subtree_range(token: Token) -> Range:
    return token.left_edge.i, token.right_edge.i + 1


def clause_mark(clause: Token, words: Iterable[str] | None = None) -> Token | None:
    """The clause's subordinator ("that", "whether", "as" ...) when it is one of ``words`` (any without)."""
    return next((c for c in clause.children if c.dep_ == "mark" and (words is None or c.lower_ in words)), None)


def has_clause_mark(token: Token) -> bool:
    return clause_mark(token, CLAUSE_MARKS) is not None


def has_to_infinitive(verb: Token) -> bool:
    """ "to widen", "to step up": the verb carries an infinitive "to"."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


def is_agent(token: Token, role_nouns: frozenset[str]) -> bool:
    """Whether a subject can be a source: a name, a pronoun or a person-like noun."""
    if token.ent_type_ in AGENT_ENTS or token.pos_ == "PROPN":
        return True
    if token.lower_ in AGENT_PRONOUNS:
        return True
    return token.lemma_.lower() in role_nouns


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The verb's speaker: its subject, its passive agent, or that of the verb it extends."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # The subject nearest the verb: a dateline ("LONDON (Reuters) - Ortiz said") can
        # be parsed as a second subject further away.  A relative "who" stays the mention;
        # the speaker resolver finds its antecedent.
        before = [c for c in subjects if c.i < verb.i]
        return before[-1] if before else subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    # "X said A and added B", "..., saying B", "X wants to say": the subject is the head's.
    # "went on to discuss X", "came to talk about X": an infinitive of purpose shares it too;
    # "is determined to warn": so does the adjective that governs the infinitive.
    if depth < 2 and verb.head.i != verb.i and (
            verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
            # "Having announced that ..., Judge Lund went on": a perfect participle too.
            or (verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(c.lower_ == "having" for c in verb.children))
            or (verb.dep_ == "advcl" and verb.tag_ == "VB" and has_to_infinitive(verb))
            or (verb.pos_ == "ADJ" and verb.dep_ == "acomp")):
        if verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        return subject_of(verb.head, depth + 1)
    # "began by saying", "was booed after telling": the gerund after a preposition is the doer's,
    # who is the passive verb's subject, not its agent.
    # "were interpreted as implying": an "as" gerund says what a thing was taken for, not who spoke.
    if depth < 2 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
            and verb.head.lower_ != "as" and verb.head.head.pos_ in ("VERB", "AUX"):
        governor = verb.head.head
        target = next((c for c in governor.children if c.dep_ == "dobj" and c.i < verb.i), None)
        if verb.head.lower_ == "for" and target is not None:
            return target  # "criticized Brandt for saying": the one blamed or praised did the saying
        passive = next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
        # the governor's own chain gets the full depth: "will try to win ... by citing X"
        return passive if passive is not None else subject_of(governor, depth)
    # "Ortiz listed X, denounced Y and said Z": a fronted clause the parser made
    # subordinate still carries the shared subject.
    fronted = next((c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
                    and any(s.dep_ == "nsubj" for s in c.children)), None)
    if fronted is not None and depth < 2:
        return next(s for s in fronted.children if s.dep_ == "nsubj")
    # "Brennan is the only member to have vowed ...": the infinitive's doer is the
    # noun it describes, and that noun's subject when it is a predicate.
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        noun = verb.head
        if noun.dep_ == "attr":
            return next((c for c in noun.head.children if c.dep_ == "nsubj"), noun)
        return noun
    return None


def reporter_of_hung_cue(verb: Token, subject: Token | None, role_nouns: frozenset[str]) -> Token | None:
    """ "X said he would A and warned B", "X said it was A, citing B": the second cue is X's.

    The parser hangs the second cue on the reported clause's verb, so it inherits that
    clause's subject; when that subject is a pronoun for X, or no one who could speak
    ("analysts said factors contributed, citing B"), the speaker is the reporter X.
    """
    if subject is None or verb.dep_ not in ("conj", "advcl") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return subject
    clause = verb.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or not (clause.left_edge.i <= subject.i <= clause.right_edge.i):
        return subject  # the inherited subject is not the reported clause's
    reporter = next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and c.i < clause.head.i), None)
    if reporter is None or not is_agent(reporter, role_nouns):
        return subject
    if not is_agent(subject, role_nouns):
        return reporter  # "he said the base went into collect mode and said ...": the base says nothing
    # A pronoun inside for a name outside ("Smith said he would A and warned B"); a pronoun
    # reporter names no one better than the inner pronoun.
    return reporter if subject.lower_ in AGENT_PRONOUNS and reporter.lower_ not in AGENT_PRONOUNS else subject


def causee_of(verb: Token, causatives: frozenset[str]) -> Token | None:
    """ "prompted Okafor to argue", "forced the treasurer to admit": the object does what it is made to.

    Only after a causative verb: "used the comments to urge", "invited Russia to dig up"
    keep the subject as the source.
    """
    if verb.dep_ != "xcomp" or verb.head.i > verb.i or verb.head.lemma_.lower() not in causatives:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def object_governor(token: Token) -> Token:
    """The word an object hangs on: its verb, or for a preposition's object the preposition's head."""
    return token.head.head if token.dep_ == "pobj" else token.head


def author_of_vehicle(verb: Token, subject: Token | None, role_nouns: frozenset[str]) -> Token | None:
    """ "Her office sent out a notice saying X", "the guild bought ads in a bid to persuade Y": the author speaks.

    A cue describing a non-agent noun ("a statement saying", "a campaign to condemn")
    takes that noun as its subject; whoever issued or made the noun is the source.
    """
    if subject is None or verb.dep_ != "acl" or subject.i != verb.head.i or is_agent(subject, role_nouns):
        return subject
    governor = object_governor(subject)
    if subject.dep_ not in ("dobj", "pobj", "attr") or governor.pos_ not in ("VERB", "AUX"):
        return subject
    if any(c.dep_ == "dative" for c in governor.children):
        return subject  # "gave the agency the authority to issue": the giver does not issue
    author = subject_of(governor)
    # Whoever issued it, named or not ("his office", "Forbes" tagged a common noun); a relative
    # pronoun or an expletive names no one better than the noun itself.
    if author is None or author.i == subject.i or author.pos_ not in ("NOUN", "PROPN", "PRON") \
            or author.tag_ in ("EX", "WDT", "WP"):
        return subject
    return author


def mention_range(head: Token, stop: int | None = None) -> Range:
    """The speaker's mention around its head: determiners and modifiers, no relative clause."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in MENTION_RIGHT_DEPS:
            end = max(end, child.right_edge.i + 1)
        elif child.text == ",":
            continue  # kept or cut below, by whether it continues a list
        elif child.dep_ == "appos" and child.left_edge.i == end:
            end = child.right_edge.i + 1  # "Council members Ruth Adler and Marcus Green"
        elif child.dep_ == "appos" and child.ent_type_ and child.ent_type_ == head.ent_type_ \
                and any(t.dep_ == "conj" for t in child.subtree):
            end = max(end, child.right_edge.i + 1)  # "A, B and C" parsed as an apposition
        else:
            break
    if stop is not None:
        end = min(end, stop)
    doc = head.doc
    # A mention never reaches into a quotation or past a comma-led apposition.
    for i in range(head.i + 1, end):
        if is_quote_mark(doc[i]) or (doc[i].text == "," and not continues_list(doc, i, end)):
            end = i
            break
    for i in range(head.i - 1, start - 1, -1):
        if is_quote_mark(doc[i]) or doc[i].text in (",", "—", "(", ":"):
            start = i + 1
            break
    while end > start + 1 and doc[end - 1].tag_ == "POS":
        end -= 1  # "Ortiz's claim": the source is Ortiz
    return trim(doc, (start, end), drop_marks=False)


def continues_list(doc: Doc, comma: int, end: int) -> bool:
    """Whether a comma inside a mention joins a list ("A, B and C") rather than opening an aside."""
    after = doc[comma + 1] if comma + 1 < len(doc) else None
    if after is None:
        return False
    if after.dep_ == "conj" or after.lower_ in ("and", "or"):
        return True
    return after.ent_iob_ == "B" and any(t.lower_ in ("and", "or") for t in doc[comma + 1:end])


def quote_spans(doc: Doc, quotes: Iterable[Quote]) -> list[QuoteSpan]:
    """Map character quotations onto tokens; quotes that split a token are widened."""
    spans = []
    for q in quotes:
        outer = doc.char_span(q.start, q.end, alignment_mode="expand")
        inner = doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if outer is None or inner is None or len(inner) == 0:
            continue
        i0, i1 = inner.start, inner.end
        while i0 < i1 and doc[i0].is_quote:
            i0 += 1
        while i1 > i0 and doc[i1 - 1].is_quote:
            i1 -= 1
        if i1 > i0:
            spans.append(QuoteSpan(q, (outer.start, outer.end), (i0, i1)))
    return spans


def in_quote_index(doc: Doc, quotes: list[QuoteSpan]) -> list[int]:
    """For each token, the index of the quotation it lies in (marks included), or -1."""
    index = [-1] * len(doc)
    for n, q in enumerate(quotes):
        for i in range(*q.outer):
            index[i] = n
    return index


def extend_over_conjoined_that(doc: Doc, span: Range) -> Range:
    """Carry the content on to the end of the sentence when it goes on with "and that ...".

    "refuted the claim that A, and B, and that C": C continues the same reported content.
    """
    start, end = span
    if end <= start or end >= len(doc):
        return span
    sent_end = sentence_range(doc, end - 1)[1]
    for i in range(end, sent_end - 1):
        if doc[i].lower_ in ("and", "or", "but") and doc[i + 1].lower_ == "that" and doc[i + 1].dep_ == "mark":
            end = doc[i + 1].head.right_edge.i + 1
    return start, max(end, span[1])


def content_of(verb: Token, comp: Token, cues: CueLexicon) -> Range:
    """The content a reporting verb governs through its complement clause."""
    start, end = subtree_range(comp)
    mark = clause_mark(comp, CLAUSE_MARKS)
    if mark is not None and mark.i > start:
        # Words the parser hung on the clause before its "that" belong to the frame, not the content.
        start = mark.i
    if comp.i > verb.i:
        # "a wall, which he said Mexico should pay for": the relative word before the cue is not reported.
        start = max(start, verb.i + 1)
        # Conjoined complements ("said that A and that B") belong to the same content.
        for sib in verb.rights:
            if sib.i > comp.i and sib.dep_ in ("conj", "ccomp") and has_clause_mark(sib):
                end = max(end, sib.right_edge.i + 1)
            elif sib.i > comp.i and is_hung_subordinate(sib, end, cues.aside_marks):
                end = max(end, sib.right_edge.i + 1)
        start, end = extend_over_conjoined_that(verb.doc, (start, end))
        end = cut_at_parallel_cue(verb, start, end, cues)
        end = cut_closing_relative(verb.doc, start, end)
        end = cut_at_semicolon(verb.doc, start, end)
        end = cut_closing_concession(comp, start, end, cues.aside_marks)
    else:
        # "A because B, officials said": everything before the attribution's frame is
        # the content, whatever the parser hung where.
        frame = frame_start(verb)
        start = min(start, sentence_range(verb.doc, comp.i)[0])
        end = frame if frame > start else end
        start = past_paragraph_break(verb.doc, start, end)
    return trim(verb.doc, (start, end))


def cut_closing_relative(doc: Doc, start: int, end: int) -> int:
    """ "said he backs the bill, which adds a toll": a comma-led relative clause that closes the
    content is the writer's aside about the last noun, not part of what was said."""
    last = trim(doc, (start, end))[1]
    for i in range(start + 1, last - 1):
        pronoun = doc[i + 1]
        clause = pronoun.head
        if doc[i].text == "," and pronoun.tag_ in ("WDT", "WP", "WP$") and clause.dep_ == "relcl" \
                and start <= clause.head.i < i and clause.right_edge.i + 1 >= last:
            return i
    return end


def cut_at_semicolon(doc: Doc, start: int, end: int) -> int:
    """ "said the delay was an accident; they heard of it only on Monday": a semicolon ends the
    reported clause, and what follows is the writer's own sentence (a quotation is widened back later)."""
    return next((i for i in range(start + 1, end) if doc[i].text == ";"), end)


def cut_closing_concession(root: Token, start: int, end: int, marks: frozenset[str]) -> int:
    """ "said the harvest was its best, although prices stayed low": a comma-led
    concession that closes the content is the writer weighing the claim, not the claim."""
    doc = root.doc
    last = trim(doc, (start, end))[1]
    for clause in root.rights:
        mark = clause_mark(clause, marks)
        comma = clause.left_edge.i - 1
        if clause.dep_ == "advcl" and mark is not None and start < comma and doc[comma].text in (",", "—", "–", "--") \
                and clause.right_edge.i + 1 >= last:
            return comma
    return end


def past_paragraph_break(doc: Doc, start: int, end: int) -> int:
    """ "A.¶“B,” said Lee": a trailing frame after a quotation that opens its own line reports
    that quotation, whatever sentence before it the parser ran on from."""
    breaks = [t.i + 1 for t in doc[start:end - 1] if t.is_space and "\n" in t.text + t.whitespace_
              and is_quote_mark(doc[t.i + 1])]
    return breaks[-1] if breaks else start


def is_hung_subordinate(sib: Token, end: int, aside_marks: frozenset[str] = frozenset()) -> bool:
    """ "said the plan failed, because costs rose": a subordinate clause right after the content
    that the parser hung on the reporting verb gives the reported reason or condition."""
    # "..., as police have said" is a source marker, and ", although ..." the writer's concession.
    mark = clause_mark(sib)
    return sib.dep_ == "advcl" and sib.left_edge.i <= end + 2 and mark is not None \
        and mark.lower_ != "as" and mark.lower_ not in aside_marks


def frame_start(verb: Token) -> int:
    """Where a trailing attribution frame (", officials said", ", said Smith") begins."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i), None)
    first = subject.left_edge.i if subject is not None else verb.i
    doc = verb.doc
    while first > 0 and (doc[first - 1].is_punct or doc[first - 1].is_space):
        first -= 1
    return first


def cut_at_parallel_cue(verb: Token, start: int, end: int, cues: CueLexicon) -> int:
    """ "said A and questioned B", "said A, insisting B": the second cue starts a claim of its own."""
    doc, cue_lemmas = verb.doc, cues.verbs
    for i in range(start + 1, end):
        token = doc[i]
        if token.pos_ == "VERB" and token.dep_ in ("conj", "advcl") and token.tag_ in ("VBD", "VBG", "VBZ") \
                and not any(c.dep_ in SUBJECT_DEPS for c in token.children) \
                and doc[i - 1].lower_ in (",", "and", "but") and token.lemma_.lower() in cue_lemmas:
            return i - 1
        # "said A, while other voters said B": a new speaker with a cue of their own starts a new claim.
        if token.pos_ == "VERB" and token.dep_ in ("conj", "advcl") and token.tag_ in ("VBD", "VBZ", "VBP") \
                and token.lemma_.lower() in cue_lemmas and token.i != verb.i:
            subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS and c.i < token.i), None)
            opener = subject.left_edge.i - 1 if subject is not None else -1
            if opener > start and doc[opener].lower_ in cues.clause_joiners:
                return opener - 1 if doc[opener - 1].text == "," else opener
    return end


def is_nonfinite(verb: Token) -> bool:
    """A participle or infinitive with no auxiliary of its own."""
    return verb.tag_ in ("VBG", "VBN", "VB") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def cue_range(token: Token) -> Range:
    """A cue word with its particle ("point out") so the cue reads as a phrase."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return token.i, end


def source_range(subject: Token | None, cue_start: int) -> Range | None:
    if subject is None:
        return None
    # An expletive "it"/"there" is nobody ("it is said that ...").
    if subject.lower_ == "there":
        return None
    subject = past_dateline(subject)
    stop = cue_start if subject.i < cue_start else None
    return mention_range(subject, stop)


def past_dateline(subject: Token) -> Token:
    """ "MILLBROOK -- Chancellor Vance ... said": the parser took the dateline's place for the subject.

    A capitalised place name followed by a dash opens the story; the name in apposition
    after the dash is who speaks.
    """
    doc = subject.doc
    if subject.i + 1 >= len(doc) or doc[subject.i + 1].text not in DASHES or not subject.is_upper:
        return subject
    # A dateline opens its line in capitals ("NEW YORK --"); "The NAACP -- the oldest ..." is an aside.
    opening = doc[sentence_range(doc, subject.i)[0]:subject.i]
    if not all(t.is_upper or t.is_space or t.is_punct for t in opening):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i + 1), subject)


def attribution_confidence(cue: Cue, source: Range | None, rule_factor: float = 1.0) -> float:
    """Cue confidence, lowered when nobody is named as the source."""
    conf = cue.confidence * rule_factor
    return round(conf if source else conf * 0.75, 3)


# ---------------------------------------------------------------- finders

def verb_attributions(doc: Doc, cues: CueLexicon, in_quote: list[int], role_nouns: frozenset[str],
                      complement_preps: frozenset[str], positions: Iterable[int] | None = None,
                      causatives: frozenset[str] = frozenset()) -> list[Attribution]:
    """Reporting verbs with a complement: "X said (that) ...", "..., X added", "X urged Y to ..."."""
    found = []
    for verb in tokens_at(doc, positions):
        if verb.pos_ not in ("VERB", "AUX") or in_quote[verb.i] >= 0:
            # Reporting verbs inside a quotation are the quoted speaker's words.
            continue
        cue = cues.verbs.get(verb.lemma_.lower())
        head_cue = cues.verbs.get(verb.head.lemma_.lower()) if verb.dep_ == "xcomp" else None
        if cue is not None and head_cue is not None and "raise" not in head_cue.frames:
            continue  # "urged lawmakers to reject the bill": rejecting is what was urged
        generic = cue is None
        if generic:
            cue = generic_cue(verb, cues, role_nouns)
            if cue is None:
                continue
        content = frame_content(verb, cue.frames, complement_preps, cues)
        if content is None and not generic and "clause" in cue.frames and (verb.dep_ == "parataxis" or is_as_frame(verb)):
            content = parataxis_content(verb, cues.aside_marks)
        if content is None and not generic and "clause" in cue.frames:
            content = paragraph_after_colon(verb, in_quote)
        if content is None or content[1] <= content[0]:
            continue
        if content[0] > verb.i:
            content = extend_over_colon(doc, content)
            content = end_at_closing_quote(doc, content, in_quote)
            content = extend_into_opened_quote(doc, content, in_quote)
        cue_span = cue_range(verb)
        # "X seemed ready": appearances have no speaker.
        subject = None if "raise" in cue.frames and not has_ccomp(verb) and not has_dobj(verb) else subject_of(verb)
        subject = reporter_of_hung_cue(verb, subject, role_nouns)
        subject = author_of_vehicle(verb, subject, role_nouns)
        subject = causee_of(verb, causatives) or subject
        if "agent" in cue.frames and (subject is None or not is_agent(subject, role_nouns)):
            continue  # "backed the plan", "decided to run": a position only when a person or body takes it
        if "addressee" in cue.frames and not has_addressee(verb, role_nouns):
            continue  # "pressed on the brake": only pressing someone (for an answer) puts a question
        source = source_range(subject, cue_span[0])
        if source is None or in_quote[source[0]] >= 0:
            source = speaker_after_quote(doc, verb, in_quote, role_nouns) or source
        if source is None and subject is None:
            source = stranded_subject(verb, in_quote, role_nouns)
        if source is None and is_nonfinite(verb) and "raise" not in cue.frames and not fronted_participle_without_source(verb):
            # "remarks interpreted as implying that ...": no one is said to speak.
            continue
        gap = frame_gap(content, verb) if content[0] < cue_span[0] < content[1] else None
        if source and content[0] < source[1] and source[0] < content[1] \
                and not (gap and gap[0][1] <= source[0] and source[1] <= gap[1][0]):
            # A subject inside its own content is a misparse ("X and Y" split); one in the frame between its parts is not.
            continue
        found.append(Attribution(content, cue_span, cue.cls, source,
                                 attribution_confidence(cue, source), "that-clause" if generic else "reporting verb",
                                 segments=gap))
    return found


def extend_into_opened_quote(doc: Doc, content: Range, in_quote: list[int]) -> Range:
    """ "said she remembered asking, “Why ...?”": a quotation whose opening mark the parser
    hung on the content's last word is that word's argument, and part of the content."""
    start, end = content
    i = end
    while i < len(doc) and (doc[i].is_space or doc[i].text in (",", ":")):
        i += 1
    if i >= len(doc) or not is_quote_mark(doc[i]) or in_quote[i] < 0 or not (start <= doc[i].head.i < end):
        return content
    if any(in_quote[j] == in_quote[i] for j in range(start, end)):
        return content  # the content already holds part of that quotation: the mark closes it
    close = i
    while close < len(doc) and in_quote[close] == in_quote[i]:
        close += 1
    return start, close


def end_at_closing_quote(doc: Doc, content: Range, in_quote: list[int]) -> Range:
    """ "saying, “Bread waits for no one,” when a customer teased him": content that opens a quotation
    ends with it; an unquoted clause after the closing mark is the writer's narration."""
    start, end = content
    first = start
    while first < end and (doc[first].is_space or doc[first].is_punct) and in_quote[first] < 0:
        first += 1
    if first >= end or in_quote[first] < 0:
        return content
    close = first
    while close < end and in_quote[close] == in_quote[first]:
        close += 1
    rest = [t for t in doc[close:end] if not is_filler(t)]
    # Only a clause the quotation does not go on into: no further quotation, no second part.
    if close >= end or not rest or any(in_quote[t.i] >= 0 for t in rest):
        return content
    # The quoted words end on their own punctuation (“…,” when): a quoted phrase that the
    # sentence goes on from ("that “top secret” files were found") is part of the content.
    last = close - 1
    while last > first and (is_quote_mark(doc[last]) or doc[last].is_space):
        last -= 1
    return trim(doc, (start, close)) if doc[last].text in (",", ".", "?", "!") else content


def adjective_attributions(doc: Doc, cues: CueLexicon, in_quote: list[int], role_nouns: frozenset[str],
                           complement_preps: frozenset[str], positions: Iterable[int] | None = None) -> list[Attribution]:
    """Stance and belief adjectives said of someone: "X is wary of Y", "X is eager to act", "X is confident that Y"."""
    found = []
    for adjective in tokens_at(doc, positions):
        if adjective.pos_ != "ADJ" or in_quote[adjective.i] >= 0:
            continue
        cue = cues.adjectives.get(adjective.lemma_.lower())
        # Only a predicate ("she is wary of ...") says what its subject holds; "a wary voter" does not.
        if cue is None or adjective.dep_ not in ("acomp", "oprd"):
            continue
        content = frame_content(adjective, cue.frames, complement_preps, cues)
        if content is None and "clause" in cue.frames and (comp := copula_that_clause(adjective)) is not None:
            content = content_of(adjective.head, comp, cues)
        if content is None or content[1] <= content[0]:
            continue
        subject = subject_of(adjective)
        # A stance is held by a person or a body, not by a plan or an expletive "it".
        if subject is None or not is_agent(subject, role_nouns):
            continue
        cue_span = cue_range(adjective)
        source = source_range(subject, cue_span[0])
        if source is None or content[0] < source[1] and source[0] < content[1]:
            continue
        found.append(Attribution(content, cue_span, cue.cls, source, attribution_confidence(cue, source),
                                 "cue adjective"))
    return found


def copula_that_clause(adjective: Token) -> Token | None:
    """ "She was clear that X": the that-clause the parser hung on the copula belongs to the adjective."""
    return next((c for c in adjective.head.children if c.dep_ == "ccomp" and c.i > adjective.i
                 and clause_mark(c, ("that",)) is not None), None)


def paragraph_after_colon(verb: Token, in_quote: list[int]) -> Range | None:
    """ "In a post, she wrote:" and a paragraph break: the next paragraph, unquoted, is what was written."""
    doc = verb.doc
    colon = next((t for t in doc[verb.i + 1:min(len(doc), verb.i + 9)] if t.text == ":"), None)
    # Only a short frame ("added in a statement:"), and the colon must close its paragraph.
    if colon is None or any(t.pos_ in ("VERB", "AUX") or in_quote[t.i] >= 0 for t in doc[verb.i + 1:colon.i]):
        return None
    first, new_paragraph = word_after_colon(doc, colon.i)
    # A quotation after the colon is found by the quote rules, with its own boundaries.
    if first >= len(doc) or not new_paragraph or in_quote[first] >= 0:
        return None
    end = first
    while end < len(doc) and not (doc[end].is_space and is_paragraph_break(doc[end].text)) \
            and not is_paragraph_break(doc[end].whitespace_):
        end += 1
    return trim(doc, (first, min(len(doc), end + 1)))


def word_after_colon(doc: Doc, colon: int) -> tuple[int, bool]:
    """The first word after a colon, and whether a paragraph break comes before it."""
    first = colon + 1
    while first < len(doc) and doc[first].is_space:
        first += 1
    between = doc[colon].whitespace_ + "".join(t.text_with_ws for t in doc[colon + 1:first])
    return first, is_paragraph_break(between)


def extend_over_colon(doc: Doc, content: Range) -> Range:
    """ "promoted a handful of ideas: A, B and C": what follows a colon right after the content spells it out."""
    start, end = content
    colon = end
    while colon < len(doc) and (doc[colon].is_space or is_quote_mark(doc[colon])):
        colon += 1
    if colon + 1 >= len(doc) or doc[colon].text != ":":
        return content
    first, new_paragraph = word_after_colon(doc, colon)
    if first >= len(doc) or new_paragraph:
        return content
    # A quotation after the colon is an attribution of its own; a capitalised word other than a
    # name starts a new sentence that argues on ("...: Most voters disagree").
    if is_quote_mark(doc[first]) or (doc[first].is_title and doc[first].pos_ != "PROPN"):
        return content
    return trim(doc, (start, sentence_range(doc, first)[1]))


def has_addressee(verb: Token, role_nouns: frozenset[str]) -> bool:
    """Someone the verb is put to: a person or body as its object ("pressed her on X"), or
    the one a passive participle speaks of ("when pressed on X", "Pressed about X, she ...")."""
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return True
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    # A personal pronoun object ("pressed him") stands for someone too.
    return obj is not None and (is_agent(obj, role_nouns) or obj.tag_ == "PRP")


def fronted_participle_without_source(verb: Token) -> bool:
    """ "Asked whether X, she said ...", "Warned of a storm, residents fled": a fronted passive
    participle reports words put to the clause's subject by someone not named."""
    # The one asked or warned is the clause's subject; who asked goes unnamed, so the claim has no source.
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "auxpass", "agent") for c in verb.children)


def generic_cue(verb: Token, cues: CueLexicon, role_nouns: frozenset[str]) -> Cue | None:
    """Any verb with an agent subject and a "that" clause states a position ("X introduced that ...")."""
    if verb.lemma_.lower() in cues.not_attribution:
        return None
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and has_clause_mark(c)), None)
    if comp is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # Without someone to hold the position it is narration, not attribution.
    if subject is None or not is_agent(subject, role_nouns):
        return None
    return Cue(verb.lemma_.lower(), "speech", frozenset({"clause"}), 0.5)


def frame_content(verb: Token, frames: frozenset[str], complement_preps: frozenset[str],
                  cues: CueLexicon) -> Range | None:
    """The content a cue verb governs, trying its frames from the most to the least specific."""
    comp = complement_clause(verb)
    if comp is not None and is_bare_frame_before(verb, comp, cues):
        comp = None
    if comp is None and "clause" in frames:
        # "She said reopening the yard would keep ...": a gerund-led clause the parser made an xcomp.
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i), None)
    if comp is None and "clause" in frames:
        # "tweeted that X was ...": a that-clause the parser made adverbial is still what was said;
        # "asked her if X was ...": so is the question a "question" cue puts, not a condition.
        marks = CLAUSE_MARKS if "question" in frames else ("that",)
        comp = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                     and clause_mark(c, marks) is not None), None)
    if comp is None and "clause" in frames:
        comp = unmarked_clause_after(verb)
    if comp is not None and "clause" in frames:
        return content_of(verb, comp, cues)
    if "clause" in frames and (content := stranded_that_clause(verb, cues.nouns)):
        return content
    if "answer" in frames and (content := answer_content(verb, cues.answer_words)):
        return content
    if "objto" in frames and (content := infinitive_content(verb, needs_object=True)):
        return content
    if "to" in frames and (content := infinitive_content(verb)):
        return content
    if "obj" in frames and (content := object_content(verb, complement_preps, cues)):
        return content
    # "sees the treasurer as a peacemaker": a judgement only when the object is cast "as" something.
    if "objas" in frames and has_as_complement(verb) and (content := object_content(verb, complement_preps, cues)):
        return content
    for frame in frames:
        if frame.startswith("prep:") and (content := prepositional_content(verb, frame[5:].split("|"), cues)):
            return content
    if (content := passive_content(verb, frames, complement_preps)) is not None:
        return content
    if "clause" in frames and (content := fragment_before_frame(verb)):
        return content
    if "raise" in frames and not raises_cue(verb, cues.verbs):
        return raised_content(verb)
    return None


def is_bare_frame_before(verb: Token, comp: Token, cues: CueLexicon) -> bool:
    """ "“Done?” she asked, but Tom was dozing, and Ann said yes": a complement before the verb that
    is a cue with its own subject and nothing it says is another speaker's frame, not the content."""
    doc = comp.doc
    before = comp.left_edge.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    # The frame follows its own quotation ("“Done?” she asked"); a clause with "show" or "warn" is content.
    return comp.i < verb.i and comp.lemma_.lower() in cues.verbs and before >= 0 and is_quote_mark(doc[before]) \
        and comp.tag_ in FINITE_TAGS and comp.i - comp.left_edge.i <= 4 \
        and any(c.dep_ in SUBJECT_DEPS for c in comp.children) \
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in comp.children)


def unmarked_clause_after(verb: Token) -> Token | None:
    """ "said after the final she would not renew the lease": a finite clause with a subject of its own
    and no subordinator, which the parser hung on the cue as an adverbial, is what was said."""
    for clause in verb.rights:
        if clause.dep_ != "advcl" or any(c.dep_ in ("mark", "advmod") and c.i < clause.i for c in clause.children):
            continue
        finite = clause.tag_ in FINITE_TAGS or any(a.dep_ == "aux" and a.tag_ in FINITE_TAGS | {"MD"}
                                                   for a in clause.children)
        if finite and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i for c in clause.children):
            return clause
    return None


def fragment_before_frame(verb: Token) -> Range | None:
    """ "Tenors such as Mara, she said.": words before a closing ", he said" frame that the parser hung on
    the cue itself (as a second subject or a modifier) are what was said, clause or not."""
    doc = verb.doc
    subjects = [c for c in verb.lefts if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    subject = subjects[-1]  # the speaker is the one next to the verb
    lo, hi = sentence_range(doc, verb.i)
    comma = subject.left_edge.i - 1
    # The frame closes its sentence: "..., he said." with nothing the verb says after it.
    after = [t for t in doc[verb.i + 1:hi] if not is_filler(t)]
    if comma <= lo or doc[comma].text != "," or after:
        return None
    before = [t for t in doc[lo:comma] if not is_filler(t)]
    # Every word before the frame hangs on the cue: no clause of its own for another rule to read.
    if not before or any(t.pos_ in ("VERB", "AUX") for t in before) \
            or any(t.head.i == verb.i and t.dep_ not in SUBJECT_DEPS + ("npadvmod", "dep", "intj", "advmod", "attr", "dobj")
                   for t in before if t.head.i == verb.i):
        return None
    if not all(verb in t.ancestors for t in before):
        return None
    return trim(doc, (lo, comma))


def complement_clause(verb: Token) -> Token | None:
    """The verb's complement clause; a finite one after the verb wins over one before it.

    "In a note posted after the council voted, Lee said she's happy": the fronted clause
    the parser also made a ccomp is scene-setting, not what was said.
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = next((c for c in comps if c.i > verb.i and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)),
                 None)
    return after if after is not None and comps[0].i < verb.i else (comps[0] if comps else None)


def answer_content(verb: Token, answer_words: frozenset[str]) -> Range | None:
    """ "said yes", "said so", "said the same of Brandt": a word that stands for what was said."""
    word = next((c for c in verb.rights if c.dep_ in ("dobj", "intj", "advmod") and c.lower_ in answer_words), None)
    if word is None:
        return None
    end = word.right_edge.i + 1
    for sib in verb.rights:
        # "the same of Brandt": whom the same is said of belongs to it.
        if sib.i > word.i and sib.dep_ == "prep" and sib.lower_ in ("of", "about"):
            end = max(end, sib.right_edge.i + 1)
    return trim(verb.doc, (word.left_edge.i, end))


def stranded_that_clause(verb: Token, cue_nouns: Mapping[str, Cue] | frozenset[str] = frozenset()) -> Range | None:
    """ "said at a briefing on Monday that she would wait", "told a panel of judges that it was late":
    a that-clause the parser hung on the adjunct's or the addressee's noun."""
    for prep in verb.rights:
        if prep.dep_ not in ("prep", "dobj"):
            continue
        if prep.dep_ == "dobj" and prep.lemma_.lower() in cue_nouns:
            continue  # "refuted the claim that ...": the cue noun carries its own clause
        for token in prep.subtree:
            # A relative "that" is the clause's subject or object; a complementiser "that" is its mark.
            mark = clause_mark(token, ("that",))
            if token.dep_ in ("relcl", "acl") and mark is not None and mark.i < token.i:
                return trim(verb.doc, (mark.i, token.right_edge.i + 1))
    return None


def passive_content(verb: Token, frames: frozenset[str], complement_preps: frozenset[str]) -> Range | None:
    """ "The plan was rejected by voters", "X is seen as Y": a passive cue's subject is what was reported."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.i < verb.i), None)
    if subject is None:
        return None
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    has_as = as_phrase_after(verb, verb.i)
    # Without its "by" agent a passive ("was released on Monday") is mostly narration; an "as"
    # phrase ("is seen as a uniter") still casts a judgement.
    if not has_agent and not (has_as and ("obj" in frames or "objas" in frames)):
        return None
    # Only a cue whose object or clause is what was said: "was hurt" has no content of its own.
    if not ("obj" in frames or ("objas" in frames and has_as) or "clause" in frames):
        return None
    start, end = subtree_range(subject)
    agent = next((c.i for c in verb.children if c.dep_ == "agent"), len(verb.doc))
    for sib in verb.rights:
        # "X is seen as Y", "X was called a liar": the complement belongs to the content,
        # up to the "by" agent, who is the source.
        if sib.i < agent and (sib.dep_ in ("oprd", "xcomp", "acomp")
                              or sib.dep_ == "prep" and sib.lower_ in complement_preps and sib.lower_ != "to"):
            end = max(end, sib.right_edge.i + 1)
    return trim(verb.doc, (start, end))


def has_as_complement(verb: Token) -> bool:
    """An object followed by an "as" phrase ("see X as Y", "cast X as Y")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and as_phrase_after(verb, obj.i)


def as_phrase_after(verb: Token, position: int) -> bool:
    """The verb has an "as" phrase after ``position`` ("is seen as a uniter", "sees X as Y")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > position for c in verb.children)


def has_ccomp(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def has_dobj(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def object_content(verb: Token, complement_preps: frozenset[str], cues: CueLexicon) -> Range | None:
    """ "called the show 'the news show of record'", "accused X of Y", "endorsed Ortiz"."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    start, end = subtree_range(obj)
    end = cut_aside(verb.doc, obj, end)
    for sib in verb.rights:
        # The object's complement belongs to the content; adjuncts of time and place do not.
        # "discuss his book, its title, and her campaign": a second object is a list the parser split.
        if sib.i > obj.i and (sib.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "dobj")
                              or sib.dep_ == "prep" and sib.lower_ in complement_preps):
            end = max(end, sib.right_edge.i + 1)
        elif continues_object(sib, obj, end, cues):
            end = sib.right_edge.i + 1
    return trim(verb.doc, (start, end))


def continues_object(sib: Token, obj: Token, end: int, cues: CueLexicon) -> bool:
    """ "endorsed Ortiz in the mayoral race", "described rude behavior by the host": a phrase (or an
    infinitive) the parser hung on the verb right after the object most often completes the object."""
    # A pronoun object is complete on its own ("thanked them on the night"); a comma ends the phrase.
    if obj.pos_ == "PRON" or sib.left_edge.i != end:
        return False
    if sib.dep_ in ("advcl", "xcomp") and sib.tag_ == "VB" and has_to_infinitive(sib):
        return True  # "defended her pledge to widen the canal": the infinitive completes the noun
    return sib.dep_ == "prep" and not is_setting(sib, cues)


def is_setting(prep: Token, cues: CueLexicon) -> bool:
    """A prepositional phrase that gives the time, place or occasion of the act, not its content."""
    if prep.lower_ in cues.adjunct_preps:
        return True  # "during the debate", "at a rally"
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return True
    if obj.tag_ == "VBG":
        return True  # "by reminding voters that ...": the means, a claim of its own
    if any(t.ent_type_ in SETTING_ENTS for t in obj.subtree):
        return True  # "on Thursday", "in Iowa"
    return obj.lemma_.lower() in cues.occasion_nouns  # "in an interview", "on Twitter"


SETTING_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC"}


ASIDE_DEPS = {"relcl", "appos"}


def cut_aside(doc: Doc, head: Token, end: int) -> int:
    """Where a noun phrase's comma-led aside begins (", who ...", ", which ...", ", the former ..."), else end.

    What was praised or cited is the noun phrase; the writer's aside about it is not.
    """
    for i in range(head.i + 1, end - 1):
        nxt = doc[i + 1]
        aside = nxt if nxt.dep_ in ASIDE_DEPS else nxt.head if nxt.head.dep_ in ASIDE_DEPS and nxt.head.i > i else None
        # A list the parser hung as an apposition ("a platform, opposition to X and reforms") goes on.
        if doc[i].text == "," and aside is not None and not any(c.dep_ == "conj" for c in aside.subtree):
            return i
    return end


def prepositional_content(verb: Token, prepositions: list[str], cues: CueLexicon) -> Range | None:
    """ "talked about X", "called for X", "called on X to do Y": the object of the preposition."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > verb.i), None)
    if prep is None:
        return for_to_clause(verb) if "for" in prepositions else None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    start, end = subtree_range(obj)
    end = cut_aside(verb.doc, obj, end)
    for sib in verb.rights:
        if sib.i > prep.i and sib.dep_ == "xcomp":
            end = max(end, sib.right_edge.i + 1)
        elif continues_object(sib, obj, end, cues):
            end = sib.right_edge.i + 1
    return trim(verb.doc, (start, end))


def for_to_clause(verb: Token) -> Range | None:
    """ "called for the US to step up its efforts": a "for X to Y" clause the parser hung as an adverbial."""
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and clause_mark(c, ("for",)) is not None and has_to_infinitive(c)), None)
    if clause is None:
        return None
    start, end = subtree_range(clause)
    while start < end and verb.doc[start].lower_ == "for":
        start += 1  # the content is what was called for, not the preposition
    return trim(verb.doc, (start, end))


def raises_cue(verb: Token, cue_lemmas) -> bool:
    """ "Ortiz appeared to hint that ...": the complement is a cue of its own, which carries the claim."""
    return any(c.dep_ == "xcomp" and c.i > verb.i and c.lemma_.lower() in cue_lemmas for c in verb.children)


def raised_content(verb: Token) -> Range | None:
    """ "Okafor seemed ready to back down", "Ortiz is expected to win": subject and complement."""
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > verb.i), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if comp is None or subject is None or subject.lower_ in ("it", "there"):
        return None
    return trim(verb.doc, (subject.left_edge.i, comp.right_edge.i + 1))


def infinitive_content(verb: Token, needs_object: bool = False) -> Range | None:
    """ "urged X to do Y" → "X to do Y";  "promised to do Y" → "to do Y"."""
    xcomp = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i
                  and has_to_infinitive(c)), None)
    if xcomp is None:
        return None
    start = xcomp.left_edge.i
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < xcomp.i), None)
    if obj is not None:
        start = obj.left_edge.i
    elif needs_object:
        return None  # "asked not to be named" asks nobody anything
    if start < verb.i:
        return None
    return trim(verb.doc, (start, xcomp.right_edge.i + 1))


def is_as_frame(verb: Token) -> bool:
    """ "As the agency noted, X", "X, as critics point out": an "as" clause frames the clause it hangs on."""
    return verb.dep_ == "advcl" and clause_mark(verb, ("as",)) is not None \
        and not any(c.dep_ == "advmod" and c.lower_ == "as" for c in verb.head.children)  # "as rich as he claims"


def parataxis_content(verb: Token, aside_marks: frozenset[str] = frozenset()) -> Range | None:
    """ "The talks failed, he said": the reporting verb hangs off the content's root."""
    head = verb.head
    if head.i == verb.i:
        return None
    vlo, vhi = subtree_range(verb)
    if head.dep_ in ("nsubj", "nsubjpass") and head.i < vlo and head.head.i >= vhi:
        # "The risk, the ranger told us, is that ...": a frame hung on the subject frames its clause.
        head = head.head
    lo, hi = subtree_range(head)
    if head.dep_ == "advcl" and head.i < vlo and head.head.i >= vhi and has_clause_mark_of_its_own(head):
        # "While the first repair was quick, she said, redoing it would be slow": the frame hangs
        # on the fronted clause, but the main clause after it is what the fronted one leads into.
        lo, hi = subtree_range(head.head)
        return trim(verb.doc, (lo, cut_closing_concession(head.head, vhi, hi, aside_marks)))
    if vlo > head.i:
        return trim(verb.doc, (lo, hi if goes_on_past_frame(verb.doc, vhi, hi) else vlo))
    if vhi <= head.i:
        # "The plan, the mayor said, would cost too much": the subject before the frame is reported too.
        # A fronted adverbial alone ("In the end, he said, ...") is the writer's framing.
        fronted_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < vlo for c in head.children)
        start = lo if lo < vlo and fronted_subject else vhi
        return trim(verb.doc, (start, cut_closing_concession(head, start, hi, aside_marks)))
    return None


def has_clause_mark_of_its_own(clause: Token) -> bool:
    """A subordinate clause with its subordinator and subject ("while the first repair was quick")."""
    return clause_mark(clause) is not None and any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def goes_on_past_frame(doc: Doc, frame_end: int, end: int) -> bool:
    """ "it is wiser, she added, to wait a year": the clause resumes after ", she added,"."""
    # A conjunction or a new sentence after the frame starts something else ("A, he said, and B").
    nxt = next((t for t in doc[frame_end:end] if not t.is_space), None)
    return nxt is not None and not nxt.is_punct and nxt.dep_ != "cc" and doc[frame_end - 1].text == "," \
        and end - nxt.i > 1


def frame_gap(content: Range, verb: Token) -> list[Range] | None:
    """The content's two parts when its own cue's frame interrupts it ("A, he said, B"), else None."""
    lo, hi = subtree_range(verb)
    if not (content[0] < lo and hi < content[1]):
        return None
    return [trim(verb.doc, (content[0], lo)), trim(verb.doc, (hi, content[1]))]


def noun_attributions(doc: Doc, cues: CueLexicon, in_quote: list[int],
                      positions: Iterable[int] | None = None,
                      role_nouns: frozenset[str] = frozenset()) -> list[Attribution]:
    """Cue nouns with their content: "the claim that ...", "his statement that ...", "allegations of ..."."""
    found = []
    for noun in tokens_at(doc, positions):
        if noun.pos_ != "NOUN" or in_quote[noun.i] >= 0:
            continue
        cue = cues.nouns.get(noun.lemma_.lower())
        if cue is None:
            continue
        if "agent" in cue.frames and not has_agent_possessor(noun, role_nouns):
            continue  # "his attacks on X" takes a position; "attacks on X" may be anyone's, or a raid
        content = None
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl")
                       and clause_mark(c, ("that",)) is not None), None)
        if clause is not None and "clause" in cue.frames:
            content = extend_over_conjoined_that(doc, trim(doc, subtree_range(clause)))
        elif "to" in cue.frames and (infinitive := noun_infinitive(noun)) is not None:
            content = trim(doc, subtree_range(infinitive))
        elif prepositions := noun_prepositions(cue.frames):
            prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in prepositions), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if obj is not None:
                content = trim(doc, subtree_range(obj))
        if content is None or content[1] <= content[0]:
            continue
        cue_span, cls, source, conf = noun_source(noun, cue, cues, role_nouns)
        found.append(Attribution(content, cue_span, cls, source, conf, "cue noun"))
    return found


def noun_prepositions(frames: frozenset[str]) -> set[str]:
    """The prepositions whose object is a cue noun's content: "of" and those of its "prep:" frames."""
    found = {"of"} if "of" in frames else set()
    for frame in frames:
        if frame.startswith("prep:"):
            found.update(frame[5:].split("|"))
    return found


def has_agent_possessor(noun: Token, role_nouns: frozenset[str]) -> bool:
    """ "Okafor's attacks on", "her embrace of": the noun belongs to someone who can hold a position."""
    return any(c.dep_ == "poss" and (c.tag_ == "PRP$" or is_agent(c, role_nouns)) for c in noun.children)


def noun_infinitive(noun: Token) -> Token | None:
    """ "her pledge to cut taxes": the infinitive a cue noun governs, the thing promised or urged."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.i > noun.i
                 and has_to_infinitive(c)), None)


def noun_source(noun: Token, cue: Cue, cues: CueLexicon,
                role_nouns: frozenset[str] = frozenset()) -> tuple[Range, str, Range | None, float]:
    """Who holds a cue noun: its possessor, a "by/from" phrase, or the speaker of the verb it is object of."""
    for child in noun.children:
        if child.dep_ == "poss":
            return (noun.i, noun.i + 1), cue.cls, mention_range(child, noun.i), cue.confidence
    for child in noun.children:
        # "Halvorsen claims that ...": a verb tagged as a noun keeps its subject.
        if child.dep_ == "nsubj" and child.i < noun.i:
            return (noun.i, noun.i + 1), cue.cls, mention_range(child, noun.i), cue.confidence
    named = [c for c in noun.lefts if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in AGENT_ENTS)]
    if named:
        # "a Riverton Gazette report that ...": the name before the noun is whose it is.
        span = trim(noun.doc, (named[0].left_edge.i, named[-1].i + 1), drop_marks=False)
        return (noun.i, noun.i + 1), cue.cls, span, cue.confidence
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return (noun.i, noun.i + 1), cue.cls, mention_range(obj), cue.confidence
    verb = noun.head
    verb_cue = cues.verbs.get(verb.lemma_.lower())
    if noun.dep_ == "dobj" and verb_cue is not None and verb_cue.cls in ("speech", "stance"):
        # "Russia has refuted this claim that ...": the verb's subject takes the position.
        source = source_range(subject_of(verb), verb.i)
        return (verb.i, noun.i + 1), verb_cue.cls, source, attribution_confidence(verb_cue, source, 0.85)
    holder = noun_holder(noun, role_nouns, cues.holder_verbs)
    if holder is not None:
        return (noun.i, noun.i + 1), cue.cls, source_range(holder, noun.i), cue.confidence
    return (noun.i, noun.i + 1), cue.cls, None, round(cue.confidence * 0.75, 3)


def noun_holder(noun: Token, role_nouns: frozenset[str], holder_verbs: frozenset[str]) -> Token | None:
    """ "X said in a statement that ...", "X made the suggestion that ...", "X clings to the hope that ...".

    A cue noun that is the object of a verb of making or voicing it (models/claims/
    holder_verbs.txt), directly or through a preposition, is that verb's subject's.
    """
    if noun.dep_ not in ("dobj", "pobj"):
        return None
    governor = object_governor(noun)
    if governor.pos_ == "NOUN" and governor.dep_ == "dobj":
        governor = governor.head  # "raised eyebrows with an assertion that ..."
    # Only a verb of making or voicing it: "investigated the allegation that" holds nothing.
    if governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() not in holder_verbs:
        return None
    subject = subject_of(governor)
    # Only someone who can hold a view: not "the debate with an argument", not an expletive.
    if subject is None or subject.i > noun.i or not (is_agent(subject, role_nouns) or subject.tag_ in ("WP", "WDT")):
        return None
    return subject


def marker_attributions(doc: Doc, cues: CueLexicon, in_quote: list[int],
                        positions: Iterable[int] | None = None) -> list[Attribution]:
    """Source markers: "according to X, ...", "in the words of X, ..."."""
    found = []
    for i in (range(len(doc)) if positions is None else positions):
        if in_quote[i] >= 0:
            continue
        for phrase, cue in cues.markers.items():
            words = phrase.split()
            n = len(words)
            if [t.lower_ for t in doc[i:i + n]] != words:
                continue
            source = marker_source(doc, i + n)
            if source is None:
                continue
            content = marker_content(doc, (i, source[1]))
            if content is None:
                continue
            found.append(Attribution(content, (i, i + n), cue.cls, source,
                                     attribution_confidence(cue, source), "source marker"))
    return found


def hearsay_attributions(doc: Doc, adverbs: frozenset[str], in_quote: list[int],
                         positions: Iterable[int] | None = None) -> list[Attribution]:
    """ "The firm reportedly paid the fine": an adverb that marks its clause as what others say, naming no one."""
    found = []
    for adverb in tokens_at(doc, positions):
        if adverb.lower_ not in adverbs or adverb.dep_ != "advmod" or in_quote[adverb.i] >= 0:
            continue
        clause = adverb.head
        # The adverb must qualify a clause: a verb with its own subject (or one it shares in a chain).
        if clause.pos_ not in ("VERB", "AUX") or subject_of(clause) is None:
            continue
        start, end = subtree_range(clause)
        # "Reportedly, the mayor resigned": a fronted adverb is the cue, not part of what is said.
        content = trim(doc, (adverb.i + 1 if start == adverb.i else start, end))
        if content[1] - content[0] < 3:
            continue
        found.append(Attribution(content, (adverb.i, adverb.i + 1), "speech", None, 0.5, "hearsay adverb"))
    return found


def document_attributions(doc: Doc, documents: frozenset[str], in_quote: list[int],
                          positions: Iterable[int] | None = None,
                          standings: frozenset[str] = frozenset()) -> list[Attribution]:
    """ "In a Gazette poll, Ortiz led Brandt": a poll or study set as the source."""
    found = []
    for prep in tokens_at(doc, positions):
        if prep.lower_ != "in" or prep.dep_ != "prep" or in_quote[prep.i] >= 0:
            continue
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        # Only findings "in" a document: "in the polls", not "in Ohio" or "in May".
        if obj is None or obj.lemma_.lower() not in documents:
            continue
        source = trim(doc, (obj.left_edge.i, obj.right_edge.i + 1), drop_marks=False)
        content = marker_content(doc, (prep.i, source[1]))
        # "has a lead in the polls", "slid in national polls": plural polls after the clause
        # are the race's standing, not a document that says the clause.
        if content is not None and content[0] < prep.i and obj.tag_ in ("NNS", "NNPS") \
                and obj.lemma_.lower() in standings:
            continue
        if content is not None:
            found.append(Attribution(content, (prep.i, prep.i + 1), "evidence", source, 0.6, "source document"))
    return found


def marker_source(doc: Doc, start: int) -> Range | None:
    """The noun phrase right after a marker, up to a comma or the end of the clause."""
    if start >= len(doc):
        return None
    sent_end = sentence_range(doc, start)[1]
    end = start
    while end < sent_end and not (doc[end].is_punct and doc[end].text not in ("-", "'", "’", ".", "&")) \
            and not doc[end].is_quote and not (doc[end].text == "." and end == sent_end - 1):
        end += 1
    head = next((t for t in doc[start:end] if t.head.i < start or t.head.i >= end), None)
    if head is None:
        return None
    # "according to the finance director, Daniel Okafor, ...": the name belongs to the source.
    if end + 2 < sent_end and doc[end].text == "," and doc[end + 1].ent_type_ == "PERSON" \
            and doc[end + 1].ent_iob_ == "B":
        name_end = end + 1
        while name_end < sent_end and doc[name_end].ent_type_ == "PERSON" and (
                name_end == end + 1 or doc[name_end].ent_iob_ == "I"):
            name_end += 1
        if name_end < sent_end and doc[name_end].text == ",":
            end = name_end
    return trim(doc, (start, end), drop_marks=False)


def marker_content(doc: Doc, phrase: Range) -> Range | None:
    """What a marker attributes: the rest of its sentence, on whichever side it stands."""
    sent_start, sent_end = sentence_range(doc, phrase[0])
    before = trim(doc, (sent_start, phrase[0]))
    after = trim(doc, (phrase[1], sent_end))
    if before[1] - before[0] >= 3 and after[1] - after[0] >= 3:
        return trim(doc, (sent_start, sent_end))
    best = after if after[1] - after[0] >= before[1] - before[0] else before
    return best if best[1] - best[0] >= 3 else None


def colon_attributions(doc: Doc, labels: frozenset[str]) -> list[Attribution]:
    """ "White House: Russia to negotiate ..." — a short name, a colon, then what it said."""
    found = []
    for sent in doc.sents:
        colon = next((t for t in sent[:8] if t.text == ":"), None)
        if colon is None or colon.i == sent.start:
            continue
        left = trim(doc, (sent.start, colon.i), drop_marks=False)
        tokens = doc[left[0]:left[1]]
        # A speaker label is a short name: no verb, a capitalised word, not a heading like "Note:".
        if not (1 <= len(tokens) <= 6) or any(t.pos_ in ("VERB", "AUX") for t in tokens):
            continue
        if not (any(t.pos_ == "PROPN" or t.ent_type_ in AGENT_ENTS for t in tokens) or is_capitalised_label(tokens)):
            continue
        if tokens.text.lower() in labels:
            continue
        content = trim(doc, (colon.i + 1, sent.end))
        if content[1] - content[0] < 3:
            continue
        found.append(Attribution(content, (colon.i, colon.i + 1), "speech", left, 0.6, "colon"))
    return found


def is_capitalised_label(tokens: Span) -> bool:
    """ "Ortiz: ...", "Survey: ...": one or two capitalised words, which a headline's tagger often takes for nouns."""
    words = [t for t in tokens if t.is_alpha]
    return 1 <= len(words) <= 2 and len(words) == len(tokens) and all(t.is_title or t.is_upper for t in words)


# ---------------------------------------------------------------- quotes

def absorb_quotes(doc: Doc, found: list[Attribution], quotes: list[QuoteSpan]) -> None:
    """Widen content that ends inside a quotation to the whole quotation, and set its kind."""
    for a in found:
        start, end = a.content
        for q in quotes:
            lo, hi = q.inner
            cue_inside = a.cue is not None and q.outer[0] <= a.cue[0] < q.outer[1]
            if cue_inside or not (start < hi and lo < end):
                continue
            start, end = min(start, lo), max(end, hi)
        a.content = (start, end)
        a.kind = content_kind(doc, a.content, quotes)


def content_kind(doc: Doc, content: Range, quotes: list[QuoteSpan]) -> str:
    """direct: all quoted; mixed: quoted and unquoted words, or a quote after "that"; else indirect."""
    start, end = content
    quoted = [False] * (end - start)
    touched = []
    for q in quotes:
        lo, hi = max(q.outer[0], start), min(q.outer[1], end)
        if lo < hi:
            touched.append(q)
            for i in range(lo, hi):
                quoted[i - start] = True
    if not touched:
        return "indirect"
    unquoted_words = [doc[start + k] for k, flag in enumerate(quoted)
                      if not flag and not is_filler(doc[start + k])]
    if unquoted_words:
        return "mixed"
    first = touched[0].outer[0]
    previous = first - 1
    while previous >= 0 and doc[previous].is_space:
        previous -= 1
    if previous >= 0 and doc[previous].lower_ == "that":
        return "mixed"
    return "direct"


def quote_attributions(doc: Doc, found: list[Attribution], quotes: list[QuoteSpan], cues: CueLexicon,
                       in_quote: list[int], min_floating_words: int,
                       role_nouns: frozenset[str], merge_continuations: bool = False,
                       title_minor: frozenset[str] | None = None) -> list[Attribution]:
    """Quotations no rule covered: tie each to a reporting verb in its sentences, else to the previous speaker."""
    added: list[Attribution] = []
    for q in quotes:
        if any(covers(a.content, q.inner) for a in found + added):
            continue
        if title_minor is not None and is_title(doc, q, title_minor):
            continue  # "on Channel 4's “Morning Round Table”": a name of a show, book or slogan, not speech
        verb = nearest_reporting_verb(doc, q, cues, in_quote) or trailing_frame_verb(doc, q, cues, role_nouns)
        if verb is not None:
            cue = cues.verbs[verb.lemma_.lower()]
            cue_span = cue_range(verb)
            source = source_range(subject_of(verb), cue_span[0])
            if source is None or q.outer[0] <= source[0] < q.outer[1]:
                # The parser took a word inside the quotation as the subject: the speaker
                # is the name between the quotation and its verb ("“…,” Chief Jordan said").
                source = frame_speaker(doc, q, verb, role_nouns) or speaker_after_quote(
                    doc, verb, in_quote, role_nouns) or source
            content = embedding_argument(doc, verb, q) or q.inner
            if content == q.inner and is_single_word(doc, q):
                continue  # a lone quoted word in a sentence with a verb is a scare quote or a name, not a statement
            added.append(Attribution(content, cue_span, cue.cls, source,
                                     attribution_confidence(cue, source, 0.95), "quote",
                                     content_kind(doc, content, [q])))
            continue
        signed = dash_signature(doc, q)
        if signed is not None:
            added.append(Attribution(q.inner, signed[0], "speech", signed[1], 0.8, "quote signature", "direct"))
            continue
        governor = introducing_verb(doc, q, in_quote, role_nouns) or governing_agent_verb(doc, q, in_quote, role_nouns) \
            or framing_verb_after(doc, q, in_quote, role_nouns)
        if governor is not None:
            cue_span = cue_range(governor)
            source = source_range(subject_of(governor), cue_span[0])
            content = embedding_argument(doc, governor, q) or q.inner
            if content == q.inner and is_single_word(doc, q):
                continue  # a lone quoted word the verb governs is a scare quote or a name, not a statement
            added.append(Attribution(content, cue_span, "speech", source, 0.5, "quote",
                                     content_kind(doc, content, [q])))
            continue
        previous = previous_attribution(found + added, q)
        # Quoted words inside a sentence are titles and scare quotes; a statement stands alone.
        if previous is None or not stands_alone(doc, q, min_floating_words):
            continue
        if paragraph_gap(doc, previous.content[1], q.outer[0]) > 1:
            continue
        if merge_continuations and continues(doc, previous, q):
            # "“A,” she said. “B.”" is one statement interrupted by its attribution.
            previous.segments = (previous.segments or [previous.content]) + [q.inner]
            previous.content = (previous.content[0], q.inner[1])
            continue
        added.append(replace(previous, content=q.inner, kind="direct", rule="floating quote", segments=None,
                             confidence=round(previous.confidence * 0.75, 3)))
    return added


# A verb's right dependents that are adjuncts or new clauses, not part of what it says.
NOT_ARGUMENT_DEPS = {"advmod", "npadvmod", "cc", "conj", "punct", "advcl", "parataxis", "mark", "aux"}


def frame_speaker(doc: Doc, q: QuoteSpan, verb: Token, role_nouns: frozenset[str]) -> Range | None:
    """The words between a quotation and the reporting verb after it, when they name someone."""
    if verb.i < q.outer[1]:
        return None
    start, end = trim(doc, (q.outer[1], verb.i), drop_marks=False)
    words = doc[start:end]
    # A short name or description, no verb of its own ("Tulsa police Chief Chuck Jordan").
    if not 1 <= len(words) <= 8 or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VB" for t in words):
        return None
    if not any(is_agent(t, role_nouns) for t in words):
        return None
    return start, end


NOT_SPEAKER_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# Adverbs that may stand between a subject and its verb ("Lund firmly told").
ADVERB_POS = {"ADV", "PART"}


def stranded_subject(verb: Token, in_quote: list[int], role_nouns: frozenset[str]) -> Range | None:
    """A finite cue verb the parser left without a subject: the name it hung elsewhere.

    "Pell, appearing at a dinner in Ashby, never mentioned ..." (Pell parsed as a
    clause of its own), "Speaking at a fair in Dunmore, Nebraska, Dorsey says ..." (Dorsey joined to
    the place): a name attached to the verb by another relation, or the word right
    before the verb when it names someone, is its subject.
    """
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" and c.tag_ in FINITE_TAGS | {"MD"} for c in verb.children)
    # A clause as subject ("Speaking at a fair in Dunmore, ... says") is no speaker; a word subject is one.
    if not finite or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    doc = verb.doc
    lo = sentence_range(doc, verb.i)[0]
    named = [c for c in verb.lefts if c.dep_ in ("advcl", "npadvmod", "dep", "nmod", "appos")
             and c.pos_ in ("PROPN", "NOUN") and is_agent(c, role_nouns) and in_quote[c.i] < 0]
    if named:
        return mention_range(named[-1], verb.i)
    i = verb.i - 1
    if i < lo:
        return None  # the verb opens its sentence: nothing before it to take
    while i > lo and (doc[i].pos_ in ADVERB_POS or doc[i].is_space):
        i -= 1
    before = doc[i]
    if before.pos_ == "NUM" and before.ent_type_ in ("", "CARDINAL", "PERCENT") and in_quote[i] < 0:
        # "About 4 in 10 say", "one in four said": a share of the people asked.
        return trim(doc, (before.left_edge.i, before.i + 1), drop_marks=False)
    if before.text == "," and i - 1 > lo:
        # "Lund, the head of the workers' league, told": from the aside back to the person it describes.
        before = doc[i - 1]
        while before.dep_ in ("appos", "pobj", "prep", "compound") and lo <= before.head.i < before.i:
            before = before.head
        if before.ent_type_ != "PERSON" and before.lemma_.lower() not in role_nouns:
            return None
        i = before.i
    # Only a name or a speaker noun right before the verb, outside any quotation.
    if i < lo or in_quote[i] >= 0 or before.pos_ not in ("PROPN", "NOUN") or not is_agent(before, role_nouns) \
            or before.ent_type_ in NOT_SPEAKER_ENTS:
        return None
    start, end = mention_range(before, verb.i)
    return (start, end) if start <= before.i < end else (before.i, before.i + 1)


def speaker_after_quote(doc: Doc, verb: Token, in_quote: list[int], role_nouns: frozenset[str]) -> Range | None:
    """ "“How big is it?” asked the boy": a cue right after a quotation, its speaker right after it.

    The parser reads the inverted speaker as the verb's object, or as the subject of
    the quotation's second half; the words after the verb name who spoke.
    """
    i = verb.i - 1
    while i >= 0 and (doc[i].is_space or doc[i].text == ","):
        i -= 1
    # After a closing quote mark, or opening its sentence ("Said Ellis: “…”").
    after_quote = i >= 0 and is_quote_mark(doc[i]) and in_quote[i] >= 0
    if not (after_quote or verb.is_sent_start and verb.is_title) or verb.i + 1 >= len(doc):
        return None
    head = doc[verb.i + 1]
    # Walk from the first word to the noun it modifies: "the boy", "Edward Leamer".
    while head.dep_ in ("compound", "det", "amod", "nummod", "poss") and head.head.i > head.i:
        head = head.head
    # Any noun but a time or a number: "asked the boy", "said Tuesday" (no speaker).
    if head.pos_ not in ("NOUN", "PROPN") or in_quote[head.i] >= 0 or head.ent_type_ in NOT_SPEAKER_ENTS:
        return None
    start, end = mention_range(head)
    return max(start, verb.i + 1), end  # the verb the tagger took into the name stays the cue


def embedding_argument(doc: Doc, verb: Token, q: QuoteSpan) -> Range | None:
    """The verb's arguments when a short quotation sits inside them (condemned the test as a "grave threat").

    A quoted fragment is a word of the claim, not all of it: the content is the verb's
    object and complements that hold it. None when the quotation is the whole argument.
    """
    if q.outer[0] <= verb.i:
        return None
    # "as a “turning point.”": the sentence's full stop inside the marks is no word of the argument.
    q_lo, q_hi = trim(doc, q.inner)
    if q_hi <= q_lo:
        return None
    args = [c for c in verb.rights if c.dep_ not in NOT_ARGUMENT_DEPS and not c.is_punct]
    if not any(c.left_edge.i <= q_lo and q_hi <= c.right_edge.i + 1 for c in args):
        return None
    start = min(c.left_edge.i for c in args)
    end = max(c.right_edge.i + 1 for c in args)
    sent_start, sent_end = sentence_range(doc, verb.i)
    start, end = trim(doc, (max(start, sent_start), min(end, sent_end)))
    if start > q_lo or end < q_hi or end - start <= q_hi - q_lo + 1:
        return None
    return start, max(end, q.inner[1]) if end >= q_hi else end


def is_title(doc: Doc, q: QuoteSpan, minor: frozenset[str]) -> bool:
    """A quotation of two or more words in title case, set in running text ("starred in “Parks and Recreation”").

    A quoted statement has lower-case words or ends a sentence; a headline (all in title
    case) may quote speech in title case too, so the words before the quotation must not be.
    """
    words = [t for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha]
    if len(words) < 2 or any(t.text in SENTENCE_ENDS for t in doc[q.inner[0]:q.inner[1]]):
        return False
    if not words[0].is_title and not words[0].is_upper or any(
            not (t.text[0].isupper() or t.lower_ in minor) for t in words):
        return False
    sent_start = sentence_range(doc, q.outer[0])[0]
    before = [t for t in doc[max(sent_start, q.outer[0] - 6):q.outer[0]] if t.is_alpha and t.lower_ not in minor]
    return any(t.text[0].islower() for t in before)


def continues(doc: Doc, previous: Attribution, q: QuoteSpan) -> bool:
    """Whether a quotation picks up the direct quote just before it, right after its attribution."""
    if previous.kind != "direct" or previous.cue is None or previous.content[1] > q.outer[0]:
        return False
    _, sent_end = sentence_range(doc, max(previous.content[1] - 1, previous.cue[0]))
    between = doc[sent_end:q.outer[0]]
    return sent_end <= q.outer[0] and all(t.is_space or t.is_quote for t in between) \
        and paragraph_gap(doc, previous.cue[0], q.outer[0]) == 0


SENTENCE_ENDS = {".", "!", "?"}


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


DASHES = {"—", "―", "–", "--", "-"}


def dash_signature(doc: Doc, q: QuoteSpan) -> tuple[Range, Range] | None:
    """ "“We will win.” ― Jane Smith": a dash after a quotation signs it (cue, source)."""
    i = q.outer[1]
    while i < len(doc) and doc[i].is_space:
        i += 1
    if i + 1 >= len(doc) or doc[i].text not in DASHES:
        return None
    dash = i
    i += 1
    while i < len(doc) and doc[i].is_space:
        i += 1  # "― Jane Smith" with a no-break space after the dash is its own token
    if i >= len(doc):
        return None
    head = doc[i]
    if not (head.pos_ == "PROPN" or head.ent_type_ in AGENT_ENTS):
        return None
    end = i
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_iob_ == "I") and not doc[end].is_punct:
        end += 1
    return (dash, dash + 1), (i, end)


def introducing_verb(doc: Doc, q: QuoteSpan, in_quote: list[int], role_nouns: frozenset[str]) -> Token | None:
    """ "Okafor shot back, “…”", "she went on to say: “…”": a clause ending right before the quote."""
    i = q.outer[0] - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i >= 0 and doc[i].text in (",", ":"):
        i -= 1
    for j in range(i, max(i - 4, -1), -1):
        token = doc[j]
        if in_quote[j] >= 0 or token.is_punct or token.is_sent_start and token.pos_ != "VERB":
            return None
        if token.pos_ == "VERB":
            subject = subject_of(token)
            return token if subject is not None and is_agent(subject, role_nouns) else None
    return None


def framing_verb_after(doc: Doc, q: QuoteSpan, in_quote: list[int], role_nouns: frozenset[str]) -> Token | None:
    """ "“A,” the judge exclaimed, “B.”": a short frame right after a quotation, whatever its verb.

    Someone named, then a finite verb, then the frame ends (a comma, a sentence end or
    the next quotation): the quotation is theirs, not the previous speaker's.
    """
    i = q.outer[1]
    # Only a quotation that runs on into its frame ("“A,” the judge exclaimed"): after a full
    # stop the next sentence is narration ("“We are done.” Prices fell.").
    runs_on = (q.inner[1] > q.inner[0] and doc[q.inner[1] - 1].text == ",") or (i < len(doc) and doc[i].text == ",")
    if not runs_on:
        return None
    end = min(len(doc), i + 9)
    for j in range(i, end):
        token = doc[j]
        # a quotation or a new sentence ends the frame before any verb of its own
        if in_quote[j] >= 0 or token.is_sent_start and j > i:
            return None
        if token.pos_ == "VERB" and token.tag_ in FINITE_TAGS:
            after = doc[j + 1] if j + 1 < len(doc) else None
            # The frame ends at the verb (an adverb or a time may follow): "the judge exclaimed,".
            if after is not None and not (after.is_punct or after.is_space or after.ent_type_ in ("DATE", "TIME")):
                return None
            subject = next((c for c in token.children if c.dep_ == "nsubj" and i <= c.i < j), None)
            # Whoever is named in a frame right after a quotation speaks ("the judge", "Kelly").
            named = subject is not None and (is_agent(subject, role_nouns) or subject.pos_ == "NOUN")
            return token if named and subject.ent_type_ not in NOT_SPEAKER_ENTS else None
    return None


def governing_agent_verb(doc: Doc, q: QuoteSpan, in_quote: list[int], role_nouns: frozenset[str]) -> Token | None:
    """The verb outside a quotation that governs it, when someone is its subject ("he called it “a mess”")."""
    roots = [t for t in doc[q.inner[0]:q.inner[1]] if not (q.outer[0] <= t.head.i < q.outer[1])]
    if not roots:
        return None
    token = roots[0].head
    for _ in range(4):
        if in_quote[token.i] < 0 and token.pos_ == "VERB":
            subject = subject_of(token)
            return token if subject is not None and is_agent(subject, role_nouns) else None
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def is_single_word(doc: Doc, q: QuoteSpan) -> bool:
    """One quoted word inside a sentence ("the “experts”"), not one opening it ("“Yes,” he said")."""
    words = sum(1 for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha)
    return words == 1 and sentence_range(doc, q.outer[0])[0] < q.outer[0]


def stands_alone(doc: Doc, q: QuoteSpan, min_words: int) -> bool:
    """A quotation that is a sentence of its own, or a long stretch of speech."""
    words = sum(1 for t in doc[q.inner[0]:q.inner[1]] if t.is_alpha)
    lo, hi = sentence_range(doc, q.outer[0])[0], sentence_range(doc, q.outer[1] - 1)[1]
    outside = [t for t in doc[lo:hi] if not (q.outer[0] <= t.i < q.outer[1]) and not is_filler(t)]
    return words >= 1 and not outside or words >= 2 * min_words


def covers(content: Range, inner: Range) -> bool:
    """Whether content already holds most of a quotation."""
    lo, hi = max(content[0], inner[0]), min(content[1], inner[1])
    return hi - lo >= 0.5 * (inner[1] - inner[0])


def nearest_reporting_verb(doc: Doc, q: QuoteSpan, cues: CueLexicon, in_quote: list[int]) -> Token | None:
    """The closest reporting verb outside any quotation in the quotation's first or last sentence."""
    first, last = sentence_range(doc, q.outer[0]), sentence_range(doc, q.outer[1] - 1)
    candidates = []
    for lo, hi in {first, last}:
        for token in doc[lo:hi]:
            if in_quote[token.i] >= 0 or token.pos_ not in ("VERB", "AUX"):
                continue
            cue = cues.verbs.get(token.lemma_.lower())
            if cue is None or "clause" not in cue.frames:
                continue
            # A verb that already has its own unquoted complement reports something else.
            if any(c.dep_ == "ccomp" and in_quote[c.i] < 0 for c in token.children):
                continue
            distance = token.i - q.outer[1] if token.i >= q.outer[1] else q.outer[0] - token.i
            candidates.append((distance, token.i))
    if not candidates:
        return None
    return doc[min(candidates)[1]]


# What may follow a trailing frame's verb: "Marsh asked, and the room fell silent", "she said on Friday".
FRAME_TAIL_DEPS = {"punct", "cc", "conj", "advmod", "npadvmod", "prep", "advcl"}


def trailing_frame_verb(doc: Doc, q: QuoteSpan, cues: CueLexicon, role_nouns: frozenset[str]) -> Token | None:
    """ "“Why not?” Marsh asked.": a question or exclamation ends the sentence, and its frame stands alone after it."""
    i = q.outer[1]
    while i < len(doc) and doc[i].is_space and not paragraph_gap(doc, i, i + 1):
        i += 1
    if i >= len(doc) or doc[i].is_space or sentence_range(doc, i)[0] != i:
        return None
    lo, hi = sentence_range(doc, i)
    root = doc[lo].sent.root
    # The frame's verb heads the sentence, or is the first verb the parser hung on a later one
    # ("“Done?” she asked, but Tom was dozing, and Ann said yes").
    first_verb = next((t for t in doc[lo:hi] if t.pos_ == "VERB"), None)
    for verb in dict.fromkeys(v for v in (root, first_verb) if v is not None):
        if is_bare_trailing_frame(doc, lo, hi, verb, cues, role_nouns):
            return verb
    return None


def is_bare_trailing_frame(doc: Doc, lo: int, hi: int, verb: Token, cues: CueLexicon,
                           role_nouns: frozenset[str]) -> bool:
    """A bare frame: a few words up to a cue verb with someone as its subject, nothing it says of
    its own; the sentence may go on with a clause of its own ("she said, but Tom was dozing")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.verbs or verb.i >= hi:
        return False
    words = [t for t in doc[lo:verb.i + 1] if not is_filler(t)]
    if len(words) > 8 or any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return False
    if any(c.dep_ not in FRAME_TAIL_DEPS for c in verb.rights):
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and is_agent(subject, role_nouns)


def previous_attribution(found: list[Attribution], q: QuoteSpan) -> Attribution | None:
    before = [a for a in found if a.content[1] <= q.outer[0] and a.source is not None]
    return max(before, key=lambda a: a.content[1]) if before else None


def paragraph_gap(doc: Doc, start: int, end: int) -> int:
    """How many paragraph breaks lie between two token positions."""
    return sum(1 for t in doc[start:end] if t.is_space and is_paragraph_break(t.text + t.whitespace_))


# ---------------------------------------------------------------- merging

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
    for a in ordered:
        # Same cue and source, nested content: one claim, the widest reading.
        if any(o.cue == a.cue and o.source == a.source and o.content[0] <= a.content[0]
               and a.content[1] <= o.content[1] for o in out):
            continue
        out.append(a)
    # Overlapping cues, same source ("rejected" / "rejected the claim that ..."): the
    # narrower content is the more specific reading of the same attribution.
    return [a for a in out if not any(
        o is not a and o.source == a.source and o.cue and a.cue and o.cue != a.cue
        and o.cue[0] < a.cue[1] and a.cue[0] < o.cue[1]
        and a.content[0] <= o.content[0] and o.content[1] <= a.content[1] for o in out)]


# Cue classes that, inside another claim's content, are part of what that claim reports
# ("he said he thinks X", "officials said voters want X", "she said Smith praised X"): a
# belief, a request, a finding or a stance reported by someone is their statement's
# content, not a second attribution. Speech inside a source marker's claim stays two claims
# ("According to TASS, Ryabkov confirmed X"); inside a reporting verb's, see retold_speech.
REPORTED_CLASSES = {"belief", "directive", "evidence", "stance"}


def drop_reported_states(found: list[Attribution], doc: Doc | None = None) -> list[Attribution]:
    """Drop belief, directive and evidence claims whose cue lies inside another claim's content,
    and speech a reporting verb's content retells ("he said Smith had told him X")."""
    return [a for a in found if not (
        a.cue is not None
        and any(o is not a and o.cue != a.cue and o.content[0] <= a.cue[0] and a.cue[1] <= o.content[1]
                and (a.cue_class in REPORTED_CLASSES or retold_speech(doc, a, o))
                for o in found))]


def retold_speech(doc: Doc | None, inner: Attribution, outer: Attribution) -> bool:
    """Speech inside what a reporting verb reports is part of that report (PolNeAR marks one claim).

    A source marker or document ("According to TASS, Ryabkov confirmed X") frames a claim
    rather than retelling one, a stance ("dismissed", "praised") judges rather than retells,
    and ", saying X" continues the outer speaker's own words.
    """
    if not (doc is not None and inner.cue_class == "speech" and outer.cue_class == "speech"
            and inner.rule in ("reporting verb", "cue noun", "that-clause")
            and outer.rule == "reporting verb" and inner.cue is not None and outer.cue is not None):
        return False
    cue = doc[inner.cue[0]]
    return not (cue.tag_ == "VBG"
                # "praised the senator who said X": a relative clause describes a participant, it is not retold
                or cue.dep_ == "relcl"
                # "repeated the mayor's claim that X": the outer verb acts on the claim, whose holder stays
                or (cue.head.i in range(*outer.cue) and cue.dep_ in ("dobj", "pobj")))


def as_span(doc: Doc, r: Range) -> Span:
    return doc[r[0]:r[1]]
