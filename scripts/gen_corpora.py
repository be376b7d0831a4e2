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
  expected/labels.jsonl   one label per PII value: source, offset, length, entity
  test.key                the fingerprint key the golden outputs use (test-only, not secret)
Run: python3 scripts/gen_corpora.py   (make golden also refreshes expected/findings.jsonl)
"""
import base64, binascii, gzip, hashlib, json, os, pathlib, random, subprocess, zlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "corpora"
R = random.Random(42)
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9: d -= 9
        total += d
    return str((10 - total % 10) % 10)

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

    labels.sort(key=lambda l: (l["source"], l["offset"]))
    with open(ROOT / "expected/labels.jsonl", "w") as f:
        for l in labels:
            f.write(json.dumps(l, separators=(",", ":")) + "\n")
    (ROOT / "test.key").write_text("piiscan-corpus-test-key-not-a-secret\n")
    print(f"corpora: {len(labels)} labels")

if __name__ == "__main__":
    main()
