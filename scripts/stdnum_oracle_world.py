#!/usr/bin/env python3
"""Differential-test oracle: python-stdnum's verdict for piiscan's non-European validators.

Reads lines `validator_name<TAB>value` from stdin and writes one line per input line:
`valid`, `invalid` or `unsupported` (no stdnum module for that validator, or the module is
missing from the installed stdnum). When stdnum rejects a value for a reason that piiscan
deliberately does not check, the word is followed by a tab and a reason tag, so the Swift test
can recognise documented differences; today that is only `birth_place` for `cn_resident_id`
(stdnum checks the county against its bundled loc.dat; piiscan checks only the province).
An exception other than stdnum's ValidationError is reported as `invalid<TAB>error:<type>`,
which the Swift test never treats as documented.

Used by Tests/PIIScanKitTests/ValidatorsTests/DifferentialWorldTests.swift. Synthetic values only.
"""

import importlib
import sys

# piiscan validator name -> python-stdnum module. Validators without an entry (sg_nric,
# us_npi, us_dea, au_medicare, ethereum_address, npm_token) have no stdnum counterpart.
MODULES = {
    'ca_sin': 'stdnum.ca.sin',
    'us_itin': 'stdnum.us.itin',
    'br_cpf': 'stdnum.br.cpf',
    'br_cnpj': 'stdnum.br.cnpj',
    'mx_curp': 'stdnum.mx.curp',
    'in_aadhaar': 'stdnum.in_.aadhaar',
    'in_pan': 'stdnum.in_.pan',
    'cn_resident_id': 'stdnum.cn.ric',
    'kr_rrn': 'stdnum.kr.rrn',
    'jp_my_number': 'stdnum.jp.in_',
    'au_tfn': 'stdnum.au.tfn',
    'au_abn': 'stdnum.au.abn',
    'za_id': 'stdnum.za.idnr',
    'tr_national_id': 'stdnum.tr.tckimlik',
    'il_id': 'stdnum.il.idnr',
    'vin': 'stdnum.vin',  # not in python-stdnum 2.2: answers `unsupported`
    'imei': 'stdnum.imei',
    'swift_bic': 'stdnum.bic',
    'bitcoin_address': 'stdnum.bitcoin',
}


def load(name, cache={}):
    """The stdnum module for a piiscan validator name, or None."""
    if name not in cache:
        module = None
        if name in MODULES:
            try:
                module = importlib.import_module(MODULES[name])
            except ImportError:
                module = None
        cache[name] = module
    return cache[name]


def verdict(name, value):
    module = load(name)
    if module is None:
        return 'unsupported'
    from stdnum.exceptions import ValidationError
    try:
        module.validate(value)
        return 'valid'
    except Exception as error:  # noqa: BLE001 - stdnum 2.2's cn.ric can raise KeyError
        if name == 'cn_resident_id' and failed_only_on_birth_place(module, value):
            return 'invalid\tbirth_place'
        if isinstance(error, ValidationError):
            return 'invalid'
        # Not a verdict: the Swift test treats this reason as an undocumented disagreement.
        return 'invalid\terror:' + type(error).__name__


def failed_only_on_birth_place(ric, value):
    """True when checksum and birth date pass but stdnum's county lookup rejects the value."""
    from stdnum.exceptions import ValidationError
    try:
        if ric.calc_check_digit(value) != value[-1].upper():
            return False
        ric.get_birth_date(value)
    except (ValidationError, ValueError):
        return False
    try:
        ric.get_birth_place(value)
    except (ValidationError, KeyError):
        # KeyError: stdnum 2.2 has loc.dat entries without a county (e.g. a bare prefecture).
        return True
    return False


def main():
    out = []
    for line in sys.stdin:
        line = line.rstrip('\n')
        if not line:
            continue
        name, _, value = line.partition('\t')
        out.append(verdict(name, value))
    sys.stdout.write('\n'.join(out) + ('\n' if out else ''))


if __name__ == '__main__':
    main()
