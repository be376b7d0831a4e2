#!/usr/bin/env python3
"""Third-party oracle for piiscan's phone validators: the `phonenumbers` package (the Python
port of Google's libphonenumber, https://github.com/daviddrysdale/python-phonenumbers).

Two modes, both line-oriented on stdin/stdout:

- ``phone_oracle.py`` (validate): reads lines ``+digits`` (international) or
  ``REGION<TAB>digits`` (national format of an ISO region) and prints ``valid`` or ``invalid``
  per line: ``phonenumbers.is_valid_number(phonenumbers.parse(number, region))``. A number
  `parse` rejects (NumberParseException) is ``invalid``.
- ``phone_oracle.py examples``: prints, for every supported region and non-geographic calling
  code, the example number of every number type libphonenumber has one for, as
  ``REGION<TAB>TYPE<TAB>+E164<TAB>NATIONAL`` lines, NATIONAL being the digits of the national
  format (trunk prefix included); sorted, so the output is stable for one version.

The first output line of ``examples`` is ``# phonenumbers <version>``.
"""

from __future__ import annotations

import sys

import phonenumbers
from phonenumbers import PhoneNumberType

TYPES = {
    "fixed_line": PhoneNumberType.FIXED_LINE,
    "mobile": PhoneNumberType.MOBILE,
    "toll_free": PhoneNumberType.TOLL_FREE,
    "premium_rate": PhoneNumberType.PREMIUM_RATE,
    "shared_cost": PhoneNumberType.SHARED_COST,
    "voip": PhoneNumberType.VOIP,
    "personal_number": PhoneNumberType.PERSONAL_NUMBER,
    "pager": PhoneNumberType.PAGER,
    "uan": PhoneNumberType.UAN,
    "voicemail": PhoneNumberType.VOICEMAIL,
}


def examples() -> int:
    lines = set()
    for region in phonenumbers.SUPPORTED_REGIONS:
        for name, numtype in TYPES.items():
            number = phonenumbers.example_number_for_type(region, numtype)
            if number is not None:
                lines.add(f"{region}\t{name}\t{format_e164(number)}\t{national_digits(number)}")
    for code in phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS:
        for name, numtype in TYPES.items():
            metadata = phonenumbers.PhoneMetadata.metadata_for_nongeo_region(code)
            desc = getattr(metadata, name, None) if metadata else None
            if desc is not None and desc.example_number:
                number = phonenumbers.parse(f"+{code}{desc.example_number}")
                lines.add(f"001\t{name}\t{format_e164(number)}\t{national_digits(number)}")
    print(f"# phonenumbers {phonenumbers.__version__}")
    for line in sorted(lines):
        print(line)
    return 0


def format_e164(number: phonenumbers.PhoneNumber) -> str:
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def national_digits(number: phonenumbers.PhoneNumber) -> str:
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return "".join(c for c in national if c.isdigit())


def validate() -> int:
    out = []
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        region, _, number = line.rpartition("\t")
        try:
            parsed = phonenumbers.parse(number, region or None)
            out.append("valid" if phonenumbers.is_valid_number(parsed) else "invalid")
        except phonenumbers.NumberParseException:
            out.append("invalid")
    sys.stdout.write("".join(answer + "\n" for answer in out))
    return 0


if __name__ == "__main__":
    sys.exit(examples() if sys.argv[1:] == ["examples"] else validate())
