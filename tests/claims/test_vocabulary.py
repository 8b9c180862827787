"""The claim rules' vocabulary: every list from the configured models folder, checked at load."""
import shutil

import pytest

from claimx import lexicon
from claimx.claims.vocabulary import ClaimsVocabulary
from claimx.errors import ClaimxError


@pytest.fixture
def models(tmp_path):
    """A copy of the installed models folder to break."""
    shutil.copytree(lexicon.models_dir(), tmp_path / "models")
    return tmp_path / "models"


def edit_row(path, first_field, old, new):
    """Replace ``old`` by ``new`` in the row that starts with ``first_field``; its line number (from 1)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.split("\t")[0] == first_field)
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new)
    path.write_text("".join(lines), encoding="utf-8")
    return number


def test_an_unknown_frame_name_is_one_error_naming_file_and_line(models):
    path = models / "claims" / "reporting_verbs.tsv"
    line = edit_row(path, "tell", "objto", "colon_blok")
    with pytest.raises(ClaimxError) as failure:
        ClaimsVocabulary.load(models)
    assert str(failure.value) == f"{path} line {line}: unknown frame 'colon_blok'"


@pytest.mark.parametrize("file, row, old, new, message", [
    ("cue_nouns.tsv", "claim", "speech", "speach", "unknown class 'speach'"),
    ("cue_adjectives.tsv", "wary", "prep:of", "prep:", "unknown frame 'prep:'"),
    # a frame of verbs only: a noun never reads it
    ("cue_nouns.tsv", "claim", "clause", "objas", "unknown frame 'objas'"),
    ("source_markers.tsv", "according to", "0.9", "nine", "confidence 'nine' is not a number in (0, 1]"),
    ("confidences.tsv", "colon", "colon", "colons", "unknown confidence 'colons'"),
])
def test_bad_rows_name_their_file_and_line(models, file, row, old, new, message):
    path = models / "claims" / file
    line = edit_row(path, row, old, new)
    with pytest.raises(ClaimxError) as failure:
        ClaimsVocabulary.load(models)
    assert str(failure.value) == f"{path} line {line}: {message}"


def test_a_confidence_left_out_is_named(models):
    path = models / "claims" / "confidences.tsv"
    path.write_text("".join(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True)
                            if not line.startswith("quote_signature\t")), encoding="utf-8")
    with pytest.raises(ClaimxError) as failure:
        ClaimsVocabulary.load(models)
    assert str(failure.value) == f"{path}: no confidence given for quote_signature"


def test_every_list_comes_from_the_models_folder_given(models):
    # The two lists once read at import from the installed folder come from the copy now
    # (the agent pronouns are the subject forms of the speakers' pronoun table).
    (models / "claims" / "clause_marks.txt").write_text("whether\n", encoding="utf-8")
    edit_row(models / "speakers" / "pronouns.tsv", "we", "yes", "no")
    vocab = ClaimsVocabulary.load(models)
    assert (vocab.clause_marks, vocab.agent_pronouns) == ({"whether"}, {"he", "she", "they", "it", "i"})
    with lexicon.recording() as read:
        ClaimsVocabulary.load(models)
    listed = sorted(str(p.relative_to(models)) for p in (models / "claims").iterdir()
                    if not p.name.startswith("scorer."))
    # every file of models/claims is read (but the scorer's weights, which claims.scorer reads),
    # and the speakers' tables of who can be a source
    assert sorted(n for n in read if n.startswith("claims/")) == listed
    assert sorted(n for n in read if not n.startswith("claims/")) == [
        "speakers/agent_labels.txt", "speakers/pronouns.tsv", "speakers/role_nouns.tsv"]


@pytest.mark.parametrize("column, value", [("number", "dual"), ("refers", "people"), ("person", "4"),
                                           ("subject", "maybe")])
def test_a_bad_pronoun_column_names_file_and_line(models, column, value):
    path = models / "speakers" / "pronouns.tsv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(n for n, line in enumerate(lines) if line.startswith("pronoun\t"))
    at = lines[header].rstrip("\n").split("\t").index(column)
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("she\t"))
    cells = lines[number - 1].rstrip("\n").split("\t")
    cells[at] = value
    lines[number - 1] = "\t".join(cells) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    allowed = {"number": "sg, pl, any", "refers": "person, thing, any", "person": "1, 2, 3", "subject": "yes, no"}
    with pytest.raises(ClaimxError) as failure:
        ClaimsVocabulary.load(models)
    assert str(failure.value) == f"{path} line {number}: {column} '{value}' is not one of {allowed[column]}"
