"""A cue's content by frame: what a reporting verb or adjective governs as what was said.

The frames are those of ``models/claims/reporting_verbs.tsv`` (clause, to, objto,
obj, objas, prep:P, answer, raise, question); ``frame_content`` tries them from the
most to the least specific.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..docutil import Range, sentence_range
from ..paragraphs import is_paragraph_break
from .boundaries import content_of, cut_aside, cut_closing_concession, goes_on_past_frame
from .syntax import (FINITE_TAGS, SUBJECT_DEPS, clause_mark, has_clause_mark_of_its_own, has_to_infinitive, is_filler,
                     is_quote_mark, subtree_range, trim, word_after_colon)
from .vocabulary import ClaimsVocabulary


def paragraph_after_colon(verb: Token, in_quote: list[int], vocab: ClaimsVocabulary) -> Range | None:
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
    return trim(doc, (first, min(len(doc), end + 1)), vocab.clause_marks)


def frame_content(verb: Token, frames: frozenset[str], vocab: ClaimsVocabulary) -> tuple[Range, str] | None:
    """The content a cue verb governs and the frame it was read by ("clause", "obj", "prep:about" ...),
    trying the cue's frames from the most to the least specific."""
    comp, path = complement_clause(verb), "clause"
    if comp is not None and is_bare_frame_before(verb, comp, vocab):
        comp = None
    if comp is None and "clause" in frames:
        # "She said reopening the yard would keep ...": a gerund-led clause the parser made an xcomp.
        comp, path = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > verb.i),
                          None), "clause:gerund"
    if comp is None and "clause" in frames:
        # "tweeted that X was ...": a that-clause the parser made adverbial is still what was said;
        # "asked her if X was ...": so is the question a "question" cue puts, not a condition.
        marks = vocab.clause_marks if "question" in frames else ("that",)
        comp, path = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                           and clause_mark(c, marks) is not None), None), "clause:adverbial"
    if comp is None and "clause" in frames:
        comp, path = unmarked_clause_after(verb), "clause:unmarked"
    if comp is not None and "clause" in frames:
        return content_of(verb, comp, vocab), path
    if "clause" in frames and (content := stranded_that_clause(verb, vocab)):
        return content, "clause:stranded"
    if "answer" in frames and (content := answer_content(verb, vocab)):
        return content, "answer"
    if "objto" in frames and (content := infinitive_content(verb, vocab, needs_object=True)):
        return content, "objto"
    if "to" in frames and (content := infinitive_content(verb, vocab)):
        return content, "to"
    if "obj" in frames and (content := object_content(verb, vocab)):
        return content, "obj"
    # "sees the treasurer as a peacemaker": a judgement only when the object is cast "as" something.
    if "objas" in frames and has_as_complement(verb) and (content := object_content(verb, vocab)):
        return content, "objas"
    for frame in frames:
        if frame.startswith("prep:") and (content := prepositional_content(verb, frame[5:].split("|"), vocab)):
            return content, frame
    if (content := passive_content(verb, frames, vocab)) is not None:
        return content, "passive"
    if "clause" in frames and (content := fragment_before_frame(verb, vocab)):
        return content, "clause:fragment"
    if "raise" in frames and not raises_cue(verb, vocab.verbs) and (content := raised_content(verb, vocab)):
        return content, "raise"
    return None


def is_bare_frame_before(verb: Token, comp: Token, vocab: ClaimsVocabulary) -> bool:
    """ "“Done?” she asked, but Tom was dozing, and Ann said yes": a complement before the verb that
    is a cue with its own subject and nothing it says is another speaker's frame, not the content."""
    doc = comp.doc
    before = comp.left_edge.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    # The frame follows its own quotation ("“Done?” she asked"); a clause with "show" or "warn" is content.
    return comp.i < verb.i and comp.lemma_.lower() in vocab.verbs and before >= 0 and is_quote_mark(doc[before]) \
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


