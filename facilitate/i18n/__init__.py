"""Message catalogues for the interface, in Swedish and English.

Each area of the program keeps its messages in ``catalog_<area>.py`` with an ``EN`` and an
``SV`` dict side by side (a test checks that both have the same keys).

``Translator(lang)(key, **values)`` renders a message in one language, falling back to
English; the edges (the command line, the views) render with the translator of the command.
``t(key, **values)`` does the same in the process-wide language, which only the terminal
views (``facilitate/ui``) and the command line use. It is chosen at start-up: ``--lang``,
then ``FACILITATE_LANG``, then the locale (and a session's language once it is known).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from facilitate.i18n import (
    catalog_archive,
    catalog_console,
    catalog_core,
    catalog_export,
    catalog_harvest,
    catalog_methods,
    catalog_note,
    catalog_parser,
    catalog_plan_runs,
    catalog_plans,
    catalog_record,
    catalog_room,
    catalog_safety,
    catalog_scale,
    catalog_scoring,
    catalog_session_commands,
    catalog_session_live,
    catalog_sessions,
    catalog_store,
    catalog_timer,
    catalog_web,
    catalog_yaml,
)

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "en"
GLOBAL_OPTIONS_WITH_VALUE = ("--sessions-dir",)
AREAS = (
    catalog_core,
    catalog_methods,
    catalog_parser,
    catalog_scoring,
    catalog_sessions,
    catalog_timer,
    catalog_safety,
    catalog_plans,
    catalog_store,
    catalog_record,
    catalog_session_commands,
    catalog_plan_runs,
    catalog_session_live,
    catalog_room,
    catalog_harvest,
    catalog_export,
    catalog_note,
    catalog_archive,
    catalog_console,
    catalog_web,
    catalog_scale,
    catalog_yaml,
)
_CATALOGUES: dict[str, Mapping[str, str]] = {
    "en": {k: v for area in AREAS for k, v in area.EN.items()},
    "sv": {k: v for area in AREAS for k, v in area.SV.items()},
}
_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    """Make ``lang`` ("sv" or "en") the language of all interface text."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(lang)
    _current = lang


def get_language() -> str:
    """The current interface language."""
    return _current


class Translator:
    """The messages of one language: ``Translator("sv")("key", n=2)``, English as fallback.

    Passed to where text is rendered (the command line's edge), so that what is said does not
    depend on a process-wide setting; see :mod:`facilitate.i18n.messages`.
    """

    def __init__(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise ValueError(lang)
        self.lang = lang

    def __call__(self, key: str, /, **values: object) -> str:
        template = _CATALOGUES[self.lang].get(key) or _CATALOGUES["en"].get(key) or key
        if values:
            return template.format(**values)
        return template.replace("{{", "{").replace("}}", "}")  # (a brace is written twice)

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"


def has_message(key: str) -> bool:
    """True if the catalogues have a message ``key`` (in English at least)."""
    return key in _CATALOGUES["en"]


def t(key: str, /, **values: object) -> str:
    """The message ``key`` in the current language, formatted with ``values``."""
    return Translator(_current)(key, **values)


def language_from_locale(value: str | None) -> str | None:
    """Map a locale string such as ``sv_SE.UTF-8`` to a supported language."""
    if not value:
        return None
    code = value.split(".")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def detect_language(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """Pick the interface language from the global ``--lang``, the environment, then the locale.

    Only options before the command name are global (``facilitate --lang sv methods list``).
    """
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            value = next(args, "")
            if value in LANGUAGES:
                return value
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
        elif arg in GLOBAL_OPTIONS_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            break
    explicit = env.get("FACILITATE_LANG", "").strip().lower()
    if explicit in LANGUAGES:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        found = language_from_locale(env.get(var))
        if found:
            return found
        if env.get(var):
            break
    return DEFAULT_LANGUAGE
