"""Live health in the window: tree states, problems, machine history, tray (issue 4)."""
