#!/usr/bin/env python3
"""Generates Sources/PIIScanKit/Validators/PhoneNumberingPlan+Data.swift from the numbering-plan
metadata of the `phonenumbers` package (the Python port of Google's libphonenumber).

Run through `make phone-metadata` (which creates the `.venv` with `phonenumbers`), or directly
with any interpreter that can `import phonenumbers`:

    .venv/bin/python scripts/gen_phone_metadata.py

Data source and licence: libphonenumber's PhoneNumberMetadata.xml
(https://github.com/google/libphonenumber), Copyright (C) Google Inc., Apache License 2.0, as
shipped by the `phonenumbers` package (https://github.com/daviddrysdale/python-phonenumbers,
also Apache License 2.0). The generated file records the package version.

Only what `phonenumbers.is_valid_number(phonenumbers.parse(...))` needs is kept, per region:
calling code, leading digits (which region of a shared calling code a number belongs to), the
national prefix for parsing and its transform rule, the international (IDD) prefix, the
general description (pattern, possible lengths, local-only lengths) and one (lengths, pattern)
entry per number type (duplicates dropped: mobile often equals fixed line), with each regular
expression stored once (regions sharing a calling code share most of them).
Formatting rules, example numbers, carrier and geocoding data are left out.
"""

from __future__ import annotations

import os
import sys

import phonenumbers
from phonenumbers import PhoneMetadata

OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "Sources", "PIIScanKit", "Validators", "PhoneNumberingPlan+Data.swift",
)

# The order phonenumbers' _number_type_helper tries the types in; validity only needs "any".
TYPES = [
    "premium_rate", "toll_free", "shared_cost", "voip", "personal_number", "pager", "uan",
    "voicemail", "fixed_line", "mobile",
]


def swift_string(value: str | None) -> str:
    """A Swift raw string literal (or nil); the metadata patterns never contain `"#`."""
    if value is None or value == "":
        return "nil"
    assert '"#' not in value, value
    return '#"' + value + '"#'


def swift_ints(values) -> str:
    return "[" + ", ".join(str(v) for v in values) + "]"


def transform_rule(rule: str | None) -> str | None:
    """phonenumbers writes group references as `\\1`; the Swift side reads `$1` (as in the XML)."""
    if not rule:
        return None
    out = []
    i = 0
    while i < len(rule):
        if rule[i] == "\\" and i + 1 < len(rule) and rule[i + 1].isdigit():
            out.append("$" + rule[i + 1])
            i += 2
        else:
            assert rule[i] not in "\\$", rule
            out.append(rule[i])
            i += 1
    return "".join(out)


class Pool:
    """Every regular expression once, referenced by index (NANP regions share most patterns)."""

    def __init__(self) -> None:
        self.patterns: list[str] = []
        self.index: dict[str, int] = {}

    def ref(self, pattern: str | None) -> str:
        if pattern is None or pattern == "":
            return "nil"
        if pattern not in self.index:
            self.index[pattern] = len(self.patterns)
            self.patterns.append(pattern)
        return str(self.index[pattern])


def plan_entry(pool: Pool, calling_code: int, region: str, is_main: bool) -> str:
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(calling_code, region)
    assert metadata is not None, (calling_code, region)
    general = metadata.general_desc
    assert general.national_number_pattern and general.possible_length, region
    types = []
    for name in TYPES:
        desc = getattr(metadata, name)
        if desc is None or not desc.national_number_pattern:
            continue
        entry = f".init({swift_ints(desc.possible_length)}, {pool.ref(desc.national_number_pattern)})"
        if entry not in types:
            types.append(entry)
    general_desc = (
        f".init({swift_ints(general.possible_length)}, "
        f"localOnly: {swift_ints(general.possible_length_local_only)}, "
        f"{pool.ref(general.national_number_pattern)})"
    )
    return (
        f'    .init(\n      "{region}", {calling_code}, isMainRegion: {str(is_main).lower()}, '
        f"leadingDigits: {pool.ref(metadata.leading_digits)}, "
        f"nationalPrefixForParsing: {pool.ref(metadata.national_prefix_for_parsing)},\n"
        f"      internationalPrefix: {pool.ref(metadata.international_prefix)}, nationalPrefixTransformRule: "
        f"{swift_string(transform_rule(metadata.national_prefix_transform_rule))},\n"
        f"      general: {general_desc},\n"
        f"      types: [{', '.join(types)}]),"
    )


def main() -> int:
    pool = Pool()
    entries = []
    for calling_code in sorted(phonenumbers.COUNTRY_CODE_TO_REGION_CODE):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE[calling_code]
        for index, region in enumerate(regions):
            entries.append(plan_entry(pool, calling_code, region, index == 0))
    version = phonenumbers.__version__
    header = f"""// GENERATED by scripts/gen_phone_metadata.py (`make phone-metadata`); do not edit.
//
// Source: libphonenumber metadata (PhoneNumberMetadata.xml, https://github.com/google/libphonenumber),
// Copyright (C) Google Inc., licensed under the Apache License, Version 2.0
// (https://www.apache.org/licenses/LICENSE-2.0), as shipped by the Python package
// `phonenumbers` {version}. Only the fields validation needs are kept; see docs/phones.md.

extension PhoneNumberingPlan {{
  /// The `phonenumbers` package version the tables were generated from.
  static let metadataVersion = "{version}"

  /// Every region's plan, by calling code; within a calling code in libphonenumber's order
  /// (the main region first), which decides which region a shared-code number belongs to.
  /// Numbers in descriptions are indices into ``patterns``.
  static let all: [PhoneNumberingPlan] = [
"""
    body = "\n".join(entries)
    patterns = "\n".join(f"    {swift_string(p)}," for p in pool.patterns)
    footer = f"""
  ]

  /// The regular expressions (libphonenumber syntax, which PCRE2 reads alike), each once.
  static let patterns: [String] = [
{patterns}
  ]
}}
"""
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write(header + body + footer)
    print(f"wrote {os.path.relpath(OUTPUT)}: {len(entries)} regions, {len(pool.patterns)} patterns, "
          f"phonenumbers {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
