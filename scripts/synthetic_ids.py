#!/usr/bin/env python3
"""Synthetic national identifiers, account identifiers and secrets with correct check digits.

Every generator takes a `random.Random` and returns one made-up value, formatted the way it is
commonly written; `bad(...)` variants return a lookalike whose check digit is wrong. Values are
random (fixed seed in the callers), never real. Check-digit rules are the ones the piiscan
validators implement (see Sources/PIIScanKit/Validators/, which cite each algorithm); the values
were cross-checked against python-stdnum where it has the format (`python3
scripts/synthetic_ids.py --check` with python-stdnum importable, e.g. from .venv).

Standard library only, so `make golden` needs nothing beyond python3.
"""
import base64, hashlib, random, string, sys

DIGITS = "0123456789"
UPPER = string.ascii_uppercase
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
B64URL = string.ascii_letters + string.digits + "-_"

def nd(R, n, first=DIGITS):
    return R.choice(first) + "".join(R.choice(DIGITS) for _ in range(n - 1))

def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return str((10 - total % 10) % 10)

def date(R, y0=1950, y1=1999):
    y = R.randint(y0, y1); m = R.randint(1, 12); d = R.randint(1, 28)
    return y, m, d

def bump(ch):
    """A different digit for a check position (a checksum-failing lookalike)."""
    return str((int(ch) + 1) % 10)

# --- Europe -------------------------------------------------------------------------------

def uk_nhs(R, sep=" "):
    while True:
        body = nd(R, 9, "4")
        c = 11 - sum(int(d) * (10 - i) for i, d in enumerate(body)) % 11
        if c == 10: continue
        n = body + str(c % 11 % 10 if c != 11 else 0)
        return n[:3] + sep + n[3:6] + sep + n[6:]

NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"
def uk_nino(R, spaced=False):
    while True:
        p = R.choice(NINO_FIRST) + R.choice(NINO_SECOND)
        if p not in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"): break
    d = nd(R, 6); s = R.choice("ABCD")
    return f"{p} {d[:2]} {d[2:4]} {d[4:]} {s}" if spaced else p + d + s

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
def es_nif(R):
    if R.random() < 0.6:
        n = nd(R, 8)
        return n + NIF_LETTERS[int(n) % 23]
    p = R.choice("XYZ"); n = nd(R, 7)
    return p + n + NIF_LETTERS[int(str("XYZ".index(p)) + n) % 23]

CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23]
def cf_check(s):
    total = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else ord(ch) - 65
        total += CF_ODD[v] if i % 2 == 0 else v
    return chr(65 + total % 26)
def it_fiscal_code(R):
    y, m, d = date(R)
    if R.random() < 0.5: d += 40
    body = "".join(R.choice("BCDFGLMNPRSTVZ") for _ in range(6)) + f"{y % 100:02d}" + "ABCDEHLMPRST"[m - 1] + f"{d:02d}" + R.choice("ABCDEFGHLMZ") + nd(R, 3)
    return body + cf_check(body)

def fr_nir(R, spaced=True):
    sex = R.choice("12"); y, m, _ = date(R)
    dept = f"{R.randint(1, 95):02d}"; commune = nd(R, 3); order = nd(R, 3)
    n = f"{sex}{y % 100:02d}{m:02d}{dept}{commune}{order}"
    key = 97 - int(n) % 97
    if spaced: return f"{n[0]} {n[1:3]} {n[3:5]} {n[5:7]} {n[7:10]} {n[10:13]} {key:02d}"
    return f"{n}{key:02d}"

def de_tax_id(R):
    while True:
        ds = R.sample(DIGITS, 9)
        ds.append(R.choice(ds))
        R.shuffle(ds)
        if ds[0] == "0": continue
        product = 10
        for ch in ds:
            s = (int(ch) + product) % 10
            if s == 0: s = 10
            product = (2 * s) % 11
        c = 11 - product
        return "".join(ds) + str(0 if c == 10 else c)

def nl_bsn(R):
    while True:
        body = nd(R, 8, "123456")
        r = sum(int(d) * (9 - i) for i, d in enumerate(body)) % 11
        if r < 10: return body + str(r)

def pl_pesel(R):
    y, m, d = date(R, 1950, 2012)
    mm = m + (20 if y >= 2000 else 0)
    body = f"{y % 100:02d}{mm:02d}{d:02d}" + nd(R, 4)
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return body + str((10 - sum(int(a) * b for a, b in zip(body, w)) % 10) % 10)

