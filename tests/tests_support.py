"""Test data made on the fly, shared by store, CLI and UI tests."""

import contextlib
import io
import json
import os
import signal
import sys
from dataclasses import dataclass

NEWS_DAY = {
    "sabq": (
        "2015-08-06 09:00:00",
        "مقتل 12 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها",
        (
            "قتل 12 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها أثناء صلاة الظهر.\n"
            "وقال المتحدث الأمني إن الانتحاري فجر نفسه داخل المسجد.\nوأغلقت قوات الأمن الطرق المؤدية إلى الموقع."
        ),
    ),
    "okaz": (
        "2015-08-06 13:00:00",
        "تفجير إرهابي يستهدف مسجد قوات الطوارئ في أبها",
        (
            "قتل 15 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها أثناء صلاة الظهر.\n"
            "وأدان مجلس الوزراء التفجير الإرهابي في أبها.\nونقل المصابون إلى مستشفى عسير المركزي."
        ),
    ),
    "alriyadh": (
        "2015-08-08 08:00:00",
        "ارتفاع ضحايا تفجير مسجد الطوارئ في أبها",
        (
            "ارتفع عدد ضحايا التفجير الانتحاري في مسجد قوات الطوارئ في أبها إلى 17 قتيلا بعد وفاة مصابين.\n"
            "وشيع المواطنون الضحايا في أبها.\nوأكدت وزارة الداخلية أن التحقيقات مستمرة."
        ),
    ),
    "arriyadiyah": (
        "2015-08-06 22:00:00",
        "الهلال يتغلب على النصر ويتوج بكأس السوبر في لندن",
        (
            "فاز الهلال على النصر بهدف دون رد في نهائي كأس السوبر السعودي في لندن.\n"
            "وسجل هدف المباراة الوحيد في الدقيقة 12.\nوحضر المباراة 20 ألف مشجع."
        ),
    ),
}


def write_day(folder, outlets=NEWS_DAY):
    folder.mkdir(exist_ok=True)
    for outlet, (date, title, content) in outlets.items():
        record = {"source": outlet, "date": date, "title": title, "content": content}
        (folder / f"{outlet}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder


@dataclass
class Ran:
    """What a run of the command left: its exit status and what it printed (as subprocess.run reports them)."""

    returncode: int
    stdout: str
    stderr: str


def run_cli(*args, cwd=None, env=None, input=None) -> Ran:
    """The command's main(argv) in this process, as a script's call would run it: its working directory,
    environment and standard input as given, its output captured, and whatever process-wide state it sets (the
    SIGTERM handler of `index`) put back. A real process costs an interpreter start per call (26 of them took 13
    s); test_cli.py keeps one real-process smoke test of the installed command."""
    from factcheck_tui.tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_env, saved_stdin, saved_term = dict(os.environ), sys.stdin, signal.getsignal(signal.SIGTERM)
    try:
        if env is not None:
            os.environ.clear()
            os.environ.update(env)
        sys.stdin = io.StringIO(input or "")
        with contextlib.chdir(cwd or os.getcwd()), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = main([str(a) for a in args])
            except SystemExit as exit:  # argparse: --help, --version, a usage error
                status = exit.code if isinstance(exit.code, int) else (0 if exit.code is None else 1)
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        sys.stdin = saved_stdin
        signal.signal(signal.SIGTERM, saved_term)
    return Ran(status, out.getvalue(), err.getvalue())


def screen_text(app) -> str:
    """An app's screen as text (from the SVG export: one <text> per run of cells)."""
    import html
    import re

    svg = app.export_screenshot()
    return html.unescape(" ".join(re.findall(r">([^<>]*)</text>", svg))).replace("\xa0", " ")
