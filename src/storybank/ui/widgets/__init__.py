"""Widgets of the storybank UI."""
