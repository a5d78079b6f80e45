"""Which files of a watched folder are ready to index: new or changed, and no longer being written.

A file is ready once two looks in a row find the same size and modification time: a file still being copied
or written changes between looks (seen twice in watch mode: an article indexed cut mid-sentence, its finished
version never picked up). A ready file that changes again is indexed again once it settles."""

from __future__ import annotations

import os
from pathlib import Path

from factcheck_tui.store.ingest import SUPPORTED_SUFFIXES


class FolderWatch:
    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._indexed: dict[Path, tuple[int, int]] = {}  # path -> (mtime_ns, size) when last handed out
        self._settling: dict[Path, tuple[int, int]] = {}  # path -> what the last look saw, if not yet ready

    def look(self) -> list[str]:
        """The files to index now (call about once a second)."""
        ready = []
        present = set()
        for path in sorted(self.folder.rglob("*")):
            if path.name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue  # editors' and copiers' temporary files start with a dot
            try:
                info = path.stat()
            except OSError:
                continue
            if not path.is_file():
                continue
            present.add(path)
            signature = (info.st_mtime_ns, info.st_size)
            if self._indexed.get(path) == signature:
                self._settling.pop(path, None)
                continue
            if self._settling.get(path) == signature:
                del self._settling[path]
                self._indexed[path] = signature
                ready.append(str(path))
            else:
                self._settling[path] = signature
        for gone in set(self._settling) - present:
            del self._settling[gone]
        return ready
