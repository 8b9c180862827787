"""The library entry points: load the pipeline once, turn articles into records."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

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

    def __init__(self, model: str | None = None, config: dict | None = None):
        self.model = model or default_model()
        self.nlp = build_pipeline(self.model, config)

    def make_doc(self, article: Article):
        doc = self.nlp.make_doc(article.body)
        doc._.claimx_published = article.published
        doc._.claimx_text = article.body
        return doc

    def extract(self, text: str, published: str | None = None, source: str | None = None,
                **fields) -> dict:
        """The schema-1 record for one article given as text (a front-matter header is honoured)."""
        article = article_from_text(text, source=source or "-", published=published, **fields)
        return self.extract_article(article)

    def extract_article(self, article: Article) -> dict:
        self.check_length(article)
        return build_record(self.nlp(self.make_doc(article)), article, model=self.model)

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
        """Records for many articles, in input order, through ``nlp.pipe``."""
        def checked(a: Article) -> Article:
            self.check_length(a)
            return a

        pairs = ((self.make_doc(checked(a)), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size,
                                          n_process=n_process):
            yield article, build_record(doc, article, model=self.model)


_default: dict[str | None, Extractor] = {}


def extract(text: str, published: str | None = None, source: str | None = None,
            model: str | None = None) -> dict:
    """Extract claims, speakers, dates and venues from one article's text.

    The pipeline is loaded on first use and kept for later calls.
    """
    if model not in _default:
        _default[model] = Extractor(model)
    return _default[model].extract(text, published=published, source=source)
