"""Who reported an event: one article normally, several once ``--one-a-day`` has merged them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Article


@dataclass(frozen=True)
class Reports:
    """The number of coded events merged into one row and the articles they came from."""

    count: int = 1
    article_ids: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @classmethod
    def single(cls, article: Article) -> "Reports":
        """The reports of an event coded once, from ``article``."""
        return cls(1, (article.id,), _present(article.url), _present(article.source))


def _present(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


@dataclass
class Tally:
    """A growing ``Reports``: counts events and collects distinct article ids, URLs, sources."""

    count: int = 0
    article_ids: dict[str, None] = field(default_factory=dict)  # dicts as ordered sets
    urls: dict[str, None] = field(default_factory=dict)
    sources: dict[str, None] = field(default_factory=dict)

    def add(self, article: Article) -> None:
        self.count += 1
        self.article_ids[article.id] = None
        if article.url:
            self.urls[article.url] = None
        if article.source:
            self.sources[article.source] = None

    def freeze(self) -> Reports:
        return Reports(self.count, tuple(self.article_ids), tuple(self.urls), tuple(self.sources))
