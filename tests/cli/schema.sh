#!/bin/sh
# schema.sh - questionnaires/questionnaire.schema.json, the JSON Schema that
# editors use, against real questionnaires; and the example of
# cto-assess-questionnaire(5) against the loader.
#
# Files are read the way an editor's YAML language server reads them: YAML
# 1.2 core schema (yes and no are text, 1.0 is a number), then checked with
# python3-jsonschema.  Every shipped and good questionnaire must pass, bad
# ones must fail for the reason given, and every key of the loader's tables
# (src/loader*.c) must be in the schema and the man page, so that neither
# drifts from the loader.
. "$(dirname "$0")/lib.sh"

schema="$root_dir/questionnaires/questionnaire.schema.json"
man5="$root_dir/man/cto-assess-questionnaire.5"
good="$tests_dir/questionnaires/good"

cat >"$tmp/schema_check.py" <<'PY'
import json
import re
import sys

import jsonschema
import yaml


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """PyYAML reads YAML 1.1 (yes is true); editors read YAML 1.2 core."""


Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     "-+0123456789."),
):
    Loader.add_implicit_resolver("tag:yaml.org,2002:" + tag,
                                 re.compile(pattern),
                                 list(first) + ([""] if tag == "null" else []))


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith(("0o", "0x")):
        return int(text[2:], 8 if text[1] == "o" else 16)
    return int(text)


def construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith("inf"):
        return float("-inf" if text.startswith("-") else "inf")
    return float(text)


Loader.add_constructor("tag:yaml.org,2002:int", construct_int)
Loader.add_constructor("tag:yaml.org,2002:float", construct_float)


