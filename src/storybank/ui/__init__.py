"""The terminal UI (README "The terminal UI"), built with Textual.

Nothing outside this package imports it except `storybank.cli.commands.ui`; the core modules
(bank, model, analysis, practice, drill) never import Textual.
"""
