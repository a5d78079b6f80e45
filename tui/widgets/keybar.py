"""A footer that wraps: every key of the screen stays visible at 80 columns (Textual's Footer scrolls instead)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: auto; max-height: 3; background: $panel; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh(layout=True)

    def items(self) -> list[tuple[str, str, bool]]:
        seen: set[str] = set()
        out = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append((self.app.get_key_display(binding), binding.description, enabled))
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = Binding(self.app.COMMAND_PALETTE_BINDING, "app.command_palette", "palette")
            out.append((self.app.get_key_display(palette), "palette", True))
        return out

    def _lines(self, width: int) -> list[Text]:
        lines: list[Text] = [Text(end="")]
        for key, description, enabled in self.items():
            item_width = cell_len(key) + 1 + cell_len(description)
            line = lines[-1]
            if line.cell_len and line.cell_len + 1 + item_width > width:
                lines.append(Text(end=""))
                line = lines[-1]
            if line.cell_len:
                line.append(" ")
            line.append(key, style="bold reverse" if enabled else "dim reverse")
            line.append(" " + description, style="" if enabled else "dim")
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(max(1, width)))

    def render(self) -> Text:
        return Text("\n", end="").join(self._lines(max(1, self.content_size.width)))
