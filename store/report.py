"""The HTML report: one self-contained right-to-left page for editors who would rather look than read a
spreadsheet: the totals, a chart of how many claims each outlet's articles gave and how many were disputed, then
every story (topic) with its claims, their verdicts and reviewers, and the evidence with outlets and days.

Article text is data: every string goes through html.escape (a page that contains "<script>" shows it as text),
and the page loads nothing from anywhere (no script, no font, no image: inline CSS and inline SVG only)."""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING

from factcheck_tui.store.models import VERDICTS, ClaimFilter

if TYPE_CHECKING:
    from factcheck_tui.store.api import Store

_VERDICT_COLOURS = {"confirmed": "#1a7f37", "disputed": "#cf222e", "single-source": "#9a6700"}
_SYMBOLS = {"confirmed": "✔", "disputed": "✘", "single-source": "◌"}
_STANCE_NAMES = {"agree": "يتفق", "disagree": "يخالف", "update": "تحديث", "related": "ذو صلة"}
_BAR_WIDTH = 360  # pixels of the longest bar of the outlet chart

_CSS = """
body { font-family: "Noto Naskh Arabic", "Amiri", "Arial", sans-serif; margin: 2em auto; max-width: 60em;
       line-height: 1.6; color: #1f2328; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; }
.totals span { display: inline-block; margin-inline-end: 1.5em; }
.claim { border: 1px solid #d0d7de; border-radius: 6px; padding: .6em .9em; margin: .8em 0; }
.meta { color: #57606a; font-size: .9em; }
.verdict { font-weight: bold; } .evidence { margin: .4em 0 0; padding-inline-start: 1.2em; }
.evidence li { margin: .3em 0; } .stance { font-weight: bold; }
.ltr { direction: ltr; unicode-bidi: isolate; }
"""


def build_html(store: Store, only: ClaimFilter | None = None, title: str = "factcheck-tui report") -> str:
    """The whole page as a string (the claims of a filter, or all)."""
    articles = {a.id: a for a in store.articles()}
    claims = store.final_claims(only)
    topics = {t.id: t.label for t in store.topics()}
    stats = store.stats()
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(title)}</h1>",
        '<p class="totals">'
        + "".join(
            f"<span>{e(label)}: <b>{value:,}</b></span>"
            for label, value in (
                ("مقالات", stats.articles),
                ("ادعاءات", len(claims)),
                ("رُوجعت", sum(1 for c in claims if c.verdict)),
                *((_verdict_label(v), sum(1 for c in claims if c.verdict == v)) for v in VERDICTS),
            )
        )
        + "</p>",
        _outlet_chart(claims),
    ]
    by_topic: dict[int | None, list] = {}
    for c in claims:
        by_topic.setdefault(c.topic_id, []).append(c)
    for topic_id, members in by_topic.items():
        label = topics.get(topic_id, "بلا موضوع") if topic_id is not None else "بلا موضوع"
        parts.append(f'<section><h2>{e(label)} <span class="meta">({len(members)})</span></h2>')
        for c in members:
            parts.append(_claim_block(store, c, articles))
        parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _verdict_label(verdict: str | None) -> str:
    return {"confirmed": "مؤكد", "disputed": "متنازع عليه", "single-source": "مصدر واحد"}.get(verdict or "", "لم يُراجع")


def _claim_block(store: Store, c, articles: dict) -> str:
    e = html.escape
    article = articles.get(c.article_id)
    where = " · ".join(x for x in (c.outlet or c.article, (article.date or "")[:10] if article else "") if x)
    colour = _VERDICT_COLOURS.get(c.verdict or "", "#57606a")
    verdict = f'<span class="verdict" style="color:{colour}">{_SYMBOLS.get(c.verdict or "", "·")} '
    verdict += f"{e(_verdict_label(c.verdict))}</span>"
    if c.reviewer:
        verdict += f' <span class="meta">— <bdi>{e(c.reviewer)}</bdi>، <bdi>{e((c.decided_at or "")[:16])}</bdi></span>'
    suggested = f' <span class="meta">(المقترح: {e(_verdict_label(c.suggested_verdict))})</span>'
    out = [
        '<div class="claim">',
        f'<div class="meta">#{c.id} · {e(where)}</div>',
        f"<p>{e(c.text)}</p>",
        f"<div>{verdict}{suggested}</div>",
    ]
    if c.note:
        out.append(f'<div class="meta">ملاحظة: {e(c.note)}</div>')
    links = [x for x in store.evidence(c.id) if x.stance != "related"]
    if links:
        out.append('<ul class="evidence">')
        for x in links:
            source = articles.get(x.article_id)
            day = (source.date or "")[:10] if source else ""
            outlet = (source.outlet if source else None) or x.article
            link = f' <a class="ltr" href="{e(source.url, quote=True)}">↗</a>' if source and source.url else ""
            out.append(
                f'<li><span class="stance">{e(_STANCE_NAMES.get(x.stance, x.stance))}</span> · {e(outlet)}'
                f"{' · ' + e(day) if day else ''}{link}<br>{e(x.sentence)}</li>"
            )
        out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


def _outlet_chart(claims: list) -> str:
    """Inline SVG bars: the claims each outlet's articles gave, the disputed part of each bar in red."""
    e = html.escape
    given = Counter(c.outlet or c.article for c in claims)  # a claim carries its article's outlet
    disputed = Counter(c.outlet or c.article for c in claims if (c.verdict or c.suggested_verdict) == "disputed")
    if not given:
        return ""
    rows = given.most_common(12)
    top = rows[0][1]
    height = 22
    bars = []
    for n, (outlet, count) in enumerate(rows):
        y = n * height
        width = max(2, round(_BAR_WIDTH * count / top))
        red = round(_BAR_WIDTH * disputed[outlet] / top)
        bars.append(
            # left to right (the svg says so): the outlet on the right, its bar growing leftwards from it
            f'<text x="{_BAR_WIDTH + 70}" y="{y + 15}" font-size="13">{e(outlet[:28])}</text>'
            f'<rect x="{_BAR_WIDTH + 60 - width}" y="{y + 3}" width="{width}" height="15" fill="#8c959f"/>'
            f'<rect x="{_BAR_WIDTH + 60 - red}" y="{y + 3}" width="{red}" height="15" fill="#cf222e"/>'
            f'<text x="{_BAR_WIDTH + 55 - width}" y="{y + 15}" text-anchor="end" font-size="12">{count}</text>'
        )
    return (
        "<h2>التغطية حسب المنفذ</h2>"
        f'<svg role="img" aria-label="claims per outlet" width="{_BAR_WIDTH + 240}" height="{len(rows) * height}" '
        f'style="direction:ltr" xmlns="http://www.w3.org/2000/svg">{"".join(bars)}</svg>'
        '<p class="meta">الرمادي: ادعاءات المنفذ · الأحمر: ما كان منها متنازعًا عليه (حكمًا أو اقتراحًا)</p>'
    )
