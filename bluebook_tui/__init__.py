"""Bluebook TUI: read, search and compare editions of Japan's Diplomatic Bluebook in the terminal."""

__version__ = "0.1.0"
