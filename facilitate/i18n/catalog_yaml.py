"""The YAML parser's words for what is wrong in a file (libyaml's and PyYAML's), in English
and Swedish.

A syntax error reads "context; problem" in the parser's English; each part that is one of
these is said in the interface language (its key is found by the phrase,
:func:`facilitate.library.yaml_problems.parser_words`), any other part as it is, and a part
that says nothing to the reader (:data:`SILENT`) is left out.
"""

from __future__ import annotations

EN: dict[str, str] = {
    "yaml.scanning_simple_key": "while scanning a simple key",
    "yaml.no_colon": "could not find expected ':'",
    "yaml.cannot_start_token": "found character that cannot start any token",
    "yaml.values_not_allowed": "mapping values are not allowed in this context",
    "yaml.keys_not_allowed": "mapping keys are not allowed in this context",
    "yaml.entries_not_allowed": "block sequence entries are not allowed in this context",
    "yaml.scanning_quoted": "while scanning a quoted scalar",
    "yaml.parsing_quoted": "while parsing a quoted scalar",
    "yaml.scanning_plain": "while scanning a plain scalar",
    "yaml.scanning_block_scalar": "while scanning a block scalar",
    "yaml.unexpected_end": "found unexpected end of stream",
    "yaml.unexpected_document": "found unexpected document indicator",
    "yaml.unknown_escape": "found unknown escape character",
    "yaml.tab_indentation": "found a tab character that violates indentation",
    "yaml.tab_for_space": "found a tab character where an indentation space is expected",
    "yaml.unexpected_colon": "found unexpected ':'",
    "yaml.parsing_block_mapping": "while parsing a block mapping",
    "yaml.no_key": "did not find expected key",
    "yaml.parsing_block_collection": "while parsing a block collection",
    "yaml.no_dash": "did not find expected '-' indicator",
    "yaml.parsing_flow_sequence": "while parsing a flow sequence",
    "yaml.no_comma_bracket": "did not find expected ',' or ']'",
    "yaml.parsing_flow_mapping": "while parsing a flow mapping",
    "yaml.no_comma_brace": "did not find expected ',' or '}}'",
    "yaml.parsing_node": "while parsing a node",
    "yaml.parsing_block_node": "while parsing a block node",
    "yaml.parsing_flow_node": "while parsing a flow node",
    "yaml.no_content": "did not find expected node content",
    "yaml.no_document_start": "did not find expected <document start>",
    "yaml.no_comment_or_break": "did not find expected comment or line break",
    "yaml.scanning_anchor": "while scanning an anchor",
    "yaml.scanning_alias": "while scanning an alias",
    "yaml.no_alphanumeric": "did not find expected alphabetic or numeric character",
    "yaml.scanning_tag": "while scanning a tag",
    "yaml.parsing_tag": "while parsing a tag",
    "yaml.undefined_tag_handle": "found undefined tag handle",
    "yaml.single_document": "expected a single document in the stream",
    "yaml.another_document": "but found another document",
    "yaml.undefined_alias": "found undefined alias",
    "yaml.constructing_mapping": "while constructing a mapping",
    "yaml.unhashable_key": "found unhashable key",
}

SV: dict[str, str] = {
    "yaml.scanning_simple_key": "i en nyckel",
    "yaml.no_colon": "':' saknas",
    "yaml.cannot_start_token": (
        "ett tecken som inte får stå först i ett värde (sätt texten inom citattecken)"
    ),
    "yaml.values_not_allowed": (
        "ett kolon (:) får inte stå här (står det i en text: sätt texten inom citattecken)"
    ),
    "yaml.keys_not_allowed": "en nyckel får inte stå här",
    "yaml.entries_not_allowed": "en listpunkt (-) får inte stå här",
    "yaml.scanning_quoted": "i en text inom citattecken",
    "yaml.parsing_quoted": "i en text inom citattecken",
    "yaml.scanning_plain": "i en text",
    "yaml.scanning_block_scalar": "i ett textblock (| eller >)",
    "yaml.unexpected_end": "filen tog slut för tidigt",
    "yaml.unexpected_document": "hittade en oväntad dokumentmarkering (--- eller ...)",
    "yaml.unknown_escape": "hittade ett okänt tecken efter \\",
    "yaml.tab_indentation": "hittade en tabb som bryter mot indraget",
    "yaml.tab_for_space": "hittade en tabb där indraget ska vara mellanslag",
    "yaml.unexpected_colon": "hittade ett oväntat ':'",
    "yaml.parsing_block_mapping": "bland nycklarna på den här nivån",
    "yaml.no_key": "en nyckel saknas",
    "yaml.parsing_block_collection": "i en lista",
    "yaml.no_dash": "listpunkten '-' saknas",
    "yaml.parsing_flow_sequence": "i en lista inom hakparenteser",
    "yaml.no_comma_bracket": "',' eller ']' saknas",
    "yaml.parsing_flow_mapping": "i en samling inom klammerparenteser",
    "yaml.no_comma_brace": "',' eller '}}' saknas",
    "yaml.parsing_node": "i ett värde",
    "yaml.parsing_block_node": "i ett värde",
    "yaml.parsing_flow_node": "i ett värde",
    "yaml.no_content": "ett värde saknas",
    "yaml.no_document_start": "början på ett dokument (---) saknas",
    "yaml.no_comment_or_break": "en kommentar eller ett radslut saknas",
    "yaml.scanning_anchor": "i ett ankare (&)",
    "yaml.scanning_alias": "i ett alias (*)",
    "yaml.no_alphanumeric": "en bokstav eller siffra saknas",
    "yaml.scanning_tag": "i en tagg (!)",
    "yaml.parsing_tag": "i en tagg (!)",
    "yaml.undefined_tag_handle": "hittade ett okänt taggprefix",
    "yaml.single_document": "filen får bara innehålla ett YAML-dokument",
    "yaml.another_document": "hittade ett till efter ---",
    "yaml.undefined_alias": ("ett * först i ett värde är ett alias (sätt texten inom citattecken)"),
    "yaml.constructing_mapping": "i en samling nycklar",
    "yaml.unhashable_key": "en nyckel som är en lista eller samling, inte en text",
}

SILENT = frozenset({"while scanning for the next token"})
"""Phrases that say nothing to the reader of a file."""
