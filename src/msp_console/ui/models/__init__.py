"""Qt item models over the frozen read models of the services."""
