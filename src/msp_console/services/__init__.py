"""Use cases over a unit of work; they return plain results, never ORM objects."""
