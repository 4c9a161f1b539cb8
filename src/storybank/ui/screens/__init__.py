"""Screens of the storybank UI."""
