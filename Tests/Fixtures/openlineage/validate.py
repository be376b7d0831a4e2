"""Validate a piiscan OpenLineage RunEvent file against the OpenLineage 2-0-2 schemas.

Usage: validate.py EVENT.json   (exit 0 valid, 1 invalid, 3 missing Python packages)
"""
import json
import pathlib
import sys

try:
    import jsonschema
    import referencing
    # Without these two, jsonschema silently skips the "date-time" and "uri" format checks.
    import rfc3339_validator  # noqa: F401
    import rfc3986_validator  # noqa: F401
except ImportError as error:
    print(f"missing Python package: {error.name}; run `make venv`", file=sys.stderr)
    sys.exit(3)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def main():
    event = load(pathlib.Path(sys.argv[1]))
    core = load(HERE / "OpenLineage-2-0-2.json")
    error_facet = load(HERE / "ErrorMessageRunFacet-1-0-1.json")
    ours = load(ROOT / "docs" / "openlineage" / "piiscan-facets.json")
    registry = referencing.Registry().with_resources(
        [(s["$id"], referencing.Resource.from_contents(s)) for s in (core, error_facet, ours)]
    )
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER

    def check(instance, ref):
        validator = jsonschema.Draft202012Validator({"$ref": ref}, registry=registry, format_checker=checker)
        return [f"{ref} at /{'/'.join(map(str, e.absolute_path))}: {e.message}"
                for e in validator.iter_errors(instance)]

    problems = check(event, core["$id"] + "#/$defs/RunEvent")
    run_facets = event.get("run", {}).get("facets", {})
    if "errorMessage" in run_facets:
        problems += check(run_facets["errorMessage"], error_facet["$id"] + "#/$defs/ErrorMessageRunFacet")
    facet_defs = {"piiscan_run": "PIIScanRunFacet"}
    for name, facet in run_facets.items():
        if name in facet_defs:
            problems += check(facet, ours["$id"] + "#/$defs/" + facet_defs[name])
    for dataset in event.get("inputs", []):
        for name, facet in dataset.get("facets", {}).items():
            if name == "piiscan_pii":
                problems += check(facet, ours["$id"] + "#/$defs/PIIScanInputDatasetFacet")
    for dataset in event.get("outputs", []):
        for name, facet in dataset.get("facets", {}).items():
            if name == "piiscan_output":
                problems += check(facet, ours["$id"] + "#/$defs/PIIScanOutputDatasetFacet")
    for line in problems:
        print(line)
    sys.exit(1 if problems else 0)


main()