def se_personnummer(R):
    y, m, d = date(R)
    body = f"{y % 100:02d}{m:02d}{d:02d}" + nd(R, 3)
    return f"{body[:6]}-{body[6:]}{luhn_digit(body)}"

HETU = "0123456789ABCDEFHJKLMNPRSTUVWXY"
def fi_hetu(R):
    y, m, d = date(R, 1950, 2015)
    sign = "-" if y < 2000 else "A"
    ind = f"{R.randint(2, 899):03d}"
    dd = f"{d:02d}{m:02d}{y % 100:02d}"
    return dd + sign + ind + HETU[int(dd + ind) % 31]

def dk_cpr(R, sep="-"):
    y, m, d = date(R)
    return f"{d:02d}{m:02d}{y % 100:02d}{sep}{R.choice('0123')}{nd(R, 3)}"

def no_fnr(R):
    while True:
        y, m, d = date(R)
        body = f"{d:02d}{m:02d}{y % 100:02d}{R.randint(0, 499):03d}"
        k1 = 11 - sum(int(a) * b for a, b in zip(body, [3, 7, 6, 1, 8, 9, 4, 5, 2])) % 11
        if k1 == 10: continue
        body += str(k1 % 11)
        k2 = 11 - sum(int(a) * b for a, b in zip(body, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2])) % 11
        if k2 == 10: continue
        return body + str(k2 % 11)

def be_national_number(R, formatted=True):
    y, m, d = date(R)
    body = f"{y % 100:02d}{m:02d}{d:02d}{R.randint(1, 997):03d}"
    c = 97 - int(body) % 97
    if formatted: return f"{body[:2]}.{body[2:4]}.{body[4:6]}-{body[6:]}.{c:02d}"
    return f"{body}{c:02d}"

def pt_nif(R):
    body = nd(R, 8, "123")
    c = 11 - sum(int(a) * (9 - i) for i, a in enumerate(body)) % 11
    return body + str(0 if c >= 10 else c)

def ie_pps(R):
    body = nd(R, 7)
    s = sum((8 - i) * int(d) for i, d in enumerate(body))
    if R.random() < 0.5:
        return body + "WABCDEFGHIJKLMNOPQRSTUV"[(s + 9) % 23] + "A"
    return body + "WABCDEFGHIJKLMNOPQRSTUV"[s % 23]

# --- Americas -----------------------------------------------------------------------------

def ca_sin(R, sep=" "):
    body = nd(R, 8, "1234567")
    n = body + luhn_digit(body)
    return sep.join([n[:3], n[3:6], n[6:]])

def us_itin(R, sep="-"):
    return f"9{nd(R, 2)}{sep}{R.randint(70, 88)}{sep}{nd(R, 4)}"

def us_npi(R):
    body = nd(R, 9, "12")
    return body + luhn_digit("80840" + body)

def us_dea(R):
    d = nd(R, 6)
    c = (int(d[0]) + int(d[2]) + int(d[4]) + 2 * (int(d[1]) + int(d[3]) + int(d[5]))) % 10
    return R.choice("ABFM") + R.choice(UPPER) + d + str(c)

def mod11_br(digits, weights):
    s = sum(int(a) * b for a, b in zip(digits, weights)) % 11
    return "0" if s < 2 else str(11 - s)
def br_cpf(R, formatted=True):
    while True:
        b = nd(R, 9)
        if len(set(b)) > 1: break
    b += mod11_br(b, range(10, 1, -1)); b += mod11_br(b, range(11, 1, -1))
    return f"{b[:3]}.{b[3:6]}.{b[6:9]}-{b[9:]}" if formatted else b