def fragment_before_frame(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
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
    return trim(doc, (lo, comma), vocab.clause_marks)


def complement_clause(verb: Token) -> Token | None:
    """The verb's complement clause; a finite one after the verb wins over one before it.

    "In a note posted after the council voted, Lee said she's happy": the fronted clause
    the parser also made a ccomp is scene-setting, not what was said.
    """
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = next((c for c in comps if c.i > verb.i and any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)),
                 None)
    return after if after is not None and comps[0].i < verb.i else (comps[0] if comps else None)


def answer_content(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
    """ "said yes", "said so", "said the same of Brandt": a word that stands for what was said."""
    word = next((c for c in verb.rights if c.dep_ in ("dobj", "intj", "advmod") and c.lower_ in vocab.answer_words),
                None)
    if word is None:
        return None
    end = word.right_edge.i + 1
    for sib in verb.rights:
        # "the same of Brandt": whom the same is said of belongs to it.
        if sib.i > word.i and sib.dep_ == "prep" and sib.lower_ in ("of", "about"):
            end = max(end, sib.right_edge.i + 1)
    return trim(verb.doc, (word.left_edge.i, end), vocab.clause_marks)


def stranded_that_clause(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
    """ "said at a briefing on Monday that she would wait", "told a panel of judges that it was late":
    a that-clause the parser hung on the adjunct's or the addressee's noun."""
    for prep in verb.rights:
        if prep.dep_ not in ("prep", "dobj"):
            continue
        if prep.dep_ == "dobj" and prep.lemma_.lower() in vocab.nouns:
            continue  # "refuted the claim that ...": the cue noun carries its own clause
        for token in prep.subtree:
            # A relative "that" is the clause's subject or object; a complementiser "that" is its mark.
            mark = clause_mark(token, ("that",))
            if token.dep_ in ("relcl", "acl") and mark is not None and mark.i < token.i:
                return trim(verb.doc, (mark.i, token.right_edge.i + 1), vocab.clause_marks)
    return None


def passive_content(verb: Token, frames: frozenset[str], vocab: ClaimsVocabulary) -> Range | None:
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
                              or sib.dep_ == "prep" and sib.lower_ in vocab.complement_preps and sib.lower_ != "to"):
            end = max(end, sib.right_edge.i + 1)
    return trim(verb.doc, (start, end), vocab.clause_marks)


def has_as_complement(verb: Token) -> bool:
    """An object followed by an "as" phrase ("see X as Y", "cast X as Y")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    return obj is not None and as_phrase_after(verb, obj.i)


def as_phrase_after(verb: Token, position: int) -> bool:
    """The verb has an "as" phrase after ``position`` ("is seen as a uniter", "sees X as Y")."""
    return any(c.dep_ == "prep" and c.lower_ == "as" and c.i > position for c in verb.children)


def object_content(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
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
                              or sib.dep_ == "prep" and sib.lower_ in vocab.complement_preps):
            end = max(end, sib.right_edge.i + 1)
        elif continues_object(sib, obj, end, vocab):
            end = sib.right_edge.i + 1
    return trim(verb.doc, (start, end), vocab.clause_marks)


def continues_object(sib: Token, obj: Token, end: int, vocab: ClaimsVocabulary) -> bool:
    """ "endorsed Ortiz in the mayoral race", "described rude behavior by the host": a phrase (or an
    infinitive) the parser hung on the verb right after the object most often completes the object."""
    # A pronoun object is complete on its own ("thanked them on the night"); a comma ends the phrase.
    if obj.pos_ == "PRON" or sib.left_edge.i != end:
        return False
    if sib.dep_ in ("advcl", "xcomp") and sib.tag_ == "VB" and has_to_infinitive(sib):
        return True  # "defended her pledge to widen the canal": the infinitive completes the noun
    return sib.dep_ == "prep" and not is_setting(sib, vocab)


def is_setting(prep: Token, vocab: ClaimsVocabulary) -> bool:
    """A prepositional phrase that gives the time, place or occasion of the act, not its content."""
    if prep.lower_ in vocab.adjunct_preps:
        return True  # "during the debate", "at a rally"
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return True
    if obj.tag_ == "VBG":
        return True  # "by reminding voters that ...": the means, a claim of its own
    if any(t.ent_type_ in SETTING_ENTS for t in obj.subtree):
        return True  # "on Thursday", "in Iowa"
    return obj.lemma_.lower() in vocab.occasion_nouns  # "in an interview", "on Twitter"


SETTING_ENTS = {"DATE", "TIME", "GPE", "LOC", "FAC"}


def prepositional_content(verb: Token, prepositions: list[str], vocab: ClaimsVocabulary) -> Range | None:
    """ "talked about X", "called for X", "called on X to do Y": the object of the preposition."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions and c.i > verb.i), None)
    if prep is None:
        return for_to_clause(verb, vocab) if "for" in prepositions else None
    obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
    if obj is None:
        return None
    start, end = subtree_range(obj)
    end = cut_aside(verb.doc, obj, end)
    for sib in verb.rights:
        if sib.i > prep.i and sib.dep_ == "xcomp":
            end = max(end, sib.right_edge.i + 1)
        elif continues_object(sib, obj, end, vocab):
            end = sib.right_edge.i + 1
    return trim(verb.doc, (start, end), vocab.clause_marks)


def for_to_clause(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
    """ "called for the US to step up its efforts": a "for X to Y" clause the parser hung as an adverbial."""
    clause = next((c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
                   and clause_mark(c, ("for",)) is not None and has_to_infinitive(c)), None)
    if clause is None:
        return None
    start, end = subtree_range(clause)
    while start < end and verb.doc[start].lower_ == "for":
        start += 1  # the content is what was called for, not the preposition
    return trim(verb.doc, (start, end), vocab.clause_marks)


def raises_cue(verb: Token, cue_lemmas) -> bool:
    """ "Ortiz appeared to hint that ...": the complement is a cue of its own, which carries the claim."""
    return any(c.dep_ == "xcomp" and c.i > verb.i and c.lemma_.lower() in cue_lemmas for c in verb.children)


def raised_content(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
    """ "Okafor seemed ready to back down", "Ortiz is expected to win": subject and complement."""
    comp = next((c for c in verb.children if c.dep_ in ("xcomp", "acomp", "attr", "oprd") and c.i > verb.i), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if comp is None or subject is None or subject.lower_ in ("it", "there"):
        return None
    return trim(verb.doc, (subject.left_edge.i, comp.right_edge.i + 1), vocab.clause_marks)


def infinitive_content(verb: Token, vocab: ClaimsVocabulary, needs_object: bool = False) -> Range | None:
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
    return trim(verb.doc, (start, xcomp.right_edge.i + 1), vocab.clause_marks)


def is_as_frame(verb: Token) -> bool:
    """ "As the agency noted, X", "X, as critics point out": an "as" clause frames the clause it hangs on."""
    return verb.dep_ == "advcl" and clause_mark(verb, ("as",)) is not None \
        and not any(c.dep_ == "advmod" and c.lower_ == "as" for c in verb.head.children)  # "as rich as he claims"


def parataxis_content(verb: Token, vocab: ClaimsVocabulary) -> Range | None:
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
        return trim(verb.doc, (lo, cut_closing_concession(head.head, vhi, hi, vocab)), vocab.clause_marks)
    if vlo > head.i:
        return trim(verb.doc, (lo, hi if goes_on_past_frame(verb.doc, vhi, hi) else vlo), vocab.clause_marks)
    if vhi <= head.i:
        # "The plan, the mayor said, would cost too much": the subject before the frame is reported too.
        # A fronted adverbial alone ("In the end, he said, ...") is the writer's framing.
        fronted_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") and c.i < vlo for c in head.children)
        start = lo if lo < vlo and fronted_subject else vhi
        return trim(verb.doc, (start, cut_closing_concession(head, start, hi, vocab)), vocab.clause_marks)
    return None
