"""The library entry points: load the pipeline once, turn articles into records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from . import pieces
from .article import Article
from .errors import ContentError
from .ingest import article_from_text
from .pipeline import build_pipeline, default_model
from .record import build_record


class Extractor:
    """A loaded claimx pipeline; reuse one for many articles.

    >>> extractor = Extractor()
    >>> record = extractor.extract("“We will win,” Smith said.", published="2021-12-29")
    >>> record["claims"][0]["kind"]
    'direct'
    """

    def __init__(self, model: str | None = None, config: dict | None = None, *,
                 piece_chars: int = pieces.DEFAULT_PIECE_CHARS):
        self.model = model or default_model()
        self.nlp = build_pipeline(self.model, config)
        # A longer body is parsed in paragraph-aligned pieces of at most this many characters.
        self.piece_chars = piece_chars

    def make_doc(self, article: Article):
        doc = self.nlp.make_doc(article.body)
        return self._with_article(doc, article)

    @staticmethod
    def _with_article(doc, article: Article):
        doc._.claimx_published = article.published
        doc._.claimx_text = article.body
        return doc

    def is_long(self, article: Article) -> bool:
        """Whether the body is parsed in pieces."""
        return len(article.body) > self.piece_chars

    def parsed(self, article: Article):
        """The article's Doc with spaCy's components run (in pieces for a long body), claimx's not yet."""
        if not self.is_long(article):
            doc = self.make_doc(article)
            for _, proc in pieces.piece_pipes(self.nlp):
                doc = proc(doc)
            return doc
        doc = pieces.parse(self.nlp, self.nlp.make_doc, article.body, self.piece_chars)
        return self._with_article(doc, article)

    def analyse(self, article: Article):
        """The article's analysed Doc: as ``nlp(doc)`` does for a body that fits one piece; a longer one
        parsed in pieces joined into one Doc, then claimx's components run on it."""
        if not self.is_long(article):
            return self.nlp(self.make_doc(article))
        doc = self.parsed(article)
        for _, proc in pieces.doc_pipes(self.nlp):
            doc = proc(doc)
        return doc

    def extract(self, text: str, published: str | None = None, source: str | None = None,
                **fields) -> dict:
        """The schema-1 record for one article given as text (a front-matter header is honoured)."""
        article = article_from_text(text, source=source or "-", published=published, **fields)
        return self.extract_article(article)

    def extract_article(self, article: Article) -> dict:
        self.check_length(article)
        return build_record(self.analyse(article), article, model=self.model)

    def empty_record(self, article: Article) -> dict:
        """The record of an article with no text to analyse: what is known of it, empty results."""
        return build_record(self.nlp.make_doc(article.body), article, model=self.model)

    def check_length(self, article: Article) -> None:
        """Refuse a body longer than the pipeline takes, as a ContentError rather than spaCy's ValueError."""
        if len(article.body) > self.nlp.max_length:
            raise ContentError(f"too long: {len(article.body):,} characters, spaCy's limit is "
                               f"{self.nlp.max_length:,}", source=article.source)

    def extract_many(self, articles: Iterable[Article], *, batch_size: int = 32,
                     n_process: int = 1) -> Iterator[tuple[Article, dict]]:
        """Records for many articles, in input order, through ``nlp.pipe``; a long body (parsed in
        pieces) between two runs of ``nlp.pipe`` over the others."""
        remaining = iter(articles)
        while True:
            long_one: list[Article] = []

            def until_long():
                for article in remaining:
                    self.check_length(article)
                    if self.is_long(article):
                        long_one.append(article)
                        return
                    yield self.make_doc(article), article

            for doc, article in self.nlp.pipe(until_long(), as_tuples=True, batch_size=batch_size,
                                              n_process=n_process):
                yield article, build_record(doc, article, model=self.model)
            if not long_one:
                return
            yield long_one[0], self.extract_article(long_one[0])


_default: dict[str | None, Extractor] = {}


def extract(text: str, published: str | None = None, source: str | None = None,
            model: str | None = None) -> dict:
    """Extract claims, speakers, dates and venues from one article's text.

    The pipeline is loaded on first use and kept for later calls.
    """
    if model not in _default:
        _default[model] = Extractor(model)
    return _default[model].extract(text, published=published, source=source)
