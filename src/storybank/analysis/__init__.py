"""The coaching engine: findings, scores, speaking time, follow-ups, coverage, question matching.

Submodules are imported where needed (`from storybank.analysis.engine import analyze`); this
package module imports nothing so that loading one piece does not load them all.
"""
