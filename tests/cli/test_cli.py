"""End-to-end: the command in a temporary folder, as a newsroom script would call it (main(argv) in this process;
one test runs the installed script as a real process)."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests_support import run_cli, write_day

from factcheck_tui.store.api import bundled_seeds

JSON_ARTICLE_FIELDS = {"id", "name", "path", "title", "outlet", "sha256"}
JSON_CLAIM_FIELDS = {
    "id",
    "article_id",
    "article",
    "text",
    "topic_id",
    "checkworthiness",
    "suggested_verdict",
    "verdict",
    "reviewer",
    "decided_at",
    "note",
    "evidence",
}
JSON_EVIDENCE_FIELDS = {"article_id", "article", "sentence", "score", "stance", "reason"}
# the CSV export's columns, restated: a script reading the file depends on exactly these, in this order
CSV_COLUMNS = (
    "claim_id topic article outlet claim suggested_verdict verdict reviewer decided_at note agreeing_articles "
    "disagreeing_articles evidence adjudicated_by reviews"
).split()


run = run_cli


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "cli.db"
    result = run("index", bundled_seeds(), "--db", path)
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
    return path


def claim_ids(db):
    data = json.loads(run("export", "--format", "json", "--db", db).stdout)
    return [c["id"] for c in data["claims"]]


def test_the_installed_script_runs_as_a_process(tmp_path):
    script = Path(sys.executable).with_name("factcheck-tui")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "factcheck_tui.tui.cli"]
    db = str(tmp_path / "process.db")
    indexed = subprocess.run([*command, "index", str(bundled_seeds()), "--db", db], capture_output=True, text=True, check=False,
                             timeout=300)  # fmt: skip
    assert indexed.returncode == 0 and "5 added" in indexed.stdout, indexed.stderr
    exported = subprocess.run([*command, "export", "--format", "json", "--db", db], capture_output=True, text=True, check=False,
                              timeout=120)  # fmt: skip
    assert exported.returncode == 0 and len(json.loads(exported.stdout)["claims"]) > 50


def test_version_and_help_on_every_subcommand():
    assert run("--version").stdout.startswith("factcheck-tui ")
    for sub in ("index", "export", "verdict", "stance", "serve"):
        result = run(sub, "--help")
        assert result.returncode == 0 and "usage" in result.stdout, sub


def test_reindexing_unchanged_files_is_a_no_op(db):
    result = run("index", bundled_seeds(), "--db", db)
    assert result.returncode == 0
    assert "0 added, 0 updated, 5 unchanged" in result.stdout


def test_index_verdict_export_round_trip(db, tmp_path):
    first, second = claim_ids(db)[:2]
    assert (
        run("verdict", first, "disputed", "--note", "=1+1 figures differ", "--reviewer", "amal", "--db", db).returncode
        == 0
    )
    assert run("verdict", second, "confirmed", "--reviewer", "omar", "--db", db).returncode == 0

    data = json.loads(run("export", "--format", "json", "--db", db).stdout)
    assert JSON_ARTICLE_FIELDS <= set(data["articles"][0])
    assert len(data["articles"]) == 5 and data["topics"]
    claims = {c["id"]: c for c in data["claims"]}
    assert JSON_CLAIM_FIELDS <= set(claims[first])
    assert (claims[first]["verdict"], claims[first]["reviewer"], claims[first]["note"]) == (
        "disputed",
        "amal",
        "=1+1 figures differ",
    )
    assert claims[second]["verdict"] == "confirmed" and claims[second]["decided_at"]
    assert all(JSON_EVIDENCE_FIELDS <= set(e) for c in data["claims"] for e in c["evidence"])
    assert {cid for t in data["topics"] for cid in t["claim_ids"]} == set(claims)

    out = tmp_path / "verdicts.csv"
    assert run("export", "--format", "csv", "-o", out, "--db", db).returncode == 0
    raw = out.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert list(rows[0]) == CSV_COLUMNS
    by_id = {int(r["claim_id"]): r for r in rows}
    assert by_id[first]["verdict"] == "disputed"
    assert by_id[first]["note"] == "'=1+1 figures differ"  # neutralised against formula injection
    assert by_id[first]["claim"] == claims[first]["text"]  # Arabic intact
    assert len(rows) == len(claims)

    excel = tmp_path / "excel.csv"
    run("export", "--format", "csv", "--excel", "-o", excel, "--db", db)
    assert excel.read_bytes().startswith(b"\xef\xbb\xbf")

    reviews = json.loads(run("export", "--format", "claimreview", "--db", db).stdout)
    assert {r["reviewRating"]["alternateName"] for r in reviews} == {"disputed", "confirmed"}
    amal = next(r for r in reviews if r["author"]["name"] == "amal")
    assert amal["@type"] == "ClaimReview" and amal["claimReviewed"] == claims[first]["text"]


def test_clear_verdict_and_history_kept(db):
    cid = claim_ids(db)[0]
    run("verdict", cid, "confirmed", "--db", db, "--reviewer", "amal")
    run("verdict", cid, "clear", "--db", db, "--reviewer", "amal")
    data = json.loads(run("export", "--format", "json", "--db", db).stdout)
    assert next(c for c in data["claims"] if c["id"] == cid)["verdict"] is None


def test_reviewer_defaults_to_the_os_account_not_the_environment(db):
    import os
    import pwd

    cid = claim_ids(db)[0]
    env = dict(os.environ, USER="spoofed", LOGNAME="spoofed")
    run("verdict", cid, "confirmed", "--db", db, env=env)
    data = json.loads(run("export", "--format", "json", "--db", db).stdout)
    assert next(c for c in data["claims"] if c["id"] == cid)["reviewer"] == pwd.getpwuid(os.getuid()).pw_name


@pytest.mark.parametrize(
    "args, message",
    [
        (("index", "/no/such/folder"), "no such file or folder"),
        (("verdict", "999999", "confirmed"), "no claim with id 999999"),
        (("stance", "/no/such.csv"), "no such file"),
    ],
)
def test_user_errors_are_one_line_exit_1(db, args, message):
    result = run(*args, "--db", db) if args[0] != "stance" else run(*args)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_corrupt_database_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"\x00garbage" * 1000)
    result = run("export", "--db", bad)
    assert result.returncode == 1 and "not a factcheck-tui database" in result.stderr
    assert "Traceback" not in result.stderr


def test_unwritable_location_is_a_one_line_error():
    # /proc refuses new folders even to root, so this holds whoever runs the tests.
    result = run("index", bundled_seeds(), "--db", "/proc/factcheck-test/x.db")
    assert result.returncode == 1 and "cannot create the folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_usage_errors_exit_2(db):
    assert run("verdict", "1", "maybe", "--db", db).returncode == 2
    assert run("export", "--format", "xml", "--db", db).returncode == 2


def test_export_to_a_missing_folder_keeps_nothing_half_written(db, tmp_path):
    result = run("export", "-o", tmp_path / "nope" / "out.csv", "--db", db)
    assert result.returncode == 1 and "no such folder" in result.stderr


def test_stance_command_reads_s1_s2_and_writes_stance_rows(tmp_path):
    pairs = tmp_path / "pairs.csv"
    with pairs.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "s1", "s2"])
        w.writerow([1, "استمرت المحادثات ثلاث ساعات", "استمرت المحادثات 3 ساعات"])
        w.writerow([2, "فشلت ثلاث جولات من المحادثات في اسطنبول", "فشلت جولتان من المحادثات في اسطنبول"])
        w.writerow([3, "ارتفعت أسعار النفط", "فاز الفريق بالبطولة"])
    result = run("stance", pairs)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["s1", "s2", "stance", "score", "reason"]
    assert [r["stance"] for r in rows] == ["agree", "disagree", "other"]
    assert all(r["stance"] in {"agree", "disagree", "other"} for r in rows)


def test_events_and_figures_print_the_json_contract(tmp_path):
    path = tmp_path / "day.db"
    assert run("index", write_day(tmp_path / "articles"), "--db", path).returncode == 0
    events = json.loads(run("events", "--db", path, "--format", "json").stdout)
    assert all({"id", "label", "start", "end", "articles", "outlets"} <= set(e) for e in events)
    bombing = next(e for e in events if len(e["outlets"]) == 3)
    export = json.loads(run("export", "--db", path, "--format", "json").stdout)
    assert sorted(a["id"] for a in export["articles"] if a["event"] == bombing["id"]) == sorted(bombing["articles"])
    rows = json.loads(run("figures", "--db", path, "--format", "json").stdout)
    (toll,) = rows
    assert toll["event"] == bombing["id"] and toll["status"] == "conflict" and toll["counted"]
    first = toll["values"][0]
    assert {"value", "low", "high", "qualifier", "outlet", "article", "date", "sentence"} <= set(first)
    assert (first["value"], first["outlet"], first["article"] in bombing["articles"]) == (12, "sabq", True)
    text = run("figures", "--db", path).stdout
    assert "[conflict]" in text and "sabq" in text


def test_an_export_to_a_file_says_so_in_one_line_and_xlsx_needs_a_file(tmp_path, seeded_db):
    out = tmp_path / "desk.xlsx"
    done = run_cli("export", "--format", "xlsx", "--db", str(seeded_db), "-o", str(out))
    assert done.returncode == 0 and out.exists()
    assert done.stdout.strip().startswith("exported ") and done.stdout.strip().endswith(f"{out} (xlsx)")
    refused = run_cli("export", "--format", "xlsx", "--db", str(seeded_db))
    assert refused.returncode != 0 and "goes to a file" in refused.stderr


def test_export_filter_on_the_command_line(tmp_path, seeded_db):
    out = tmp_path / "unreviewed.json"
    done = run_cli("export", "--format", "json", "--db", str(seeded_db), "--filter", "unreviewed", "-o", str(out))
    assert done.returncode == 0
    assert all(c["verdict"] is None for c in json.loads(out.read_text(encoding="utf-8"))["claims"])
    bad = run_cli("export", "--db", str(seeded_db), "--filter", "verdict=maybe")
    assert bad.returncode == 2 and "unknown filter 'verdict=maybe'" in bad.stderr


def test_claimreview_takes_the_desks_settings_from_the_command_line_or_the_environment(seeded_db):
    from factcheck_tui.store.api import Store

    with Store(seeded_db) as store:
        store.set_verdict(store.claims()[0].id, "confirmed", "amal")
    done = run_cli("export", "--format", "claimreview", "--db", str(seeded_db), "--base-url", "https://d.example/r",
                   "--rating", "confirmed=5", env={**os.environ, "FACTCHECK_PUBLISHER": "Desk"})  # fmt: skip
    (review,) = json.loads(done.stdout)
    assert review["url"].startswith("https://d.example/r/claim-") and review["publisher"]["name"] == "Desk"
    assert review["reviewRating"]["ratingValue"] == 5
    unrated = run_cli("export", "--format", "claimreview", "--db", str(seeded_db))
    assert "no --base-url" in unrated.stderr and "ratingValue" not in json.loads(unrated.stdout)[0]["reviewRating"]
    bad = run_cli("export", "--format", "claimreview", "--db", str(seeded_db), "--rating", "confirmed=9")
    assert bad.returncode == 2 and "VERDICT=N" in bad.stderr


def test_index_outlet_names_the_outlet_of_articles_that_name_none(tmp_path):
    folder = tmp_path / "okaz"
    folder.mkdir()
    (folder / "a.txt").write_text("قال المتحدث إن الاجتماع استمر ثلاث ساعات في الرياض يوم الأحد.", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps({"content": "قال الوزير إن المشروع يكتمل العام المقبل.",
                                              "source": "sabq"}, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    db = tmp_path / "o.db"
    assert run_cli("index", str(folder), "--outlet", "okaz", "--db", str(db)).returncode == 0
    data = json.loads(run_cli("export", "--format", "json", "--db", str(db)).stdout)
    assert {a["name"]: a["outlet"] for a in data["articles"]} == {"a.txt": "okaz", "b.json#0": "sabq"}


def test_team_commands_and_a_verdict_refused_to_someone_not_on_the_team(seeded_db):
    from factcheck_tui.store.api import Store, os_account

    me = os_account()
    assert run_cli("team", "list", "--db", str(seeded_db)).stdout.startswith("no team")
    added = run_cli("team", "add", "omar", "--db", str(seeded_db))
    assert added.returncode == 0 and f"{me}: editor" in added.stdout and "omar: reviewer" in added.stdout
    listed = json.loads(run_cli("team", "list", "--format", "json", "--db", str(seeded_db)).stdout)
    assert {m["name"]: m["role"] for m in listed["members"]} == {me: "editor", "omar": "reviewer"}
    with Store(seeded_db) as store:
        claim = store.claims()[0].id
    ok = run_cli("verdict", str(claim), "confirmed", "--db", str(seeded_db))
    assert ok.returncode == 0 and f"by {me}" in ok.stdout
    refused = run_cli("verdict", str(claim), "disputed", "--reviewer", "omar", "--db", str(seeded_db))
    assert refused.returncode == 1 and "--reviewer names are not allowed" in refused.stderr
    run_cli("team", "policy", "--named-reviewers", "--db", str(seeded_db))
    assert run_cli("verdict", str(claim), "disputed", "--reviewer", "omar", "--db", str(seeded_db)).returncode == 0
    assert run_cli("team", "remove", "omar", "--db", str(seeded_db)).returncode == 0
    gone = run_cli("verdict", str(claim), "confirmed", "--reviewer", "omar", "--db", str(seeded_db))
    assert "omar is not on this database's team" in gone.stderr


def test_double_blind_review_from_the_command_line_then_an_editor_adjudicates(seeded_db):
    from factcheck_tui.store.api import Store

    db = ["--db", str(seeded_db)]
    run_cli("team", "add", "omar", *db)
    assert run_cli("team", "policy", "--reviews-needed", "0", *db).returncode == 1
    policy = run_cli("team", "policy", "--reviews-needed", "2", "--blind", "--named-reviewers", *db)
    assert "reviews needed: 2; blind: yes" in policy.stdout
    with Store(seeded_db) as store:
        claim = str(store.claims()[0].id)
    first = run_cli("verdict", claim, "confirmed", *db)
    assert "your review confirmed (1 given); final verdict none yet" in first.stdout
    second = run_cli("verdict", claim, "disputed", "--reviewer", "omar", "--note", "denied", *db)
    assert "your review disputed (2 given)" in second.stdout
    queue = json.loads(run_cli("adjudicate", "--format", "json", *db).stdout)
    assert [q["claim"] for q in queue] == [int(claim)]
    assert {r["reviewer"]: (r["verdict"], r["note"]) for r in queue[0]["reviews"]}["omar"] == ("disputed", "denied")
    decided = run_cli("adjudicate", claim, "disputed", "--note", "the denial stands", *db)
    assert decided.returncode == 0 and "final verdict disputed, decided by" in decided.stdout
    assert "no claim waits" in run_cli("adjudicate", *db).stdout
    exported = json.loads(run_cli("export", "--format", "json", *db).stdout)
    row = next(c for c in exported["claims"] if c["id"] == int(claim))
    assert row["verdict"] == "disputed" and len(row["reviews"]) == 2 and row["adjudicated_by"]


def test_the_app_refuses_someone_not_on_the_team_before_taking_the_screen(seeded_db):
    from factcheck_tui.store.api import Store

    with Store(seeded_db) as store:
        store.team_add("omar", account="amal")  # a team without this account
    refused = run_cli("--db", str(seeded_db))
    assert refused.returncode == 1 and "is not on this database's team" in refused.stderr


def test_assign_a_topic_to_a_member_and_export_their_queue(seeded_db, tmp_path):
    from factcheck_tui.store.api import Store

    run_cli("team", "add", "omar", "--db", str(seeded_db))
    with Store(seeded_db) as store:
        topic = store.topics()[0]
    done = run_cli("assign", "--topic", str(topic.id), "--to", "omar", "--db", str(seeded_db))
    assert done.returncode == 0 and done.stdout.strip() == f"{topic.claim_count:,} claims assigned to omar"
    queue = json.loads(
        run_cli("export", "--format", "json", "--filter", "assigned=omar", "--db", str(seeded_db)).stdout
    )
    assert len(queue["claims"]) == topic.claim_count and {c["topic_id"] for c in queue["claims"]} == {topic.id}
    assert run_cli("assign", "--topic", str(topic.id), "--db", str(seeded_db)).returncode != 0  # --to or --clear


def test_agreement_prints_the_pairs_the_team_and_each_reviewer_against_the_suggestion(seeded_db):
    from factcheck_tui.store.api import Store

    with Store(seeded_db) as store:
        ids = [c.id for c in store.claims()[:4]]
        for cid, (x, y) in zip(ids, [("confirmed", "confirmed"), ("disputed", "disputed"), ("confirmed", "disputed"),
                                     ("single-source", "single-source")]):  # fmt: skip
            store.set_verdict(cid, x, "amal")
            store.set_verdict(cid, y, "omar")
    text = run_cli("agreement", "--db", str(seeded_db)).stdout
    assert "team: 2 reviewers, Krippendorff's alpha" in text and "amal / omar: Cohen's kappa" in text
    figures = json.loads(run_cli("agreement", "--format", "json", "--db", str(seeded_db)).stdout)
    (pair,) = figures["pairs"]
    assert pair["claims"] == 4 and pair["kappa"] == pytest.approx(0.6363, abs=1e-3)  # p_o 3/4, p_e 5/16


def test_many_records_skipped_for_one_reason_are_said_in_one_line(tmp_path):
    records = [{"title": f"بلا نص {n}"} for n in range(6)] + [{"content": "أعلنت الوزارة افتتاح ثلاثة مستشفيات جديدة."}]
    (tmp_path / "day.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    quiet = run_cli("index", str(tmp_path / "day.json"), "--db", str(tmp_path / "a.db"))
    assert quiet.returncode == 0
    assert len(quiet.stderr.splitlines()) == 1
    assert "6 skipped: record has no content, text or body — first: " in quiet.stderr and "--verbose" in quiet.stderr
    listed = run_cli("index", "--verbose", str(tmp_path / "day.json"), "--db", str(tmp_path / "b.db"))
    assert listed.stderr.count("factcheck-tui: skipped ") == 6
