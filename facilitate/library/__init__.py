"""Find, load and validate the files people write: method files (bundled, user, project).

YAML is parsed with positions, so every problem names its file, line, column and field.
"""