def br_cnpj(R, formatted=True):
    b = nd(R, 8) + "0001"
    b += mod11_br(b, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]); b += mod11_br(b, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
    return f"{b[:2]}.{b[2:5]}.{b[5:8]}/{b[8:12]}-{b[12:]}" if formatted else b

CURP_ALPHA = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ"
def mx_curp(R):
    y, m, d = date(R)
    head = R.choice(["GORA", "HEGR", "LOPJ", "MAHS", "PERL", "RUAM", "SOTM", "VEGA"])
    body = head + f"{y % 100:02d}{m:02d}{d:02d}" + R.choice("HM") + R.choice(["DF", "JC", "NL", "BC", "VZ", "YN"]) \
        + "".join(R.choice("BCDFGHJKLMNPRSTVZ") for _ in range(3)) + R.choice(DIGITS)
    s = sum(CURP_ALPHA.index(c) * (18 - i) for i, c in enumerate(body))
    return body + str((10 - s % 10) % 10)

# --- Asia-Pacific, Africa, Middle East -----------------------------------------------------

VD = [[0,1,2,3,4,5,6,7,8,9],[1,2,3,4,0,6,7,8,9,5],[2,3,4,0,1,7,8,9,5,6],[3,4,0,1,2,8,9,5,6,7],[4,0,1,2,3,9,5,6,7,8],
      [5,9,8,7,6,0,4,3,2,1],[6,5,9,8,7,1,0,4,3,2],[7,6,5,9,8,2,1,0,4,3],[8,7,6,5,9,3,2,1,0,4],[9,8,7,6,5,4,3,2,1,0]]
VP = [[0,1,2,3,4,5,6,7,8,9],[1,5,7,6,2,8,3,0,9,4],[5,8,0,3,7,9,6,1,4,2],[8,9,1,6,0,4,3,5,2,7],[9,4,5,3,1,2,6,8,7,0],
      [4,2,8,6,5,7,3,9,0,1],[2,7,9,3,8,0,6,4,1,5],[7,0,4,6,9,1,3,2,5,8]]
VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]
def verhoeff_digit(body):
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = VD[c][VP[(i + 1) % 8][int(ch)]]
    return str(VINV[c])
def in_aadhaar(R, sep=" "):
    body = nd(R, 11, "23456789")
    n = body + verhoeff_digit(body)
    return sep.join([n[:4], n[4:8], n[8:]])

def in_pan(R):
    return "".join(R.choice(UPPER) for _ in range(3)) + "P" + R.choice(UPPER) + f"{R.randint(1, 9999):04d}" + R.choice(UPPER)

def cn_resident_id(R):
    y, m, d = date(R)
    body = R.choice(["110101", "310104"]) + f"{y}{m:02d}{d:02d}" + nd(R, 3)
    s = sum(int(c) * (2 ** (17 - i) % 11) for i, c in enumerate(body))
    return body + "10X98765432"[s % 11]

def sg_nric(R):
    p = R.choice("ST"); body = nd(R, 7)
    s = sum(int(a) * b for a, b in zip(body, [2, 7, 6, 5, 4, 3, 2])) + (4 if p == "T" else 0)
    return p + body + "JZIHGFEDCBA"[s % 11]

def kr_rrn(R, sep="-"):
    y, m, d = date(R)
    body = f"{y % 100:02d}{m:02d}{d:02d}" + R.choice("12") + f"{R.randint(0, 90):02d}" + nd(R, 3)
    s = sum(int(a) * b for a, b in zip(body, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]))
    c = (11 - s % 11) % 10
    return f"{body[:6]}{sep}{body[6:]}{c}"

def jp_my_number(R, sep=" "):
    body = nd(R, 11)
    s = sum(int(body[10 - (n - 1)]) * (n + 1 if n <= 6 else n - 5) for n in range(1, 12))
    r = s % 11
    n = body + str(0 if r <= 1 else 11 - r)
    return sep.join([n[:4], n[4:8], n[8:]])

def au_tfn(R, sep=" "):
    w = [1, 4, 3, 7, 5, 8, 6, 9, 10]
    while True:
        body = nd(R, 8, "123456789")
        r = sum(int(a) * b for a, b in zip(body, w)) % 11
        # the last weight is 10 = -1 (mod 11): d9 = r
        if r < 10:
            n = body + str(r)
            return sep.join([n[:3], n[3:6], n[6:]])

def au_abn(R):
    w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19]
    while True:
        tail = nd(R, 9)
        for head in range(11, 100):
            n = f"{head}{tail}"
            ds = [int(c) for c in n]; ds[0] -= 1
            if sum(a * b for a, b in zip(ds, w)) % 89 == 0:
                return f"{n[:2]} {n[2:5]} {n[5:8]} {n[8:]}"

def au_medicare(R):
    body = nd(R, 8, "23456")
    c = sum(int(a) * b for a, b in zip(body, [1, 3, 7, 9, 1, 3, 7, 9])) % 10
    return f"{body[:4]} {body[4:]}{c} {R.randint(1, 9)}"

