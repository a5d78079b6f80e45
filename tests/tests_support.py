"""Test data made on the fly, shared by store, CLI and UI tests."""

import json
import subprocess
import sys

NEWS_DAY = {
    "sabq": ("2015-08-06 09:00:00", "مقتل 12 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها",
             "قتل 12 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها أثناء صلاة الظهر.\n"
             "وقال المتحدث الأمني إن الانتحاري فجر نفسه داخل المسجد.\nوأغلقت قوات الأمن الطرق المؤدية إلى الموقع."),
    "okaz": ("2015-08-06 13:00:00", "تفجير إرهابي يستهدف مسجد قوات الطوارئ في أبها",
             "قتل 15 شخصا في تفجير انتحاري استهدف مسجد قوات الطوارئ في أبها أثناء صلاة الظهر.\n"
             "وأدان مجلس الوزراء التفجير الإرهابي في أبها.\nونقل المصابون إلى مستشفى عسير المركزي."),
    "alriyadh": ("2015-08-08 08:00:00", "ارتفاع ضحايا تفجير مسجد الطوارئ في أبها",
                 "ارتفع عدد ضحايا التفجير الانتحاري في مسجد قوات الطوارئ في أبها إلى 17 قتيلا بعد وفاة مصابين.\n"
                 "وشيع المواطنون الضحايا في أبها.\nوأكدت وزارة الداخلية أن التحقيقات مستمرة."),
    "arriyadiyah": ("2015-08-06 22:00:00", "الهلال يتغلب على النصر ويتوج بكأس السوبر في لندن",
                    "فاز الهلال على النصر بهدف دون رد في نهائي كأس السوبر السعودي في لندن.\n"
                    "وسجل هدف المباراة الوحيد في الدقيقة 12.\nوحضر المباراة 20 ألف مشجع."),
}


def write_day(folder, outlets=NEWS_DAY):
    folder.mkdir(exist_ok=True)
    for outlet, (date, title, content) in outlets.items():
        record = {"source": outlet, "date": date, "title": title, "content": content}
        (folder / f"{outlet}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return folder




def run_cli(*args, cwd=None, env=None, input=None):
    """The installed command as a script would call it: a real process, its output captured."""
    return subprocess.run([sys.executable, "-m", "factcheck_tui.tui.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env, input=input, timeout=120)
