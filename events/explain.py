"""Human-readable trace of how one sentence is coded (``events explain``)."""

from __future__ import annotations

import datetime as dt

from .coder import Coder
from .models import Article


def explain(coder: Coder, text: str, lang: str | None, published: dt.date) -> str:
    article = Article(id="explain", text=text, date=published, lang=lang)
    coded = coder.code_article(article, keep_analyses=True)
    out = [f"language: {coded.language}   publication date: {published}"]
    for analysis in coded.analyses:
        out.append("")
        out.append(f"sentence {analysis.sentence.index}: {analysis.sentence.text}")
        out.append("  tokens: " + " ".join(
            t.text if t.norm == t.lower else f"{t.text}[{t.norm}]" for t in analysis.tokens))
        for m in analysis.mentions:
            words = " ".join(t.text for t in analysis.tokens[m.start:m.end])
            entries = ", ".join(f"{e.id} ({e.kind} {e.code})" for e in m.entries)
            out.append(f"  mention: {words!r} -> {entries}")
        for p in analysis.phrases:
            words = " ".join(t.text for t in analysis.tokens[p.start:p.end])
            kind = "location" if p.is_location else "actor"
            extra = f" compound#{p.compound}" if p.compound else ""
            out.append(f"  {kind}: {words!r} -> {p.code or '-'}{extra}")
        for t in analysis.triggers:
            words = " ".join(tok.text for tok in analysis.tokens[t.head:t.end])
            out.append(f"  verb: {words!r} matches {t.pattern.text!r} -> {t.code} "
                       f"[{t.pattern.entry.id}] {' '.join(t.flags)}")
        for t in analysis.instruments:
            out.append(f"  instrument: {t.pattern.text!r} -> {t.code} [{t.pattern.entry.id}]")
        if analysis.discard:
            out.append(f"  discarded: topic cue {analysis.discard!r}")
        for decision in analysis.assembly.decisions:
            out.append(f"  decision: {decision.trigger}: {decision.outcome}")
        if analysis.events:
            out.append(f"  date: {analysis.date.date} ({analysis.date.precision}, "
                       f"{analysis.date.text or 'publication date'})")
        for e in analysis.events:
            src = f"{e.source.text} [{e.source.code}]" if e.source else "-"
            tgt = f"{e.target.text} [{e.target.code}]" if e.target else "-"
            loc = f" at {e.location.text} [{e.location.country}]" if e.location else ""
            out.append(f"  EVENT {src} --{e.action.code} {e.action.name_en}--> {tgt}{loc} "
                       f"on {e.date}; rules: {', '.join(e.rules)}")
    if not coded.events:
        out.append("")
        out.append("no events")
    return "\n".join(out)