def za_id(R):
    y, m, d = date(R)
    body = f"{y % 100:02d}{m:02d}{d:02d}" + nd(R, 4) + R.choice("01") + "8"
    return body + luhn_digit(body)

def tr_national_id(R):
    b = [int(c) for c in nd(R, 9, "123456789")]
    d10 = (7 * (b[0] + b[2] + b[4] + b[6] + b[8]) - (b[1] + b[3] + b[5] + b[7])) % 10
    b.append(d10); b.append(sum(b) % 10)
    return "".join(map(str, b))

def il_id(R):
    body = nd(R, 8, "0123")
    return body + luhn_digit(body)

# --- Other identifiers -----------------------------------------------------------------------

VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_VALUE = {**{str(i): i for i in range(10)}, **dict(zip("ABCDEFGH", range(1, 9))), **dict(zip("JKLMN", range(1, 6))), "P": 7, "R": 9,
             **dict(zip("STUVWXYZ", range(2, 10)))}
VIN_W = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
def vin(R):
    s = list(R.choice(["1HG", "1FT", "2T1", "3VW", "5YJ", "4T1"]) + "".join(R.choice(VIN_CHARS) for _ in range(5)) + "0"
             + R.choice("ABCDEFGHJKLMNPRSTVWXY") + R.choice(UPPER.replace("I", "").replace("O", "").replace("Q", "")) + nd(R, 6))
    c = sum(VIN_VALUE[ch] * w for ch, w in zip(s, VIN_W)) % 11
    s[8] = "X" if c == 10 else str(c)
    return "".join(s)

def imei(R):
    body = R.choice(["35", "86", "01"]) + nd(R, 12)
    return body + luhn_digit(body)

B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def base58(data):
    n = int.from_bytes(data, "big"); out = ""
    while n:
        n, r = divmod(n, 58); out = B58[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out
def bitcoin_address(R):
    payload = bytes([R.choice([0, 5])]) + bytes(R.getrandbits(8) for _ in range(20))
    return base58(payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4])

# Keccak-256 (the pre-standard SHA-3 padding Ethereum uses), for EIP-55 checksums.
RC = [0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000, 0x000000000000808B, 0x0000000080000001,
      0x8000000080008081, 0x8000000000008009, 0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
      0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003, 0x8000000000008002, 0x8000000000000080,
      0x000000000000800A, 0x800000008000000A, 0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008]