def keys_as_text(value):
    if isinstance(value, dict):
        return {str(k): keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [keys_as_text(v) for v in value]
    return value


def load_schema(path):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate(validator, path):
    """Returns the schema's complaints about the file at path."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = keys_as_text(yaml.load(f, Loader=Loader))
    except (OSError, UnicodeError, yaml.YAMLError) as e:
        return ["%s: %s" % (path, " ".join(str(e).split()))]
    problems = []
    for e in sorted(validator.iter_errors(doc),
                    key=lambda e: [str(p) for p in e.absolute_path]):
        message = e.message
        if isinstance(e.schema, dict) and "errorMessage" in e.schema:
            message = e.schema["errorMessage"]
        problems.append("%s: /%s: %s" % (
            path, "/".join(str(p) for p in e.absolute_path), message))
    return problems


def validate_each(schema_path, out_dir, paths):
    """Checks each file; writes out_dir/N.status (0 or 1) and N.err."""
    validator = load_schema(schema_path)
    for n, path in enumerate(paths, 1):
        problems = validate(validator, path)
        with open("%s/%d.err" % (out_dir, n), "w", encoding="utf-8") as f:
            f.write("".join(p + "\n" for p in problems))
        with open("%s/%d.status" % (out_dir, n), "w") as f:
            f.write("1\n" if problems else "0\n")
    return 0


def loader_tables(loader_files):
    """The key tables of src/loader*.c: name -> [(key, required)]."""
    source = ""
    for path in loader_files:
        with open(path, encoding="utf-8") as f:
            source += f.read()
    tables = {}
    for m in re.finditer(r"static const struct key_spec (\w+)\[\] = \{(.*?)\};",
                         source, re.S):
        tables[m.group(1)] = [(k, r == "1") for k, r in
                              re.findall(r'\{ "(\w+)", ([01]) \}', m.group(2))]
    return tables


def schema_mappings(schema):
    """The schema's mapping for each loader table: (properties, required)."""
    d = schema["definitions"]
    top = set(schema["properties"])
    root_only = set(schema["else"]["properties"]) | {"id"}
    entry = [s for s in d["include_entry"]["anyOf"] if "properties" in s][0]

    def of(s):
        return set(s["properties"]), set(s.get("required", []))

    return {
        "root_keys": (top, set(schema["then"]["required"])),
        "fragment_keys": (top - root_only, set(schema["else"]["required"])),
        "include_keys": of(entry),
        "area_include_keys": of(d["area_include"]),
        "level_keys": of(d["level"]),
        "area_keys": of(d["area"]),
        "question_keys": of(d["question"]),
        "choice_keys": of(d["choice"]),
        "yesno_choice_keys": of(d["yesno_choice"]),
        "band_keys": of(d["band"]),
        "reference_keys": of(d["reference"]),
        "rule_keys": of(d["rule"]),
        "initiative_keys": of(d["initiative"]),
        "report_keys": of(d["report"]),
    }


def keys(schema_path, man5, loader_files):
    """Compares the loader's key tables with the schema and the man page."""
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(man5, encoding="utf-8") as f:
        documented = set()
        for line in re.findall(r"^\.It Cm .*", f.read(), re.M):
            documented.update(re.findall(r"\bCm (\w+)", line))
    tables = loader_tables(loader_files)
    mappings = schema_mappings(schema)
    problems = []
    if set(tables) != set(mappings):
        problems.append("loader tables %s, schema knows %s"
                        % (sorted(tables), sorted(mappings)))
    for name in sorted(set(tables) & set(mappings)):
        loader_keys = {k for k, _ in tables[name]}
        loader_required = {k for k, r in tables[name] if r}
        props, required = mappings[name]
        if loader_keys != props:
            problems.append("%s: loader %s, schema %s"
                            % (name, sorted(loader_keys), sorted(props)))
        if loader_required != required:
            problems.append("%s: loader requires %s, schema %s"
                            % (name, sorted(loader_required),
                               sorted(required)))
        for key in sorted(loader_keys - documented):
            problems.append("%s: key '%s' is not described in the man page"
                            % (name, key))
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "check-schema":
        load_schema(sys.argv[2])
        sys.exit(0)
    if command == "validate-each":
        sys.exit(validate_each(sys.argv[2], sys.argv[3], sys.argv[4:]))
    if command == "keys":
        sys.exit(keys(sys.argv[2], sys.argv[3], sys.argv[4:]))
    sys.exit(2)
PY

schema_check() {
	run python3 "$tmp/schema_check.py" "$@"
}

# validate_each FILE...: checks every file in one run of python (its start-up
# is slow); result N then sets $status and $err_file for the Nth file.
validate_each() {
	rm -rf "$tmp/results"
	mkdir "$tmp/results"
	schema_check validate-each "$schema" "$tmp/results" "$@"
	check "the schema checker runs" [ "$status" -eq 0 ]
}
result() {
	status=$(cat "$tmp/results/$1.status" 2>/dev/null || echo 99)
	cp "$tmp/results/$1.err" "$err_file" 2>/dev/null || : >"$err_file"
}

# The schema itself, and the loader's keys in it and in the man page.
schema_check check-schema "$schema"
check "the schema is a valid JSON Schema" [ "$status" -eq 0 ]
schema_check keys "$schema" "$man5" "$root_dir"/src/loader*.c
check "every key of the loader is in the schema and the man page" \
	[ "$status" -eq 0 ]

# Every shipped and good questionnaire, root files and fragments.
set -- "$root_dir"/questionnaires/*.yaml "$root_dir"/questionnaires/areas/*.yaml \
	"$good"/*.yaml
validate_each "$@"
n=0
for f; do
	n=$((n + 1))
	result "$n"
	check "schema accepts ${f#"$root_dir"/}" [ "$status" -eq 0 ]
done

# Bad files, written below as NAME.yaml with the reason in NAME.why: each
# must fail, and for that reason.
bad() {
	cat >"$tmp/bad/$1.yaml"
	printf '%s\n' "$2" >"$tmp/bad/$1.why"
}
mkdir "$tmp/bad"

bad unknown-key "'halp' was unexpected" <<'YAML'
id: bad
title: Bad
version: 1.0
areas:
  - id: a
    title: A
    questions:
      - {id: q1, text: Q?, halp: Why., type: yesno}
YAML

bad unknown-type "/areas/0/questions/0/type: 'slider' is not one of" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: a
    title: A
    questions:
      - {id: q1, text: Q?, type: slider}
YAML

bad bad-id "/areas/0/id: 'Security Area' is not valid" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: Security Area
    title: A
    questions:
      - {id: q1, text: Q?, type: text}
YAML

bad fragment-title "/title: only a questionnaire" <<'YAML'
title: A fragment has no title
areas:
  - id: a
    title: A
    questions:
      - {id: q1, text: Q?, type: text}
YAML

bad no-version "'version' is a required property" <<'YAML'
id: bad
title: Bad
areas:
  - id: a
    title: A
    questions:
      - {id: q1, text: Q?, type: text}
YAML

bad type-keys "/areas/0/questions/0/choices: 'choices' applies only to" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: a
    title: A
    questions:
      - id: q1
        text: Q?
        type: text
        choices: [{id: a, label: A}, {id: b, label: B}]
YAML

bad yesno-choice "/areas/0/questions/0/choices/0/id: 'maybe' is not one of" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: a
    title: A
    questions:
      - id: q1
        text: Q?
        type: yesno
        choices: [{id: maybe, label: Maybe}]
YAML

bad one-choice "/areas/0/questions/0/choices: [{'id': 'a'" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: a
    title: A
    questions:
      - {id: q1, text: Q?, choices: [{id: a, label: A, score: 1}]}
YAML

bad risk "/areas/0/questions/0/choices/0/risk: 'severe' is not one of" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - id: a
    title: A
    weight: -1
    questions:
      - id: q1
        text: Q?
        choices:
          - {id: a, label: A, score: 0, risk: severe}
          - {id: b, label: B, score: 1}
YAML

bad area-include "'path' was unexpected" <<'YAML'
id: bad
title: Bad
version: "1"
areas:
  - include: areas.yaml
    path: areas.yaml
YAML

set -- "$tmp"/bad/*.yaml
validate_each "$@"
n=0
for f; do
	n=$((n + 1))
	name=$(basename "$f" .yaml)
	result "$n"
	check "schema refuses $name" [ "$status" -eq 1 ]
	check "schema says why for $name" contains "$err_file" \
		"$(cat "$tmp/bad/$name.why")"
	if [ "$name" = risk ]; then
		check "schema reports every problem" contains "$err_file" \
			"/areas/0/weight: -1 is less than the minimum of 0"
	fi
done

# The example of the man page: identical to its copies, and valid.
for name in manpage-example.yaml manpage-example-areas.yaml; do
	awk -v name="$name" '
		$0 == ".\\\" BEGIN " name { on = 1; next }
		$0 == ".\\\" END " name { on = 0 }
		on && !/^\./' "$man5" >"$tmp/$name"
	check "the man page has the example $name" [ -s "$tmp/$name" ]
	check_output "the man page's $name is tests/questionnaires/good/$name" \
		"$good/$name" "$tmp/$name"
done
run "$CTO_ASSESS" validate --strict "$tmp/manpage-example.yaml"
check "the man page example passes validate --strict" [ "$status" -eq 0 ]
check "the man page example has no diagnostics" [ ! -s "$err_file" ]
shows_summary() {
	[ -s "$out_file" ] && contains "$man5" "$(sed "s|^$tmp/||" "$out_file")"
}
check "the man page shows the example's summary" shows_summary

done_testing
