#!/usr/bin/env python3
"""Embeds patterns/*.yaml into Sources/PIIScanKit/Detection/BuiltinPatterns.swift.

The binary carries its default detectors, so it works wherever it is copied. They are embedded
as Swift values, not YAML text: decoding the YAML with Yams took about 0.1 s of CPU at every
start (its scalar resolution runs Foundation regexes), which a short cron run or a pipe pays in
full. `make embed-patterns` runs this; PatternTests fails when the embedded values differ from
what Yams decodes from patterns/.
"""
import pathlib, sys
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
files = sorted((root / "patterns").glob("*.yaml"))

# DetectorSpec's stored properties in declaration order (the memberwise initializer's order),
# with their YAML keys and kinds.
DETECTOR_FIELDS = [
    ("id", "id", "str"), ("entity", "entity", "str"), ("description", "description", "str"),
    ("regex", "regex", "str"), ("group", "group", "int"), ("flags", "flags", "str"),
    ("keywords", "keywords", "[str]"), ("digits", "digits", "int"),
    ("digitSeparators", "digit_separators", "str"), ("digitGroup", "digit_group", "int"),
    ("digitRequires", "digit_requires", "str"), ("digitLead", "digit_lead", "int"),
    ("digitShape", "digit_shape", "[int]"),
    ("token", "token", "token"), ("window", "window", "int"), ("normalize", "normalize", "str"), ("fold", "fold", "str"),
    ("validator", "validator", "str"), ("context", "context", "context"),
    ("negativeContext", "negative_context", "context"),
    ("requiresContext", "requires_context", "bool"), ("confidence", "confidence", "float"),
    ("severity", "severity", "str"), ("country", "country", "str"),
    ("preview", "preview", "preview"), ("priority", "priority", "int"),
    ("examples", "examples", "examples"),
]


def fail(where, why):
    sys.exit(f"embed_patterns: {where}: {why}")


def swift_string(s, where):
    if not isinstance(s, str):
        fail(where, f"expected a string, got {s!r} (quote it in the YAML)")
    out = []
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def value(kind, v, where):
    if kind == "str":
        return swift_string(v, where)
    if kind == "int":
        if not isinstance(v, int) or isinstance(v, bool):
            fail(where, f"expected an integer, got {v!r}")
        return str(v)
    if kind == "float":
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            fail(where, f"expected a number, got {v!r}")
        return repr(float(v))
    if kind == "bool":
        if not isinstance(v, bool):
            fail(where, f"expected true or false, got {v!r}")
        return "true" if v else "false"
    if kind == "[int]":
        if not isinstance(v, list):
            fail(where, f"expected a list of integers, got {v!r}")
        return "[" + ", ".join(value("int", x, where) for x in v) + "]"
    if kind == "[str]":
        return "[" + ", ".join(swift_string(x, where) for x in v) + "]"
    if kind == "context":
        return struct("DetectorSpec.ContextSpec", v, where,
                      [("words", "words", "[str]"), ("window", "window", "int"), ("boost", "boost", "float")])
    if kind == "token":
        return struct("DetectorSpec.TokenSpec", v, where,
                      [("chars", "chars", "str"), ("needs", "needs", "str"), ("min", "min", "int"),
                       ("max", "max", "int"), ("needsCount", "needs_count", "int")])
    if kind == "preview":
        return struct("DetectorSpec.PreviewSpec", v, where,
                      [("style", "style", "str"), ("keepStart", "keep_start", "int"), ("keepEnd", "keep_end", "int")])
    if kind == "examples":
        return struct("DetectorSpec.ExamplesSpec", v, where,
                      [("match", "match", "[example]"), ("noMatch", "no_match", "[example]")])
    if kind == "[example]":
        fields = [("text", "text", "str"), ("value", "value", "str"), ("validated", "validated", "bool"),
                  ("reason", "reason", "str")]
        return "[\n" + "".join(
            "        " + struct("DetectorSpec.Example", e, f"{where}[{i}]", fields) + ",\n"
            for i, e in enumerate(v)) + "      ]"
    fail(where, f"unknown kind {kind}")


def struct(name, mapping, where, fields):
    if not isinstance(mapping, dict):
        fail(where, f"expected a mapping, got {mapping!r}")
    known = {key for _, key, _ in fields}
    for key in mapping:
        if key not in known:
            fail(where, f"unknown field '{key}'")
    args = []
    for label, key, kind in fields:
        if key in mapping and mapping[key] is not None:
            args.append(f"{label}: {value(kind, mapping[key], f'{where}.{key}')}")
    return f"{name}({', '.join(args)})"


out = [
    "// Generated by scripts/embed_patterns.py from patterns/*.yaml. Do not edit by hand:",
    "// edit the YAML and run `make embed-patterns`.",
    "",
    "/// The built-in pattern files, by file name, in name order, as decoded values.",
    "enum BuiltinPatterns {",
    "  static let files: [(name: String, file: PatternFile)] = [",
]
for f in files:
    doc = yaml.safe_load(f.read_text(encoding="utf-8"))
    for key in doc:
        if key not in ("version", "family", "detectors"):
            fail(f.name, f"unknown top-level field '{key}'")
    out.append(f'    (name: "{f.name}", file: {f.stem}()),')
out += ["  ]", ""]
for f in files:
    doc = yaml.safe_load(f.read_text(encoding="utf-8"))
    out.append(f"  private static func {f.stem}() -> PatternFile {{")
    out.append("    var detectors: [DetectorSpec] = []")
    for d in doc["detectors"]:
        where = f"{f.name}: {d.get('id', '?')}"
        out.append("    detectors.append(")
        out.append("      " + struct("DetectorSpec", d, where, DETECTOR_FIELDS) + ")")
    out.append(
        f"    return PatternFile(version: {value('int', doc['version'], f.name)}, "
        f"family: {swift_string(doc['family'], f.name)}, detectors: detectors)")
    out.append("  }")
    out.append("")
out[-1:] = ["}", ""]
target = root / "Sources/PIIScanKit/Detection/BuiltinPatterns.swift"
target.write_text("\n".join(out), encoding="utf-8")
print(f"embedded {len(files)} pattern files into {target.relative_to(root)}")
