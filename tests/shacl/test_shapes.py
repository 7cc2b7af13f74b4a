#!/usr/bin/env python3
"""Self-test of the SHACL shapes and validate.py.

    python3 tests/shacl/test_shapes.py        (or: python3 -m pytest tests/shacl)

valid.ttl must conform (exit 0); invalid.ttl must fail (exit 1) with exactly
one violation per planted defect; a missing file must give exit 2. Runs with
and without the lexicon (ontology/actors.ttl), when it exists.
"""

import os
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
VALIDATE = os.path.join(HERE, "validate.py")
LEXICON = os.path.join(HERE, "..", "..", "ontology", "actors.ttl")


def run(*args):
    p = subprocess.run([sys.executable, VALIDATE, *args],
                       capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout, p.stderr


class ShapesTest(unittest.TestCase):
    def lexicon_variants(self):
        variants = [["--no-lexicon"]]
        if os.path.isfile(LEXICON):
            variants.append(["--lexicon", LEXICON])
        return variants

    def test_valid_conforms(self):
        for extra in self.lexicon_variants():
            rc, out, err = run(os.path.join(HERE, "valid.ttl"), *extra)
            self.assertEqual(rc, 0, f"{extra}\n{out}\n{err}")
            self.assertIn("CONFORMS", out)

    def test_invalid_one_violation_per_defect(self):
        expected = {
            ("stmt:bad-no-provenance", "prov:wasDerivedFrom"),
            ("stmt:bad-date", "ag:date"),
            ("stmt:bad-sold-object", "rdf:object"),
            ("stmt:bad-polarity", "ag:polarity"),
        }
        for extra in self.lexicon_variants():
            rc, out, err = run(os.path.join(HERE, "invalid.ttl"), *extra)
            self.assertEqual(rc, 1, f"{extra}\n{out}\n{err}")
            got = [tuple(line.split("\t")[1:3]) for line in out.splitlines()
                   if line.startswith("Violation\t")]
            self.assertEqual(sorted(got), sorted(expected), out)

    def test_missing_file_is_error(self):
        rc, _, _ = run(os.path.join(HERE, "does-not-exist.ttl"), "--no-lexicon")
        self.assertEqual(rc, 2)


if __name__ == "__main__":
    unittest.main()
