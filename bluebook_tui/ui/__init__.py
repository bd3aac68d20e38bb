"""The Textual reader: screens, widgets and the small persisted state they need.

The UI holds no parsing, search or alignment logic: it shows what the library, search and comparison layers give it.
"""
