"""The terminal side of factcheck-tui: command line, Textual app, screens and widgets."""

__version__ = "0.1.0"
