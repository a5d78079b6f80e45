"""Names are data: a file name and a colleague's old reviewer name full of terminal escapes are drawn with their
controls made visible, in the lists, the evidence and the notifications (store.printable)."""

import sqlite3

from factcheck_tui.store.api import Store, bundled_seeds

ESCAPES = "\x1b]0;owned\x07\x1b]52;c;aGk=\x07\x1b[2J\u202e"


async def test_escapes_in_names_never_reach_the_screen(app_factory, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, seed in enumerate(sorted(bundled_seeds().glob("*.txt"))[:2]):
        (folder / f"{n}{ESCAPES}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "hostile.db"
    with Store(db) as store:
        store.index([folder])
        claim = store.claims()[0]
        store.set_verdict(claim.id, "confirmed", "amal")
    # a name written before names were checked, straight into the file
    conn = sqlite3.connect(db)
    conn.execute("UPDATE verdicts SET reviewer = ?", (f"amal{ESCAPES}",))
    conn.commit()
    conn.close()
    app = app_factory(db)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        app.say(f"indexed {folder / ('0' + ESCAPES)}")
        await pilot.pause()
        screen = app.export_screenshot()
    for ch in ("\x1b", "\x07", "\u202e"):
        at = screen.find(ch)
        assert at < 0, screen[max(0, at - 300) : at + 50]
    assert "␛]0;owned␇" in screen
