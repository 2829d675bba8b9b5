"""Interface messages for the timer area, in English and Swedish."""

EN: dict[str, str] = {}

SV: dict[str, str] = {}
