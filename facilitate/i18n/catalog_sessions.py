"""Interface messages for the sessions area, in English and Swedish."""

EN: dict[str, str] = {}

SV: dict[str, str] = {}