ROT = [[0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14]]
M64 = (1 << 64) - 1
def _rol(x, n): return ((x << n) | (x >> (64 - n))) & M64 if n else x
def keccak256(data):
    rate = 136
    msg = bytearray(data) + b"\x01"
    while len(msg) % rate: msg.append(0)
    msg[-1] |= 0x80
    A = [[0] * 5 for _ in range(5)]
    for off in range(0, len(msg), rate):
        for i in range(rate // 8):
            A[i % 5][i // 5] ^= int.from_bytes(msg[off + 8 * i: off + 8 * i + 8], "little")
        for rnd in range(24):
            C = [A[x][0] ^ A[x][1] ^ A[x][2] ^ A[x][3] ^ A[x][4] for x in range(5)]
            D = [C[(x - 1) % 5] ^ _rol(C[(x + 1) % 5], 1) for x in range(5)]
            A = [[A[x][y] ^ D[x] for y in range(5)] for x in range(5)]
            B = [[0] * 5 for _ in range(5)]
            for x in range(5):
                for y in range(5):
                    B[y][(2 * x + 3 * y) % 5] = _rol(A[x][y], ROT[x][y])
            A = [[B[x][y] ^ (~B[(x + 1) % 5][y] & B[(x + 2) % 5][y]) for y in range(5)] for x in range(5)]
            A[0][0] ^= RC[rnd]
    return b"".join(A[i % 5][i // 5].to_bytes(8, "little") for i in range(4))
def ethereum_address(R):
    hexs = "".join(R.choice("0123456789abcdef") for _ in range(40))
    h = keccak256(hexs.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(hexs))

def swift_bic(R):
    return "".join(R.choice(UPPER) for _ in range(4)) + R.choice(["DE", "FR", "GB", "NL", "IT", "ES"]) + R.choice(UPPER) + R.choice(UPPER + DIGITS) \
        + (R.choice(["XXX", "100", "A1B"]) if R.random() < 0.5 else "")

# --- Secrets -------------------------------------------------------------------------------

def rnd(R, n, alphabet=B62): return "".join(R.choice(alphabet) for _ in range(n))
def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62); out = B62[r] + out
    return out.rjust(width, "0")
def google_api_key(R): return "AIza" + rnd(R, 35, B64URL)
def stripe_key(R): return R.choice(["sk_live_", "rk_live_"]) + rnd(R, 24)
def slack_webhook(R): return f"https://hooks.slack.com/services/T{rnd(R, 8, UPPER + DIGITS)}/B{rnd(R, 8, UPPER + DIGITS)}/{rnd(R, 24)}"
def gitlab_token(R): return "glpat-" + rnd(R, 20, B64URL.replace("-", "").replace("_", ""))
def openai_api_key(R): return "sk-proj-" + rnd(R, 20) + "T3BlbkFJ" + rnd(R, 20)
def anthropic_api_key(R): return "sk-ant-api03-" + rnd(R, 93, B64URL) + "AA"
def npm_token(R):
    body = rnd(R, 30)
    import binascii
    return "npm_" + body + base62(binascii.crc32(body.encode()) & 0xffffffff, 6)
def pypi_token(R): return "pypi-AgEIcHlwaS5vcmc" + rnd(R, 70, B64URL)
def sendgrid_key(R): return "SG." + rnd(R, 22, B64URL) + "." + rnd(R, 43, B64URL)
def twilio_key(R): return "SK" + rnd(R, 32, "0123456789abcdef")
def azure_storage_key(R): return base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
def gcp_private_key_id(R): return rnd(R, 40, "0123456789abcdef")
def password(R): return rnd(R, 14)
def basic_auth(R): return base64.b64encode(f"svc{R.randint(1, 99)}:{rnd(R, 12)}".encode()).decode()
def bearer_token(R): return rnd(R, 40, B62 + "._-")

def check():
    """Cross-checks the generators against python-stdnum where it has the format."""
    from stdnum import br, ca, cn, es, fi, fr, de, il, imei as imei_m, in_, it, jp, kr, nl, no, pl, pt, se, tr, us, za, au, be, ie, mx, dk, gb, bitcoin, bic
    from stdnum.br import cpf, cnpj
    from stdnum.ca import sin
    from stdnum.cn import ric
    from stdnum.es import nif
    from stdnum.fi import hetu
    from stdnum.fr import nir
    from stdnum.de import idnr
    from stdnum.il import idnr as ilid
    from stdnum.in_ import aadhaar, pan
    from stdnum.it import codicefiscale
    from stdnum.jp import in_ as jpin
    from stdnum.kr import rrn
    from stdnum.nl import bsn
    from stdnum.no import fodselsnummer
    from stdnum.pl import pesel
    from stdnum.pt import nif as ptnif
    from stdnum.se import personnummer
    from stdnum.tr import tckimlik
    from stdnum.us import itin
    from stdnum.za import idnr as zaid
    from stdnum.au import tfn, abn
    from stdnum.be import nn
    from stdnum.ie import pps
    from stdnum.mx import curp
    from stdnum.dk import cpr
    from stdnum.gb import nhs
    R = random.Random(1)
    pairs = [(uk_nhs, nhs), (es_nif, nif), (it_fiscal_code, codicefiscale), (lambda R: fr_nir(R, False), nir), (de_tax_id, idnr),
             (nl_bsn, bsn), (pl_pesel, pesel), (se_personnummer, personnummer), (fi_hetu, hetu), (dk_cpr, cpr), (no_fnr, fodselsnummer),
             (be_national_number, nn), (pt_nif, ptnif), (ie_pps, pps), (ca_sin, sin), (us_itin, itin), (br_cpf, cpf), (br_cnpj, cnpj),
             (mx_curp, curp), (in_aadhaar, aadhaar), (in_pan, pan), (cn_resident_id, ric), (kr_rrn, rrn), (jp_my_number, jpin),
             (au_tfn, tfn), (au_abn, abn), (za_id, zaid), (tr_national_id, tckimlik), (il_id, ilid), (imei, imei_m),
             (bitcoin_address, bitcoin), (swift_bic, bic)]
    bad = 0
    for gen, mod in pairs:
        for _ in range(200):
            v = gen(R)
            try:
                mod.validate(v)
            except Exception as e:
                bad += 1
                print(f"{gen.__name__}: {v} rejected: {e}")
                break
    print("ok" if bad == 0 else f"{bad} generators disagree")

if __name__ == "__main__" and "--check" in sys.argv:
    check()
