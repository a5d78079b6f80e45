"""A footer of one line: the screen's keys in the order they are bound (most used first) as many as fit, and the
help key last, which lists the rest (Textual's Footer scrolls sideways instead, hiding keys off screen)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { height: 1; background: $panel; color: $text; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()  # one line high whatever it holds: a layout of the whole screen would change nothing

    def items(self) -> list[tuple[str, str, bool, str]]:
        """(key, description, enabled, action) of each key shown."""
        seen: set[str] = set()
        out = []
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append((self.app.get_key_display(binding), binding.description, enabled, binding.action))
        if self.app.ENABLE_COMMAND_PALETTE:
            palette = Binding(self.app.COMMAND_PALETTE_BINDING, "app.command_palette", "palette")
            out.append((self.app.get_key_display(palette), "palette", True, palette.action))
        return out

    def _line(self, width: int) -> Text:
        """The keys that fit in one line of this width; where some do not, help (which lists them) and quit
        stand last."""
        items = self.items()
        pinned = [item for item in items if item[3] in PINNED]
        rest = [item for item in items if item[3] not in PINNED]
        shown: list[tuple[str, str, bool, str]] = []
        used = sum(_width(item) + 1 for item in pinned)
        for item in rest:
            if used + _width(item) + 1 > width:
                break
            shown.append(item)
            used += _width(item) + 1
        line = Text(end="")
        for key, description, enabled, _ in shown + pinned:
            if line.cell_len:
                line.append(" ")
            line.append(key, style="bold reverse" if enabled else "dim reverse")
            line.append(" " + description, style="" if enabled else "dim")
        return line

    def render(self) -> Text:
        return self._line(max(1, self.content_size.width))


PINNED = ("help", "quit")  # the actions that keep their place at the end of the line whatever the width


def _width(item: tuple[str, str, bool, str]) -> int:
    key, description, _, _ = item
    return cell_len(key) + 1 + cell_len(description)
