"""store.watch.FolderWatch on real files: a file is handed out only once its writing has stopped, and again
after each later change settles."""

import os

from factcheck_tui.store.watch import FolderWatch


def test_a_file_being_written_is_handed_out_only_once_complete_and_again_after_a_change(tmp_path):
    watch = FolderWatch(tmp_path)
    article = tmp_path / "story.txt"
    with article.open("w", encoding="utf-8") as out:
        out.write("قال المتحدث ")
        out.flush()
        assert watch.look() == []  # new: seen once
        out.write("إن المحادثات استمرت ")
        out.flush()
        assert watch.look() == []  # still growing
        out.write("ثلاث ساعات.")
    assert watch.look() == []  # its final size, seen once
    assert watch.look() == [str(article)]  # the same twice: complete
    assert watch.look() == []  # handed out once
    stat = article.stat()
    article.write_text("قال المتحدث إن المحادثات استمرت خمس ساعات.", encoding="utf-8")
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    assert watch.look() == []
    assert watch.look() == [str(article)]


def test_hidden_temporary_and_unsupported_files_are_ignored(tmp_path):
    (tmp_path / ".story.txt.swp").write_text("x", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.markdown").write_text("x", encoding="utf-8")  # ingest reads .md only
    watch = FolderWatch(tmp_path)
    assert watch.look() == [] and watch.look() == []
