"""Event dates: time expressions in a sentence resolved against the publication date.

Our own normalisation handles what news text uses most (weekday names, "kemarin"/"yesterday",
"tiga minggu yang lalu"/"three weeks ago", "pekan lalu"/"last week", "5 Desember", "12 Maret lalu",
"Selasa (14/5)", "pada bulan Desember", "last year"); numeric dates such as 05/12/2017 go to
dateparser with the article's language. Weekday names mean the most recent such day on or before
publication; with "lalu"/"last" strictly before. Without any expression the event takes the
publication date, and the record says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from ..lang.base import LanguageWords
from .tokens import first_words, text_words

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class ResolvedDate:
    date: dt.date
    precision: Precision
    text: str | None  # the expression, or None when the publication date was used
    start: int | None = None
    end: int | None = None
    inherited: bool = False  # taken from an earlier sentence of the same paragraph

    @property
    def from_text(self) -> bool:
        return self.text is not None

    @property
    def source(self) -> str:
        return "context" if self.inherited else "text" if self.from_text else "publication"


@dataclass(frozen=True)
class DatePatterns:
    """Compiled regular expressions for one language's time vocabulary."""

    explicit: re.Pattern
    month_first: re.Pattern
    numeric_paren: re.Pattern
    numeric_full: re.Pattern
    weekday: re.Pattern
    relative: re.Pattern
    last_unit: re.Pattern
    month_only: re.Pattern
    year_only: re.Pattern
    yesterday: re.Pattern
    today: re.Pattern


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def compile_patterns(words: LanguageWords) -> DatePatterns:
    tw = words.time_words
    months = _alt(words.months)
    weekdays = _alt(words.weekdays)
    numbers = _alt(words.numbers)
    units = _alt(tw.units)
    past = _alt(tw.past_markers)
    flags = re.IGNORECASE
    b = r"(?<![\w-])"
    e = r"(?![\w-])"
    return DatePatterns(
        explicit=re.compile(rf"{b}(\d{{1,2}})\s+({months})\.?(?:\s+(\d{{4}}))?{e}(?:\s+({past}){e})?",
                            flags),
        month_first=re.compile(rf"{b}({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?{e}",
                               flags),
        numeric_paren=re.compile(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)"),
        numeric_full=re.compile(r"(?<![\d/.-])(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})(?![\d/.-])"),
        weekday=re.compile(rf"{b}(?:(last|this|past)\s+)?({weekdays}){e}(?:\s+({past}){e})?", flags),
        relative=re.compile(rf"{b}(\d{{1,3}}|{numbers})\s+({units})\s+(?:(?:yang\s+)?({past}))?{e}",
                            flags),
        last_unit=re.compile(rf"{b}(?:(?:({past})\s+({units}))|(?:({units})\s+(?:yang\s+)?({past})))"
                             rf"{e}", flags),
        month_only=re.compile(rf"{b}((?:{_alt(tw.month_word) or 'xx-none'})\s+|in\s+|pada\s+|sejak\s+"
                              rf"|since\s+|early\s+|late\s+|awal\s+|akhir\s+)?"
                              rf"({months})(?:\s+(\d{{4}}))?{e}(?:\s+({past}){e})?", flags),
        year_only=re.compile(rf"{b}(?:{_alt(tw.year_word) or 'xx-none'}|pada|in|since|sejak)\s+"
                             rf"((?:19|20)\d\d){e}", flags),
        yesterday=re.compile(rf"{b}({_alt(tw.day_before_yesterday)}|{_alt(tw.yesterday)}){e}", flags),
        today=re.compile(rf"{b}({_alt(tw.today)}){e}", flags),
    )


def _month_start(date: dt.date, months_back: int) -> dt.date:
    index = date.year * 12 + date.month - 1 - months_back
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _year_for(month: int, day: int, base: dt.date) -> int:
    """The year that puts day/month on or before the publication date (news reports the past)."""
    candidate = _safe_date(base.year, month, day)
    if candidate is not None and candidate > base + dt.timedelta(days=1):
        return base.year - 1
    return base.year


