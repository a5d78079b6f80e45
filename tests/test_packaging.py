"""The wheel installs one distinct namespace: factcheck_tui, with the seeds as package data; never top-level
packages called tui, store or seeds, which other distributions on PyPI own."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_only_the_factcheck_tui_namespace(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    (wheel,) = tmp_path.glob("factcheck_tui-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next(archive.read(n).decode() for n in names if n.endswith(".dist-info/entry_points.txt"))
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"factcheck_tui"}
    assert {"factcheck_tui/tui/cli.py", "factcheck_tui/store/api.py", "factcheck_tui/store/text/judging/judgement_model.json",
            "factcheck_tui/store/text/judging/conflict_check_model.json",
            "factcheck_tui/seeds/000_42f8bc07242eb304.txt"} <= set(names)  # fmt: skip
    assert "factcheck-tui = factcheck_tui.tui.cli:main" in entry_points
    assert not any(name.startswith(("factcheck_tui/tools/", "factcheck_tui/tests/")) for name in names)
