"""The HTML report: self-contained, right to left, every story's claims with verdicts, reviewers and evidence,
article text and notes shown as text, never markup."""

import html
import re


def test_the_report_holds_every_story_and_claim_and_escapes_what_it_quotes(store, tmp_path):
    claims = store.claims()
    store.set_verdict(claims[0].id, "disputed", "amal", note="<script>alert(1)</script> رقم آخر")
    target = tmp_path / "story.html"
    store.report(target, title="قصة <b>")
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="ar" dir="rtl">' in page
    assert "<script" not in page and html.escape("<script>alert(1)</script>") in page  # the note is text
    assert "قصة &lt;b&gt;" in page  # so is the title the desk gave
    assert not re.search(r"<(link|img|iframe)\b|src=", page)  # nothing loaded from anywhere
    for topic in store.topics():
        assert html.escape(topic.label) in page
    assert all(f"#{c.id} " in page for c in claims)
    assert "amal" in page and "<svg" in page  # the reviewer, and the chart of coverage per outlet


def test_a_report_of_a_filter_holds_only_its_claims(store, tmp_path):
    from factcheck_tui.store.models import ClaimFilter

    first = store.claims()[0]
    store.set_verdict(first.id, "confirmed", "amal")
    target = tmp_path / "confirmed.html"
    store.report(target, only=ClaimFilter(verdict="confirmed"))
    page = target.read_text(encoding="utf-8")
    assert re.findall(r'<div class="meta">#(\d+) ', page) == [str(first.id)]