def _number(text: str, words: LanguageWords) -> int | None:
    if text.isdigit():
        return int(text)
    return words.numbers.get(text.lower())


_DIGIT = "digit"  # a finder that needs a digit in the text


class DateResolver:
    """Resolves a sentence's time expressions; one per language (patterns compiled once)."""

    def __init__(self, words: LanguageWords):
        self.words = words
        self.patterns = compile_patterns(words)
        self._parse_numeric = lru_cache(maxsize=4096)(self._dateparser)
        tw = words.time_words
        months, units = first_words(words.months), first_words(tw.units)
        # each finder, most specific first, with the words one of which it needs to match
        self._finders = (
            (self._explicit, months), (self._numeric, _DIGIT),
            (self._weekday, first_words(words.weekdays)),
            (self._yesterday, first_words([*tw.yesterday, *tw.day_before_yesterday])),
            (self._relative, units), (self._last_unit, units | first_words(tw.past_markers)),
            (self._today, first_words(tw.today)), (self._month, months), (self._year, _DIGIT),
        )
        self._time_words = frozenset().union(*(needs for _, needs in self._finders
                                               if needs is not _DIGIT))

    def resolve(self, text: str, published: dt.date) -> ResolvedDate:
        """The event date for a sentence, or the publication date when it names none."""
        present = text_words(text)
        has_digit = any(not word.isalpha() for word in present)
        if not has_digit and self._time_words.isdisjoint(present):
            return ResolvedDate(published, "day", None)  # no digit and no time word at all
        for finder, needs in self._finders:
            if (has_digit if needs is _DIGIT else not needs.isdisjoint(present)):
                found = finder(text, published)
                if found is not None:
                    return found
        return ResolvedDate(published, "day", None)

    # -- finders, most specific first ------------------------------------------------------
    def _explicit(self, text: str, base: dt.date) -> ResolvedDate | None:
        for match in self.patterns.explicit.finditer(text):
            day, month = int(match.group(1)), self.words.months[match.group(2).lower()]
            year = int(match.group(3)) if match.group(3) else _year_for(month, day, base)
            date = _safe_date(year, month, day)
            if date:
                return ResolvedDate(date, "day", match.group(0), match.start(), match.end())
        for match in self.patterns.month_first.finditer(text):
            month, day = self.words.months[match.group(1).lower()], int(match.group(2))
            year = int(match.group(3)) if match.group(3) else _year_for(month, day, base)
            date = _safe_date(year, month, day)
            if date:
                return ResolvedDate(date, "day", match.group(0), match.start(), match.end())
        return None

    def _numeric(self, text: str, base: dt.date) -> ResolvedDate | None:
        match = self.patterns.numeric_paren.search(text)
        if match:
            day, month = int(match.group(1)), int(match.group(2))
            year = match.group(3)
            year_n = (int(year) + (2000 if len(year) == 2 else 0)) if year else \
                _year_for(month, day, base)
            date = _safe_date(year_n, month, day)
            if date:
                return ResolvedDate(date, "day", match.group(0), match.start(), match.end())
        match = self.patterns.numeric_full.search(text)
        if match:
            date = self._parse_numeric(match.group(1), base)
            if date:
                return ResolvedDate(date, "day", match.group(0), match.start(), match.end())
        return None

    def _dateparser(self, text: str, base: dt.date) -> dt.date | None:
        import dateparser

        settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time()),
                    "PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"]}
        parsed = dateparser.parse(text, languages=[self.words.code], settings=settings)
        return parsed.date() if parsed else None

    def _weekday(self, text: str, base: dt.date) -> ResolvedDate | None:
        for match in self.patterns.weekday.finditer(text):
            name = match.group(2)
            lower = name.lower()
            # Indonesian "minggu" is also "week": "tiga minggu", "minggu lalu" are weeks
            if lower == "minggu" and (not name[:1].isupper() or match.group(3)):
                continue
            if self.words.code == "id" and not name[:1].isupper():
                continue
            following = text[match.end(2):match.end(2) + 24].lower().lstrip()
            if any(following.startswith(w) for w in self.words.time_words.last_week):
                # "Senin pekan lalu", "Monday last week": that day of the previous week
                monday = base - dt.timedelta(days=base.weekday() + 7)
                return ResolvedDate(monday + dt.timedelta(days=self.words.weekdays[lower]), "day",
                                    match.group(0), match.start(), match.end())
            strictly_before = bool(match.group(1) and match.group(1).lower() in ("last", "past")) \
                or bool(match.group(3))
            back = (base.weekday() - self.words.weekdays[lower]) % 7
            if back == 0 and strictly_before:
                back = 7
            return ResolvedDate(base - dt.timedelta(days=back), "day", match.group(0),
                                match.start(), match.end())
        return None

    def _yesterday(self, text: str, base: dt.date) -> ResolvedDate | None:
        match = self.patterns.yesterday.search(text)
        if not match:
            return None
        days = 2 if match.group(1).lower() in self.words.time_words.day_before_yesterday else 1
        return ResolvedDate(base - dt.timedelta(days=days), "day", match.group(0),
                            match.start(), match.end())

    def _relative(self, text: str, base: dt.date) -> ResolvedDate | None:
        for match in self.patterns.relative.finditer(text):
            if not match.group(3):
                continue  # "tiga minggu" without "lalu"/"ago" is a duration, not a date
            count = _number(match.group(1), self.words)
            unit = self.words.time_words.units[match.group(2).lower()]
            if count is None:
                continue
            span = (match.group(0).rstrip(), match.start(), match.end())
            if unit == "day":
                return ResolvedDate(base - dt.timedelta(days=count), "day", *span)
            if unit == "week":
                return ResolvedDate(base - dt.timedelta(weeks=count), "day", *span)
            if unit == "month":
                return ResolvedDate(_month_start(base, count), "month", *span)
            return ResolvedDate(dt.date(base.year - count, 1, 1), "year", *span)
        return None

    def _last_unit(self, text: str, base: dt.date) -> ResolvedDate | None:
        for match in self.patterns.last_unit.finditer(text):
            unit_word = match.group(2) or match.group(3)
            marker = (match.group(1) or match.group(4) or "").lower()
            if marker not in ("last", "past", "lalu", "yang lalu"):
                continue
            unit = self.words.time_words.units[unit_word.lower()]
            span = (match.group(0), match.start(), match.end())
            if unit == "day":
                return ResolvedDate(base - dt.timedelta(days=1), "day", *span)
            if unit == "week":
                return ResolvedDate(base - dt.timedelta(weeks=1), "day", *span)
            if unit == "month":
                return ResolvedDate(_month_start(base, 1), "month", *span)
            return ResolvedDate(dt.date(base.year - 1, 1, 1), "year", *span)
        return None

    def _today(self, text: str, base: dt.date) -> ResolvedDate | None:
        match = self.patterns.today.search(text)
        if match:
            return ResolvedDate(base, "day", match.group(0), match.start(), match.end())
        return None

    def _month(self, text: str, base: dt.date) -> ResolvedDate | None:
        for match in self.patterns.month_only.finditer(text):
            prefix, name, year_text, past = match.groups()
            if not name[:1].isupper():
                continue  # "may", "mar" as ordinary words
            if not (prefix or year_text or past):
                continue  # a bare month name may be a person's name: "Mei Ling"
            month = self.words.months[name.lower()]
            if year_text:
                year = int(year_text)
            else:
                year = base.year if month <= base.month else base.year - 1
            return ResolvedDate(dt.date(year, month, 1), "month", match.group(0).strip(),
                                match.start(), match.end())
        return None

    def _year(self, text: str, base: dt.date) -> ResolvedDate | None:
        match = self.patterns.year_only.search(text)
        if match:
            year = int(match.group(1))
            if year <= base.year:
                return ResolvedDate(dt.date(year, 1, 1), "year", match.group(0),
                                    match.start(), match.end())
        return None
