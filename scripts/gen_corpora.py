#!/usr/bin/env python3
"""Generates the bundled synthetic corpora and their labels (fixed seed; no real personal data).

Every value is made up: card numbers get a computed Luhn digit, IBANs a computed mod-97 key,
tokens a computed CRC32, and so on, so validators accept them; lookalikes (timestamps, UUIDs,
hex digests, version numbers, epoch milliseconds, order ids, checksum-failing numbers) are mixed
in and must not be reported.

Writes, under corpora/:
  logs/app.log            text log lines (access, app, worker), with a multi-line PEM key
  logs/app.log.1.gz       another day's log, gzip (labels in decompressed offsets)
  datasets/train.jsonl    JSON Lines training records (some values JSON-escaped: \\u0040, \\n)
  datasets/customers.csv  RFC 4180 CSV with quoted commas, doubled quotes and newlines
  datasets/chat.jsonl.zst JSON Lines, zstd (two frames)
  logs/ids.log            national identifiers, other identifiers and secrets in log lines, with
                          checksum-failing and context-free lookalikes (scripts/synthetic_ids.py)
  datasets/identities.jsonl  the same entities as JSON fields named by context words
  datasets/people.csv     one column per identifier, headed by its context word
  expected/labels.jsonl   one label per PII value: source, offset, length, entity
  test.key                the fingerprint key the golden outputs use (test-only, not secret)
Run: python3 scripts/gen_corpora.py   (make golden also refreshes expected/findings.jsonl)
"""
import base64, binascii, gzip, hashlib, json, os, pathlib, random, subprocess, sys, zlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import synthetic_ids as sid  # check digits shared with the issue #5 generators
from synthetic_ids import luhn_digit

ROOT = pathlib.Path(__file__).resolve().parent.parent / "corpora"
R = random.Random(42)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

def card():
    kind = R.choice(["visa", "mc", "mc2", "amex", "discover"])
    if kind == "visa": body = "4" + "".join(R.choice("0123456789") for _ in range(14))
    elif kind == "mc": body = "5" + R.choice("12345") + "".join(R.choice("0123456789") for _ in range(13))
    elif kind == "mc2": body = "2" + R.choice(["221", "300", "500", "720"])[0:3] + "".join(R.choice("0123456789") for _ in range(11))
    elif kind == "amex": body = R.choice(["34", "37"]) + "".join(R.choice("0123456789") for _ in range(12))
    else: body = "6011" + "".join(R.choice("0123456789") for _ in range(11))
    n = body + luhn_digit(body)
    style = R.choice(["plain", "space", "dash"])
    if style == "plain": return n
    sep = " " if style == "space" else "-"
    if len(n) == 15: return n[:4] + sep + n[4:10] + sep + n[10:]
    return sep.join(n[i:i + 4] for i in range(0, 16, 4))

def iban():
    country, length = R.choice([("DE", 22), ("GB", 22), ("FR", 27), ("NL", 18), ("ES", 24)])
    if country == "GB": bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(R.choice("0123456789") for _ in range(14))
    elif country == "NL": bban = "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(R.choice("0123456789") for _ in range(10))
    else: bban = "".join(R.choice("0123456789") for _ in range(length - 4))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    value = f"{country}{check:02d}{bban}"
    if R.random() < 0.5:
        value = " ".join(value[i:i + 4] for i in range(0, len(value), 4))
    return value

def ssn():
    while True:
        area = R.randint(1, 899)
        if area != 666: break
    return f"{area:03d}-{R.randint(1, 99):02d}-{R.randint(1, 9999):04d}"

def routing():
    while True:
        prefix = R.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "21", "22", "26", "31", "32"])
        body = prefix + "".join(R.choice("0123456789") for _ in range(6))
        w = [3, 7, 1, 3, 7, 1, 3, 7]
        s = sum(int(d) * x for d, x in zip(body, w))
        return body + str((10 - s % 10) % 10)

def ipv4():
    return ".".join(str(x) for x in [R.choice([10, 172, 192, 198, 203]), R.randint(0, 255), R.randint(0, 255), R.randint(1, 254)])

def ipv6():
    groups = [f"{R.randint(0, 0xffff):x}" for _ in range(8)]
    if R.random() < 0.5:
        return "2001:db8::" + ":".join(groups[5:])
    return ":".join(["2001", "db8"] + groups[2:])

