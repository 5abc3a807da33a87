#!/usr/bin/env python3
"""schema_check.py SCHEMA DIR - every YAML file of the questionnaire
directory DIR (the root and areas/) is valid against the questionnaire's
JSON Schema, as an editor with a YAML language server would check it.
Prints each file's first problem; exit status 1 when any has one, or when
DIR holds no file."""
import glob
import json
import os
import sys

import jsonschema
import yaml


def main(schema_path, directory):
    with open(schema_path) as f:
        validator = jsonschema.Draft7Validator(json.load(f))
    files = sorted(glob.glob(os.path.join(directory, "*.yaml")) +
                   glob.glob(os.path.join(directory, "areas", "*.yaml")))
    bad = 0
    for path in files:
        with open(path) as f:
            errors = list(validator.iter_errors(yaml.safe_load(f)))
        if errors:
            bad += 1
            print("%s: %s at %s" % (path, errors[0].message,
                                    list(errors[0].path)))
    return 0 if files and not bad else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
