"""The pure domain model: no I/O, no clock reads, no terminal."""