def mac():
    octets = [f"{R.randint(0, 255):02x}" for _ in range(6)]
    return R.choice([":", "-"]).join(octets)

def email():
    first = R.choice(["jane", "john", "ana", "li", "omar", "sofia", "max", "eva", "raj", "kim"])
    last = R.choice(["doe", "roe", "smith", "garcia", "chen", "khan", "novak", "berg"])
    domain = R.choice(["example.com", "example.org", "mail.example.net", "corp.example.co.uk"])
    sep = R.choice([".", "_", ""])
    return f"{first}{sep}{last}{R.randint(1, 99)}@{domain}"

def phone():
    if R.random() < 0.5:
        return R.choice([f"+44 20 7946 0{R.randint(100, 999)}", f"+1 415 555 01{R.randint(10, 99)}", f"+49 30 {R.randint(1000000, 9999999)}"])
    return R.choice([f"(415) 555-01{R.randint(10, 99)}", f"212-555-01{R.randint(10, 99)}"])

def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def jwt():
    header = b64url(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = b64url(json.dumps({"sub": str(R.randint(1000, 99999)), "iat": 1700000000 + R.randint(0, 10**6)}, separators=(",", ":")).encode())
    sig = b64url(bytes(R.getrandbits(8) for _ in range(32)))
    return f"{header}.{payload}.{sig}"

def aws_key():
    return "AKIA" + "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))

def base62(n, width):
    out = ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return out.rjust(width, "0")

def github_token():
    rand = "".join(R.choice(B62) for _ in range(30))
    return R.choice(["ghp_", "gho_", "ghs_"]) + rand + base62(binascii.crc32(rand.encode()) & 0xffffffff, 6)

def slack_token():
    return f"xoxb-{R.randint(10**11, 10**12 - 1)}-{R.randint(10**12, 10**13 - 1)}-" + "".join(R.choice(B62) for _ in range(24))

def pem(lines=6):
    body = "\n".join(base64.b64encode(bytes(R.getrandbits(8) for _ in range(48))).decode() for _ in range(lines))
    return f"-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"

def url_creds():
    user = R.choice(["app", "svc", "admin", "etl"])
    pw = "".join(R.choice(B62) for _ in range(12))
    return user, pw

# Lookalikes that must never be reported.
def ts(i): return f"2024-03-{1 + i % 28:02d}T{i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}.{i % 1000:03d}Z"
def uuid(): return "%08x-%04x-4%03x-a%03x-%012x" % (R.getrandbits(32), R.getrandbits(16), R.getrandbits(12), R.getrandbits(12), R.getrandbits(48))
def sha(): return hashlib.sha256(str(R.random()).encode()).hexdigest()
def epoch_ms(): return str(1700000000000 + R.randint(0, 10**10))
def version(): return f"{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 50)}"
def order_id(): return "".join(R.choice("0123456789") for _ in range(16))
def bad_card():
    n = "4" + "".join(R.choice("0123456789") for _ in range(14))
    return n + str((int(luhn_digit(n)) + 1) % 10)

class Doc:
    """Builds a byte stream while recording labels at exact offsets."""
    def __init__(self, source):
        self.source, self.buf, self.labels = source, bytearray(), []
    def text(self, s):
        self.buf += s.encode()
    def pii(self, entity, value, raw=None):
        raw = value if raw is None else raw
        start = len(self.buf)
        self.buf += raw.encode()
        self.labels.append({"source": self.source, "offset": start, "length": len(raw.encode()), "entity": entity})

def log_doc(source, lines, seed_offset):
    d = Doc(source)
    methods = ["GET", "POST", "PUT"]
    for i in range(lines):
        k = (i + seed_offset) % 10
        d.text(ts(i + seed_offset) + " ")
        if k in (0, 1, 2):  # access log, every line has a client IPv4
            d.pii("ipv4", ipv4())
            d.text(f' - - "{R.choice(methods)} /api/v{R.randint(1, 3)}/items/{uuid()} HTTP/1.1" {R.choice([200, 201, 404])} {R.randint(100, 9999)} req={uuid()}\n')
        elif k == 3:
            d.text("INFO signup ok email=")
            d.pii("email", email())
            d.text(f" plan=pro build={version()} ts_ms={epoch_ms()}\n")
        elif k == 4:
            d.text(f"INFO payment accepted order {order_id()} card ")
            d.pii("credit_card", card())
            d.text(f" amount={R.randint(1, 999)}.{R.randint(0, 99):02d}\n")
        elif k == 5:
            d.text(f"DEBUG cache key={sha()} hit={R.random() < 0.5} version {version()}.{R.randint(0, 9)}\n")
        elif k == 6:
            d.text("WARN profile update phone=")
            d.pii("phone", phone())
            d.text(" ssn=")
            d.pii("us_ssn", ssn())
            d.text(f" rejected_card={bad_card()}\n")
        elif k == 7:
            choice = i % 7
            if choice == 0:
                d.text("ERROR auth header Authorization: Bearer ")
                d.pii("jwt", jwt()); d.text("\n")
            elif choice == 1:
                d.text("ERROR leaked aws_access_key_id=")
                d.pii("aws_access_key", aws_key()); d.text("\n")
            elif choice == 2:
                d.text("ERROR leaked token ")
                d.pii("github_token", github_token()); d.text(" in env\n")
            elif choice == 3:
                d.text("ERROR slack webhook token=")
                d.pii("slack_token", slack_token()); d.text("\n")
            elif choice == 4:
                user, pw = url_creds()
                d.text("ERROR connect failed postgres://")
                d.pii("url_credentials", f"{user}:{pw}")
                d.text(f"@db{R.randint(1, 9)}.internal:5432/app\n")
            elif choice == 5:
                d.text("INFO refund to IBAN ")
                d.pii("iban", iban())
                d.text(" routing number ")
                d.pii("us_routing_number", routing()); d.text("\n")
            else:
                d.text("INFO device mac=")
                d.pii("mac_address", mac())
                d.text(" src=")
                d.pii("ipv6", ipv6()); d.text("\n")
        elif k == 8 and i % 40 == 8:
            d.text("ERROR config dump follows\n")
            d.pii("private_key", pem()); d.text("\n")
        else:
            d.text(f"DEBUG worker {R.randint(1, 16)} processed batch {uuid()} in {R.randint(1, 999)} ms at {epoch_ms()}\n")
    return d

def json_escape_email(v):
    return v.replace("@", "\\u0040")

def jsonl_doc(source, records, seed_offset):
    d = Doc(source)
    for i in range(records):
        k = (i + seed_offset) % 6
        d.text(f'{{"id":{i},"split":"train","text":"')
        if k == 0:
            d.text("Please contact ")
            e = email()
            if i % 12 == 0:
                d.pii("email", e, json_escape_email(e))
            else:
                d.pii("email", e)
            d.text(" about the order.")
        elif k == 1:
            d.text("My card is ")
            d.pii("credit_card", card())
            d.text(". Thanks!\\nSecond line.")
        elif k == 2:
            d.text(f"Build {version()} released at {epoch_ms()} with hash {sha()[:40]}.")
        elif k == 3:
            d.text("Call me at ")
            d.pii("phone", phone())
            d.text(" or tomorrow.")
        elif k == 4:
            d.text("key:\\n")
            key = pem(3)
            d.pii("private_key", key, key.replace("\n", "\\n"))
            d.text("\\nend")
        else:
            d.text(f"Transfer to \\\"")
            d.pii("iban", iban())
            d.text("\\\" done.")
        d.text('","meta":{"author_email":"')
        d.pii("email", email())
        d.text(f'","uuid":"{uuid()}","score":{R.random():.4f},"client":"')
        d.pii("ipv4", ipv4())
        d.text('"}}\n')
    return d

def csv_doc(source, rows):
    d = Doc(source)
    d.text("id,name,email,phone,card,notes\r\n")
    for i in range(rows):
        d.text(f"{i},\"Doe, Jane {i}\",")
        d.pii("email", email())
        d.text(",")
        p = phone()
        if "," in p or " " in p:
            d.text('"'); d.pii("phone", p); d.text('"')
        else:
            d.pii("phone", p)
        d.text(",")
        c = card()
        if i % 3 == 0:
            d.text('"'); d.pii("credit_card", c); d.text('"')
        else:
            d.pii("credit_card", c)
        if i % 4 == 0:
            d.text(',"said ""hello"",\nthen left; ssn ')
            d.pii("us_ssn", ssn())
            d.text('"\r\n')
        else:
            d.text(f",order {order_id()} v{version()}\r\n")
    return d

# --- National identifiers, other identifiers and secrets (issue #5) ---------------------------
# Generated with their own random stream (S) after the original corpora, so those stay
# byte-identical. Check digits come from scripts/synthetic_ids.py (standard library only).

def _bad_digit(v):
    """The value with its last digit changed: the check fails."""
    i = max(k for k, c in enumerate(v) if c.isdigit())
    return v[:i] + str((int(v[i]) + 1) % 10) + v[i + 1:]

def _bad_letter(v):
    """The value with its last (check) letter changed."""
    return v[:-1] + ("B" if v[-1] == "A" else "A")

# entity -> (text context, CSV column, JSON field, value generator, checksum-failing lookalike or None)
ID_ENTITIES = [
    ("uk_nhs", "NHS number", "NHS number", "nhs_number", sid.uk_nhs, _bad_digit),
    ("uk_nino", "National Insurance", "NINO", "nino", sid.uk_nino, lambda v: "BG" + v[2:]),
    ("es_nif", "DNI", "DNI", "dni", sid.es_nif, _bad_letter),
    ("it_fiscal_code", "codice fiscale", "codice fiscale", "codice_fiscale", sid.it_fiscal_code, _bad_letter),
    ("fr_nir", "numéro de sécurité sociale", "NIR", "nir", sid.fr_nir, _bad_digit),
    ("de_tax_id", "Steuer-ID", "Steuer-ID", "steuer_id", sid.de_tax_id, _bad_digit),
    ("nl_bsn", "BSN", "BSN", "bsn", sid.nl_bsn, _bad_digit),
    ("pl_pesel", "PESEL", "PESEL", "pesel", sid.pl_pesel, _bad_digit),
    ("se_personnummer", "personnummer", "personnummer", "personnummer", sid.se_personnummer, _bad_digit),
    ("fi_hetu", "henkilötunnus", "HETU", "hetu", sid.fi_hetu, lambda v: v[:-1] + ("Y" if v[-1] != "Y" else "X")),
    ("dk_cpr", "CPR", "CPR", "cpr", sid.dk_cpr, lambda v: v[:2] + "13" + v[4:]),
    ("no_fnr", "fødselsnummer", "fødselsnummer", "fodselsnummer", sid.no_fnr, _bad_digit),
    ("be_national_number", "rijksregisternummer", "rijksregisternummer", "rijksregisternummer", sid.be_national_number, _bad_digit),
    ("pt_nif", "contribuinte", "NIF", "nif", sid.pt_nif, _bad_digit),
    ("ie_pps", "PPSN", "PPSN", "ppsn", sid.ie_pps, None),
    ("ca_sin", "social insurance number", "social insurance number", "social_insurance_number", sid.ca_sin, _bad_digit),
    ("us_itin", "ITIN", "ITIN", "itin", sid.us_itin, lambda v: v[:4] + "45" + v[6:]),
    ("us_npi", "NPI", "NPI", "npi", sid.us_npi, _bad_digit),
    ("us_dea", "DEA", "DEA", "dea", sid.us_dea, _bad_digit),
    ("br_cpf", "CPF", "CPF", "cpf", sid.br_cpf, _bad_digit),
    ("br_cnpj", "CNPJ", "CNPJ", "cnpj", sid.br_cnpj, _bad_digit),
    ("mx_curp", "CURP", "CURP", "curp", sid.mx_curp, _bad_digit),
    ("in_aadhaar", "Aadhaar", "Aadhaar", "aadhaar", sid.in_aadhaar, _bad_digit),
    ("in_pan", "PAN", "PAN", "pan", sid.in_pan, lambda v: v[:5] + "0000" + v[9:]),
    ("cn_resident_id", "resident id", "resident id", "resident_id", sid.cn_resident_id, lambda v: v[:-1] + ("0" if v[-1] != "0" else "1")),
    ("sg_nric", "NRIC", "NRIC", "nric", sid.sg_nric, _bad_letter),
    ("kr_rrn", "RRN", "RRN", "rrn", sid.kr_rrn, _bad_digit),
    ("jp_my_number", "My Number", "My Number", "my_number", sid.jp_my_number, _bad_digit),
    ("au_tfn", "TFN", "TFN", "tfn", sid.au_tfn, lambda v: _bad_digit(v.replace(" ", ""))),
    ("au_abn", "ABN", "ABN", "abn", sid.au_abn, _bad_digit),
    ("au_medicare", "Medicare", "Medicare", "medicare", sid.au_medicare, None),
    ("za_id", "SA ID", "SA ID", "sa_id", sid.za_id, _bad_digit),
    ("tr_national_id", "TC Kimlik", "TC Kimlik", "tc_kimlik", sid.tr_national_id, _bad_digit),
    ("il_id", "teudat zehut", "teudat zehut", "teudat_zehut", sid.il_id, _bad_digit),
    ("vin", "VIN", "VIN", "vin", sid.vin, lambda v: v[:8] + ("0" if v[8] != "0" else "1") + v[9:]),
    ("imei", "IMEI", "IMEI", "imei", sid.imei, _bad_digit),
    ("bitcoin_address", "bitcoin", "bitcoin", "bitcoin", sid.bitcoin_address, lambda v: v[:-1] + ("2" if v[-1] != "2" else "3")),
    ("ethereum_address", "ethereum", "ethereum", "ethereum", sid.ethereum_address, None),
    ("swift_bic", "SWIFT BIC", "BIC", "bic", sid.swift_bic, lambda v: v[:4] + "QQ" + v[6:]),
]

def secret_lines(S):
    """(text before, entity, value, text after) for each secret family."""
    return [
        ("config GOOGLE_API_KEY=", "google_api_key", sid.google_api_key(S), ""),
        ("billing STRIPE_SECRET=", "stripe_key", sid.stripe_key(S), " loaded"),
        ("notify webhook=", "slack_webhook", sid.slack_webhook(S), ""),
        ("ci GITLAB_TOKEN=", "gitlab_token", sid.gitlab_token(S), ""),
        ("llm OPENAI_API_KEY=", "openai_api_key", sid.openai_api_key(S), ""),
        ("llm ANTHROPIC_API_KEY=", "anthropic_api_key", sid.anthropic_api_key(S), ""),
        ("npmrc //registry.npmjs.org/:_authToken=", "npm_token", sid.npm_token(S), ""),
        ("pypirc token ", "pypi_token", sid.pypi_token(S), ""),
        ("mail SENDGRID_API_KEY=", "sendgrid_key", sid.sendgrid_key(S), ""),
        ("sms TWILIO_API_KEY=", "twilio_key", sid.twilio_key(S), ""),
        ("storage DefaultEndpointsProtocol=https;AccountName=demo;AccountKey=", "azure_storage_key", sid.azure_storage_key(S), ";EndpointSuffix=core.windows.net"),
        ('gcp key {"type": "service_account", "project_id": "demo", "private_key_id": "', "gcp_service_account", sid.gcp_private_key_id(S),
         '", "client_email": "svc@demo.iam.gserviceaccount.com"}'),
        ("login GET /session?user=ana&password=", "password_assignment", sid.password(S), "&next=/home"),
        ("proxy Authorization: Basic ", "basic_auth_header", sid.basic_auth(S), ""),
        ("api Authorization: Bearer ", "bearer_token", sid.bearer_token(S), ""),
    ]

GCP_EMAIL = "svc@demo.iam.gserviceaccount.com"

def _after(d, after, esc=lambda t: t):
    """Writes the text after a secret, labelling the service account's client_email."""
    if GCP_EMAIL in after:
        head, tail = after.split(GCP_EMAIL)
        d.text(esc(head)); d.pii("email", GCP_EMAIL); d.text(esc(tail))
    else:
        d.text(esc(after))

def ids_log_doc(source, S, rounds):
    d = Doc(source)
    n = 0
    for r in range(rounds):
        for entity, ctx, _, _, gen, bad in ID_ENTITIES:
            n += 1
            d.text(ts(n) + f" INFO kyc check {ctx} ")
            v = gen(S)
            d.pii(entity, v)
            d.text(f" status=ok req={uuid()}\n")
            if bad is not None and r % 2 == 0:
                n += 1
                d.text(ts(n) + f" WARN kyc check {ctx} {bad(gen(S))} status=checksum_failed\n")
        for before, entity, value, after in secret_lines(S):
            n += 1
            d.text(ts(n) + " DEBUG " + before)
            d.pii(entity, value)
            _after(d, after)
            d.text("\n")
        # Lookalikes with no context: 9- to 13-digit numbers and placeholders.
        n += 1
        d.text(ts(n) + f" DEBUG batch {''.join(S.choice('0123456789') for _ in range(9))} rows={S.randint(10**9, 10**10 - 1)} "
               f"ts_ms={epoch_ms()} password=******** Authorization: Bearer token\n")
    return d

def _json_esc(t):
    return t.replace("\\", "\\\\").replace('"', '\\"')

def _cell(entity, v):
    """A table cell: swift_bic needs its context word in the cell (its prefilter is keywords)."""
    return ("BIC ", v) if entity == "swift_bic" else ("", v)

def identities_jsonl_doc(source, S, records):
    d = Doc(source)
    for i in range(records):
        entity, ctx, _, field, gen, _ = ID_ENTITIES[i % len(ID_ENTITIES)]
        d.text(f'{{"id":{i},"country":"xx","{field}":"')
        prefix, v = _cell(entity, gen(S))
        d.text(prefix)
        d.pii(entity, v)
        d.text('","note":"')
        before, sentity, value, after = secret_lines(S)[i % 15]
        d.text(_json_esc(before))
        d.pii(sentity, value)
        _after(d, after, _json_esc)
        d.text(f'","ref":"{uuid()}"}}\n')
    return d

def people_csv_doc(source, S, rows):
    d = Doc(source)
    d.text("id," + ",".join(f'"{c}"' if " " in c else c for _, _, c, _, _, _ in ID_ENTITIES) + ",notes\r\n")
    for i in range(rows):
        d.text(str(i))
        for entity, _, _, _, gen, _ in ID_ENTITIES:
            d.text(",")
            prefix, v = _cell(entity, gen(S))
            if " " in prefix + v:
                d.text('"' + prefix); d.pii(entity, v); d.text('"')
            else:
                d.pii(entity, v)
        before, sentity, value, after = secret_lines(S)[i % 15]
        d.text(',"' + before.replace('"', '""'))
        d.pii(sentity, value)
        _after(d, after, lambda t: t.replace('"', '""'))
        d.text('"\r\n')
    return d

def main():
    (ROOT / "logs").mkdir(parents=True, exist_ok=True)
    (ROOT / "datasets").mkdir(parents=True, exist_ok=True)
    (ROOT / "expected").mkdir(parents=True, exist_ok=True)
    labels = []

    app = log_doc("corpora/logs/app.log", 1200, 0)
    (ROOT / "logs/app.log").write_bytes(app.buf)
    labels += app.labels

    old = log_doc("corpora/logs/app.log.1.gz", 600, 3)
    (ROOT / "logs/app.log.1.gz").write_bytes(gzip.compress(bytes(old.buf), mtime=0))
    labels += old.labels

    train = jsonl_doc("corpora/datasets/train.jsonl", 300, 0)
    (ROOT / "datasets/train.jsonl").write_bytes(train.buf)
    labels += train.labels

    cust = csv_doc("corpora/datasets/customers.csv", 120)
    (ROOT / "datasets/customers.csv").write_bytes(cust.buf)
    labels += cust.labels

    chat = jsonl_doc("corpora/datasets/chat.jsonl.zst", 200, 2)
    half = bytes(chat.buf).index(b"\n", len(chat.buf) // 2) + 1
    frames = b""
    for part in (bytes(chat.buf[:half]), bytes(chat.buf[half:])):
        frames += subprocess.run(["zstd", "-q", "-c", "-19"], input=part, capture_output=True, check=True).stdout
    (ROOT / "datasets/chat.jsonl.zst").write_bytes(frames)
    labels += chat.labels

    S = random.Random(505)
    ids = ids_log_doc("corpora/logs/ids.log", S, 4)
    (ROOT / "logs/ids.log").write_bytes(ids.buf)
    labels += ids.labels

    identities = identities_jsonl_doc("corpora/datasets/identities.jsonl", S, 120)
    (ROOT / "datasets/identities.jsonl").write_bytes(identities.buf)
    labels += identities.labels

    people = people_csv_doc("corpora/datasets/people.csv", S, 15)
    (ROOT / "datasets/people.csv").write_bytes(people.buf)
    labels += people.labels

    labels.sort(key=lambda l: (l["source"], l["offset"]))
    with open(ROOT / "expected/labels.jsonl", "w") as f:
        for l in labels:
            f.write(json.dumps(l, separators=(",", ":")) + "\n")
    (ROOT / "test.key").write_text("piiscan-corpus-test-key-not-a-secret\n")
    print(f"corpora: {len(labels)} labels")

if __name__ == "__main__":
    main()
