"""The GUI of interventions, call log, appointment calendar, SLA clocks and reminders (issue 6)."""
