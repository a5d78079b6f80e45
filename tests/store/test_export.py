import csv
import io
import json

import pytest

from factcheck_tui.store.api import Store
from factcheck_tui.store.db import StoreError
from factcheck_tui.store.export import CSV_COLUMNS, atomic_write, safe_cell
from factcheck_tui.store.models import ClaimFilter


@pytest.mark.parametrize("cell", ["=SUM(A1)", "+1", "-2+3", "@cmd", "\t=1"])
def test_formula_starts_are_neutralised(cell):
    assert safe_cell(cell) == "'" + cell.replace("\t", " ")  # a tab is shown as one space


@pytest.mark.parametrize("cell", ["مقتل شخصين", "200 مليون دولار", "", "a=b"])
def test_ordinary_cells_are_untouched(cell):
    assert safe_cell(cell) == cell


def test_csv_quotes_commas_quotes_and_newlines_rfc4180(store):
    claim = store.claims()[0]
    store.set_verdict(claim.id, "disputed", "amal", note='قال "لا"، ثم\nتراجع, ok')
    rows = list(csv.reader(io.StringIO(store.export("csv"), newline="")))
    assert rows[0] == CSV_COLUMNS
    row = next(r for r in rows[1:] if r[0] == str(claim.id))
    assert row[CSV_COLUMNS.index("note")] == 'قال "لا"، ثم\nتراجع, ok'


def test_json_export_lists_every_claim_once_with_its_topic(store):
    data = json.loads(store.export("json"))
    ids = [c["id"] for c in data["claims"]]
    assert len(ids) == len(set(ids)) == store.stats().claims
    assert all(c["topic_id"] is not None for c in data["claims"])


