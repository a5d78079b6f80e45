"""Reads SaudiNewsNet days (../../corpus/saudinewsnet/YYYY-MM-DD.zip) as article records with stable names.

An article's name is DAY-INDEX (its position in the day's JSON array), the same names the labelled panels use."""
import json
import os
import re
import unicodedata
import zipfile
from pathlib import Path

CORPUS = Path(os.environ.get("SNN_CORPUS", Path(__file__).resolve().parents[3] / "shared" / "corpus" / "saudinewsnet"))
DIACRITICS = re.compile(r"[\u064B-\u065F\u0670\u0640]")


def load_days(days: list[str]) -> list[dict]:
    articles = []
    for day in days:
        with zipfile.ZipFile(CORPUS / f"{day}.zip") as archive:
            records = json.loads(archive.read(f"{day}.json"))
        for i, r in enumerate(records):
            if (r.get("content") or "").strip():
                articles.append({"name": f"{day}-{i}", "source": r["source"], "date": r.get("date_extracted"),
                                 "title": r.get("title") or "", "url": r.get("url"), "content": r["content"]})
    return articles


def norm(s: str) -> str:
    """Matching form only: no diacritics or tatweel, one alif, ya and ta marbuta, ASCII digits."""
    s = DIACRITICS.sub("", unicodedata.normalize("NFKC", s))
    s = re.sub("[أإآٱ]", "ا", s).replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return s.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


def write_articles(articles: list[dict], folder: Path) -> None:
    """One JSON file per article, as factcheck-tui indexes them (content, title, outlet, url, date)."""
    folder.mkdir(parents=True, exist_ok=True)
    for a in articles:
        record = {"content": a["content"], "title": a["title"], "outlet": a["source"], "url": a["url"], "date": a["date"]}
        (folder / f"{a['name']}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
