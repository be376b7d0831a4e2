#!/usr/bin/env python3
"""Writes a fixed-seed synthetic log corpus of about N MB for `make bench`.

Usage: gen_bench.py OUT.log MEGABYTES
Line mix (like the notes' corpus): 45 % access-log lines with a client IPv4, 30 % JSON lines,
15 % worker lines, 10 % app lines; PII injected at realistic rates (email ~2 % of lines, cards
0.5 %, phones 0.2 %, SSNs 0.1 %, tokens/keys/IBANs ~0.03 %). Unique content is generated once
(~64 MB) and repeated with a changing prefix, which keeps generation fast.
"""
import random, sys, pathlib
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import gen_corpora as g

def line(i):
    r = g.R.random()
    t = g.ts(i)
    if r < 0.45:
        return f'{t} {g.ipv4()} - - "GET /api/v2/items/{g.uuid()} HTTP/1.1" 200 {g.R.randint(100, 99999)} "Mozilla/5.0 (X11; Linux x86_64)" rt={g.R.randint(1, 999)}ms\n'
    if r < 0.75:
        extra = ""
        x = g.R.random()
        if x < 0.05: extra = f',"email":"{g.email()}"'
        elif x < 0.06: extra = f',"card":"{g.card()}"'
        elif x < 0.065: extra = f',"phone":"{g.phone()}"'
        return f'{{"ts":"{t}","level":"info","svc":"checkout","trace":"{g.uuid()}","latency_ms":{g.R.randint(1, 5000)},"user_id":{g.R.randint(1, 10**7)}{extra}}}\n'
    if r < 0.90:
        return f"{t} DEBUG worker-{g.R.randint(1, 32)} processed batch {g.uuid()} items={g.R.randint(1, 500)} took {g.R.randint(1, 999)} ms hash={g.sha()[:16]}\n"
    x = g.R.random()
    if x < 0.10: pii = "email=" + g.email()
    elif x < 0.14: pii = "card " + g.card()
    elif x < 0.16: pii = "phone " + g.phone()
    elif x < 0.17: pii = "ssn " + g.ssn()
    elif x < 0.1715: pii = "key " + g.aws_key()
    elif x < 0.1720: pii = "token " + g.github_token()
    elif x < 0.1725: pii = "iban " + g.iban()
    elif x < 0.1730: pii = "Bearer " + g.jwt()
    else: pii = f"order {g.order_id()} status=ok build {g.version()}"
    return f"{t} INFO app request {g.uuid()} {pii} ts_ms={g.epoch_ms()}\n"

def main():
    out, mb = sys.argv[1], int(sys.argv[2])
    g.R.seed(7)
    unique = bytearray()
    i = 0
    target_unique = min(mb, 64) * 1_000_000
    while len(unique) < target_unique:
        unique += "".join(line(i + k) for k in range(1000)).encode()
        i += 1000
    with open(out, "wb") as f:
        written = 0
        while written < mb * 1_000_000:
            f.write(unique)
            written += len(unique)
    print(f"{out}: {written} bytes")

if __name__ == "__main__":
    main()