def test_atomic_write_replaces_whole_file_or_nothing(tmp_path, monkeypatch):
    target = tmp_path / "out.csv"
    target.write_text("old complete export")
    atomic_write(target, b"new")
    assert target.read_text() == "new"

    def crash(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", crash)
    with pytest.raises(StoreError, match="No space left"):
        atomic_write(target, b"partial")
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary file left behind


def _xlsx_parts(path) -> dict[str, str]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {name: z.read(name).decode("utf-8") for name in z.namelist() if name.endswith(".xml")}


def test_xlsx_has_claims_evidence_and_history_right_to_left_with_a_frozen_header(store, tmp_path):
    """Three sheets an editor opens as they are: right-to-left, the header frozen and filtered, Arabic intact,
    a note that starts like a formula kept as text, and a row tall enough for its wrapped claim."""
    claim = store.claims()[0]
    store.set_verdict(claim.id, "disputed", "amal", note="=HYPERLINK(1) الرقم مختلف")
    store.set_verdict(claim.id, "confirmed", "omar")
    target = tmp_path / "desk.xlsx"
    assert store.export("xlsx", target) is None
    parts = _xlsx_parts(target)
    workbook = parts["xl/workbook.xml"]
    assert [n in workbook for n in ('name="Claims"', 'name="Evidence"', 'name="History"')] == [True] * 3
    sheets = [parts[f"xl/worksheets/sheet{k}.xml"] for k in (1, 2, 3)]
    assert all('rightToLeft="1"' in s and 'ySplit="1"' in s and "<autoFilter" in s for s in sheets)
    assert not any("<f>" in s for s in sheets)  # no formula anywhere
    strings = parts["xl/sharedStrings.xml"]
    assert claim.text.split()[0] in strings and "=HYPERLINK(1) الرقم مختلف" in strings
    assert all(f'<c r="A{n}"' in sheets[0] for n in range(2, store.stats().claims + 2))  # a row per claim
    assert sheets[2].count("<row ") == 1 + 2  # the header and the two changes of the history
    assert 'customHeight="1"' in sheets[0]


def test_xlsx_goes_to_a_file_only(store):
    with pytest.raises(StoreError, match="goes to a file"):
        store.export("xlsx")


def test_each_evidence_link_carries_its_outlet_date_url_and_sentence(store):
    claim = next(c for c in store.claims() if store.evidence(c.id))
    link = store.evidence(claim.id)[0]
    article = store.article(link.article_id)
    exported = next(c for c in json.loads(store.export("json"))["claims"] if c["id"] == claim.id)
    e = exported["evidence"][0]
    assert (e["outlet"], e["date"], e["url"], e["sentence"]) == (
        article.outlet,
        article.date,
        article.url,
        link.sentence,
    )
    rows = list(csv.reader(io.StringIO(store.export("csv"), newline="")))
    cell = next(r for r in rows[1:] if r[0] == str(claim.id))[CSV_COLUMNS.index("evidence")]
    first = cell.split("\n")[0].split(" | ")
    assert first[0] == link.stance and first[3] == " ".join(link.sentence.split())
    assert len(cell.split("\n")) == len(store.evidence(claim.id))  # one line per link


def test_an_export_of_a_filter_holds_only_its_claims(store):
    from factcheck_tui.store.models import ClaimFilter

    ids = [c.id for c in store.claims()[:3]]
    store.set_verdict(ids[0], "disputed", "amal")
    store.set_verdict(ids[1], "confirmed", "amal")
    only = ClaimFilter.parse(["verdict=disputed"])
    assert [c["id"] for c in json.loads(store.export("json", only=only))["claims"]] == [ids[0]]
    assert ClaimFilter.parse(["unreviewed", "suggested=disputed", "outlet=okaz", "topic=3", "changed"]) == ClaimFilter(
        topic_id=3, unreviewed=True, suggested="disputed", outlet="okaz", stale=True
    )
    with pytest.raises(ValueError, match="unknown filter 'verdict=maybe'"):
        ClaimFilter.parse(["verdict=maybe"])


# The slice of schema.org's vocabulary a ClaimReview uses (https://schema.org, types and the properties each has,
# its own and inherited, as the site lists them): every type and property the export writes must be here.
_THING = {"name", "url", "identifier", "alternateName", "description", "sameAs", "image"}
_CREATIVE_WORK = _THING | {"author", "datePublished", "dateModified", "inLanguage", "publisher", "headline"}
SCHEMA_ORG = {
    "ClaimReview": _CREATIVE_WORK | {"claimReviewed", "itemReviewed", "reviewRating", "reviewBody"},
    "Claim": _CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": _CREATIVE_WORK,
    "Rating": _THING | {"ratingValue", "bestRating", "worstRating", "author", "ratingExplanation", "reviewAspect"},
    "Organization": _THING | {"legalName", "logo"},
    "Person": _THING | {"givenName", "familyName"},
}


def _schema_errors(node: object, where: str = "") -> list[str]:
    if isinstance(node, list):
        return [e for k, item in enumerate(node) for e in _schema_errors(item, f"{where}[{k}]")]
    if not isinstance(node, dict):
        return []
    kind = node.get("@type")
    if kind not in SCHEMA_ORG:
        return [f"{where}: unknown type {kind!r}"]
    errors = [f"{where}.{key}: not a {kind} property" for key in node if not key.startswith("@")
              and key not in SCHEMA_ORG[kind]]  # fmt: skip
    return errors + [e for key, value in node.items() for e in _schema_errors(value, f"{where}.{key}")]


def test_claimreview_uses_schema_org_types_and_properties_and_the_desks_settings(store):
    from factcheck_tui.store.export import ReviewDesk

    ids = [c.id for c in store.claims()[:3]]
    store.set_verdict(ids[0], "disputed", "amal", note="رقم آخر")
    store.set_verdict(ids[1], "single-source", "omar")
    desk = ReviewDesk(base_url="https://desk.example/reviews/", publisher="Desk", publisher_url="https://desk.example",
                      ratings=(("disputed", 2),))  # fmt: skip
    reviews = json.loads(store.export("claimreview", desk=desk))
    assert _schema_errors(reviews) == []
    by_claim = {r["identifier"]: r for r in reviews}
    disputed, single = by_claim[f"factcheck-tui:claim:{ids[0]}"], by_claim[f"factcheck-tui:claim:{ids[1]}"]
    assert disputed["url"] == f"https://desk.example/reviews/claim-{ids[0]}"
    assert disputed["publisher"] == {"@type": "Organization", "name": "Desk", "url": "https://desk.example"}
    assert disputed["inLanguage"] == "ar" and disputed["author"]["name"] == "amal"
    assert disputed["reviewRating"]["ratingValue"] == 2 and disputed["reviewRating"]["alternateName"] == "disputed"
    assert "ratingValue" not in single["reviewRating"]  # a sourcing state, not a truth rating, unless the desk rates
    assert "url" not in json.loads(store.export("claimreview"))[0]  # no base URL configured: none invented


def test_xlsx_reads_back_in_openpyxl_field_by_field(store, tmp_path):
    """The workbook as a spreadsheet program reads it: the sheets, right to left, the header frozen, and each
    claim's fields back as they were exported (the JSON export is the reference)."""
    import openpyxl

    first = store.claims()[0]
    store.set_verdict(first.id, "disputed", "amal", note="رقم آخر")
    target = tmp_path / "desk.xlsx"
    store.export("xlsx", target)
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Claims", "Evidence", "History"]
    claims = book["Claims"]
    assert claims.sheet_view.rightToLeft and claims.freeze_panes == "A2"
    header = [cell.value for cell in claims[1]]
    rows = {r[0]: dict(zip(header, r)) for r in claims.iter_rows(min_row=2, values_only=True)}
    reference = json.loads(store.export("json"))["claims"]
    assert set(rows) == {c["id"] for c in reference}
    for c in reference:
        row = rows[c["id"]]
        assert (row["claim text"], row["suggested"], row["verdict"], row["reviewer"], row["note"]) == (
            c["text"], c["suggested_verdict"], c["verdict"], c["reviewer"], c["note"]
        )  # fmt: skip
    evidence = list(book["Evidence"].iter_rows(min_row=2, values_only=True))
    assert len(evidence) == sum(len(c["evidence"]) for c in reference)


def test_csv_reads_back_field_by_field(store):
    """Every CSV row against the JSON export of the same claim: the spreadsheet gets what the tools get."""
    first = store.claims()[0]
    store.set_verdict(first.id, "single-source", "omar", note="مصدر واحد فقط")
    rows = {int(r["claim_id"]): r for r in csv.DictReader(io.StringIO(store.export("csv"), newline=""))}
    for c in json.loads(store.export("json"))["claims"]:
        row = rows[c["id"]]
        assert (row["claim"], row["verdict"] or None, row["reviewer"] or None, row["note"] or None) == (
            c["text"], c["verdict"], c["reviewer"], c["note"]
        )  # fmt: skip
        assert len([line for line in row["evidence"].split("\n") if line]) == len(c["evidence"])


def test_a_date_range_filters_by_the_articles_day(tmp_path):
    days = {"okaz": "2015-08-03 09:00:00", "sabq": "2015-08-04 10:00:00", "alyaum": "2015-08-05 11:00:00"}
    for n, (outlet, day) in enumerate(days.items()):
        record = {"source": outlet, "date": day, "title": "خبر",
                  "content": f"قال المتحدث باسم الوزارة إن {n + 3} مشاريع جديدة افتتحت في المدينة يوم الاثنين."}  # fmt: skip
        (tmp_path / f"{outlet}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with Store(tmp_path / "days.db") as store:
        store.index([tmp_path])
        assert store.days() == ["2015-08-03", "2015-08-04", "2015-08-05"]
        within = store.claims(ClaimFilter.parse(["from=2015-08-04", "to=2015-08-04"]))
        assert {c.outlet for c in within} == {"sabq"}
        assert {c.outlet for c in store.claims(ClaimFilter(day_from="2015-08-04"))} == {"sabq", "alyaum"}
    with pytest.raises(ValueError, match="from=YYYY-MM-DD"):
        ClaimFilter.parse(["from=yesterday"])
