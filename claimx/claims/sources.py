"""Who speaks: a cue's subject, repaired where the parser hung it elsewhere, and the mention around it.

Each function takes the token the parse offers (a verb's subject, the words before
a verb) and returns who is reported as the source, or the token range of the
mention ("Russian Deputy Foreign Minister Sergei Ryabkov").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..docutil import Range, sentence_range
from .syntax import FINITE_TAGS, SUBJECT_DEPS, has_to_infinitive, is_agent, is_quote_mark, object_governor, trim
from .types import QuoteSpan
from .vocabulary import ClaimsVocabulary, Cue


# Dependents that belong to a speaker's mention on the right of its head
# ("spokesman for the ministry", "AFP and TASS"); appositions and relative
# clauses are left out so the mention stays a name or a description.
MENTION_RIGHT_DEPS = {"compound", "flat", "nummod", "amod", "conj", "cc", "prep", "acl", "nmod", "case", "pobj"}


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


def reporter_of_hung_cue(verb: Token, subject: Token | None, vocab: ClaimsVocabulary) -> Token | None:
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
    if reporter is None or not is_agent(reporter, vocab):
        return subject
    if not is_agent(subject, vocab):
        return reporter  # "he said the base went into collect mode and said ...": the base says nothing
    # A pronoun inside for a name outside ("Smith said he would A and warned B"); a pronoun
    # reporter names no one better than the inner pronoun.
    pronouns = vocab.agent_pronouns
    return reporter if subject.lower_ in pronouns and reporter.lower_ not in pronouns else subject


def causee_of(verb: Token, vocab: ClaimsVocabulary) -> Token | None:
    """ "prompted Okafor to argue", "forced the treasurer to admit": the object does what it is made to.

    Only after a causative verb: "used the comments to urge", "invited Russia to dig up"
    keep the subject as the source.
    """
    if verb.dep_ != "xcomp" or verb.head.i > verb.i or verb.head.lemma_.lower() not in vocab.causatives:
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)


def author_of_vehicle(verb: Token, subject: Token | None, vocab: ClaimsVocabulary) -> Token | None:
    """ "Her office sent out a notice saying X", "the guild bought ads in a bid to persuade Y": the author speaks.

    A cue describing a non-agent noun ("a statement saying", "a campaign to condemn")
    takes that noun as its subject; whoever issued or made the noun is the source.
    """
    if subject is None or verb.dep_ != "acl" or subject.i != verb.head.i or is_agent(subject, vocab):
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
    return trim(doc, (start, end))


def continues_list(doc: Doc, comma: int, end: int) -> bool:
    """Whether a comma inside a mention joins a list ("A, B and C") rather than opening an aside."""
    after = doc[comma + 1] if comma + 1 < len(doc) else None
    if after is None:
        return False
    if after.dep_ == "conj" or after.lower_ in ("and", "or"):
        return True
    return after.ent_iob_ == "B" and any(t.lower_ in ("and", "or") for t in doc[comma + 1:end])


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

    The dateline (``doc._.claimx_dateline``, found once by claimx_textfacts) is where the
    story was filed; the name in apposition after it is who speaks.
    """
    dateline = subject.doc._.claimx_dateline
    if not dateline or not dateline["start"] <= subject.idx < dateline["end"]:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.idx >= dateline["end"]), subject)


def attribution_confidence(cue: Cue, source: Range | None, vocab: ClaimsVocabulary,
                           rule_factor: float = 1.0) -> float:
    """Cue confidence, lowered when nobody is named as the source."""
    conf = cue.confidence * rule_factor
    return round(conf if source else conf * vocab.confidences.unnamed_source, 3)


def frame_speaker(doc: Doc, q: QuoteSpan, verb: Token, vocab: ClaimsVocabulary) -> Range | None:
    """The words between a quotation and the reporting verb after it, when they name someone."""
    if verb.i < q.outer[1]:
        return None
    start, end = trim(doc, (q.outer[1], verb.i))
    words = doc[start:end]
    # A short name or description, no verb of its own ("Tulsa police Chief Chuck Jordan").
    if not 1 <= len(words) <= 8 or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VB" for t in words):
        return None
    if not any(is_agent(t, vocab) for t in words):
        return None
    return start, end


NOT_SPEAKER_ENTS = {"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"}


# Adverbs that may stand between a subject and its verb ("Lund firmly told").
ADVERB_POS = {"ADV", "PART"}


def stranded_subject(verb: Token, in_quote: list[int], vocab: ClaimsVocabulary) -> Range | None:
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
             and c.pos_ in ("PROPN", "NOUN") and is_agent(c, vocab) and in_quote[c.i] < 0]
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
        return trim(doc, (before.left_edge.i, before.i + 1))
    if before.text == "," and i - 1 > lo:
        # "Lund, the head of the workers' league, told": from the aside back to the person it describes.
        before = doc[i - 1]
        while before.dep_ in ("appos", "pobj", "prep", "compound") and lo <= before.head.i < before.i:
            before = before.head
        if before.ent_type_ != "PERSON" and before.lemma_.lower() not in vocab.role_nouns:
            return None
        i = before.i
    # Only a name or a speaker noun right before the verb, outside any quotation.
    if i < lo or in_quote[i] >= 0 or before.pos_ not in ("PROPN", "NOUN") or not is_agent(before, vocab) \
            or before.ent_type_ in NOT_SPEAKER_ENTS:
        return None
    start, end = mention_range(before, verb.i)
    return (start, end) if start <= before.i < end else (before.i, before.i + 1)


def speaker_after_quote(doc: Doc, verb: Token, in_quote: list[int], vocab: ClaimsVocabulary) -> Range | None:
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
