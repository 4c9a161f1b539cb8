"""storybank: a local-first story bank and STAR preparation manager.

This module stays import-free on purpose: `storybank --help` must start fast, so nothing
heavy (pydantic, Textual, Jinja2, rapidfuzz) may be imported from here.
"""

__version__ = "0.1.0"
