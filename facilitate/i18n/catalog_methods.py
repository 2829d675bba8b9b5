"""Interface messages for the methods area, in English and Swedish."""

EN: dict[str, str] = {
}

SV: dict[str, str] = {
}
