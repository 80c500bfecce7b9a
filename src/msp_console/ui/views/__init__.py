"""Widgets that show things: the tree panel, the details pane, the overview tab."""
