#!/usr/bin/env python3
"""Third-party oracle for piiscan's differential validator tests.

Reads lines ``validator_name<TAB>value`` from stdin and prints one verdict per line:
``valid``, ``invalid`` or ``unsupported`` (no oracle for that validator name).

The oracle is python-stdnum (https://arthurdejong.org/python-stdnum/). ``ORACLES`` maps
piiscan validator names (the names pattern files cite) to a check; add entries there. Each
entry compares only what both sides check. Where piiscan deliberately differs, the Swift side
(Tests/PIIScanKitTests/ValidatorsTests/DifferentialCases*.swift) documents and excuses the
difference; summary of those differences:

- credit_card: stdnum has no card module, so this is stdnum.luhn only; piiscan also checks
  brand IIN ranges/lengths and rejects all-same-digit numbers.
- iban: country-specific national checks are off (check_country=False); piiscan checks the
  registry length/BBAN structure and MOD 97-10 like stdnum, and also rejects the
  never-issued check digits 00, 01 and 99.
- aba_routing: stdnum checks only the check digit; piiscan also checks the Federal Reserve
  prefix and rejects all zeros.
- dk_cpr, no_fnr, be_national_number: stdnum compares birth dates with today's date; piiscan
  is clock-free and accepts future dates.
- se_personnummer: stdnum rejects coordination numbers (day + 60); piiscan accepts them and
  requires a 12-digit number's century to be 18-20.
- it_fiscal_code: stdnum reads the day modulo 40, accepting days 80-99; piiscan does not.
- fr_nir: piiscan also requires the first digit to be 1, 2, 3, 4, 7 or 8.
- de_tax_id: piiscan also rejects a digit occurring three times in adjacent positions.
- pt_nif: piiscan also requires an allocated leading range (stdnum: any non-zero digit).
- ie_pps: piiscan also accepts the second letters C-G and I (stdnum: A, B, H, W, T, X).
- es_nif: stdnum also accepts company CIFs; piiscan covers natural persons only.
- fi_hetu: no difference: temporary codes (individual 900-999) are `.unverifiable` for
  piiscan, which counts as invalid, as in stdnum's default (allow_temporary=False).

Any exception an oracle raises on a malformed value counts as ``invalid``.
"""

from __future__ import annotations

import importlib
import sys
from typing import Callable


def _stdnum(module: str, **kwargs: object) -> Callable[[str], bool]:
    """A check calling ``<module>.is_valid(value, **kwargs)``, imported on first use."""

    def check(value: str) -> bool:
        return bool(importlib.import_module(module).is_valid(value, **kwargs))

    return check


# piiscan validator name -> oracle check. Keep this a plain dict: other validator families
# add their own entries.
ORACLES: dict[str, Callable[[str], bool]] = {
    "luhn": _stdnum("stdnum.luhn"),
    "credit_card": _stdnum("stdnum.luhn"),
    "iban": _stdnum("stdnum.iban", check_country=False),
    "us_ssn": _stdnum("stdnum.us.ssn"),
    "aba_routing": _stdnum("stdnum.us.rtn"),
    "uk_nhs": _stdnum("stdnum.gb.nhs"),
    "es_nif": _stdnum("stdnum.es.nif"),
    "it_fiscal_code": _stdnum("stdnum.it.codicefiscale"),
    "fr_nir": _stdnum("stdnum.fr.nir"),
    "de_tax_id": _stdnum("stdnum.de.idnr"),
    "nl_bsn": _stdnum("stdnum.nl.bsn"),
    "pl_pesel": _stdnum("stdnum.pl.pesel"),
    "se_personnummer": _stdnum("stdnum.se.personnummer"),
    "fi_hetu": _stdnum("stdnum.fi.hetu"),
    "dk_cpr": _stdnum("stdnum.dk.cpr"),
    "no_fnr": _stdnum("stdnum.no.fodselsnummer"),
    "be_national_number": _stdnum("stdnum.be.nn"),
    "pt_nif": _stdnum("stdnum.pt.nif"),
    "ie_pps": _stdnum("stdnum.ie.pps"),
}


def verdict(name: str, value: str) -> str:
    """The oracle's verdict for one value."""
    check = ORACLES.get(name)
    if check is None:
        return "unsupported"
    try:
        return "valid" if check(value) else "invalid"
    except Exception:  # noqa: BLE001 - a crash on malformed input is a rejection
        return "invalid"


def main() -> int:
    out = []
    for line in sys.stdin:
        name, _, value = line.rstrip("\r\n").partition("\t")
        out.append(verdict(name, value))
    sys.stdout.write("".join(v + "\n" for v in out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
