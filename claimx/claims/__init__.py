"""Attribution: who is reported to have claimed what, found by rules over a parsed Doc.

How a Doc becomes claims, one module a job:

    reading.Reading        the Doc, the vocabulary, the quotations on its tokens (quotes.find_quotes)
    finders.propose        every candidate, from finders/ (one module per family of cues):
                             verbs       "X said (that) ...", "X urged Y to ...", "..., X added"
                             adjectives  "X is wary of Y"
                             nouns       "the claim that ...", "allegations of ..."
                             markers     "according to X", "In a Gazette poll, ...", "reportedly"
                             colons      "White House: ..."
                             quotations  quotations no other finder covered
                             (for a trained scorer also the low-precision verbs and any verb's argument)
    merge.prepare          interrupted quotations joined, contents clipped past the dateline
    scorer.Scorer.choose   the claims, by a trained logistic regression over features.Featurizer rows
                           (models/claims/scorer.npz): calibrated probability, rivals compete
    merge.select           the hand rules' choice instead (scorer: null): deduplicate, drop reported ones

The finders share ``frames`` (what a cue governs, frame by frame), ``boundaries``
(where a content starts and stops), ``sources`` (who speaks) and ``syntax`` (small
facts about the parse).  Every list, table and confidence they read is in
``vocabulary.ClaimsVocabulary``, loaded from the component's ``models`` folder.
A candidate (``types.Attribution``) carries the features its rule computed: the
rule (``types.Rule``), the cue's lemma and class, the path it took to the content,
the content and source ranges and its confidence; ``features`` turns them, the
competition among candidates and the pipeline's token vectors into one row each, the
same module for training (benchmarks/train_attribution.py) and inference.
"""
