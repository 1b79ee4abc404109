#!/usr/bin/python3
"""Rewrites the output of every example session in README.md with the program's current output.

A session is a fenced block whose first line is "$ mgcalc ..." or "$ build/bin/mgcalc ...": the
command is run with build/bin/mgcalc (from the repository root) and the lines after it are
replaced. CTest (readme.session.*) checks the same blocks, so run this after a change that alters
them, then read the diff.

    /usr/bin/python3 scripts/update-readme-sessions.py [BUILD_DIR]
"""
import pathlib
import re
import shlex
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
program = root / (sys.argv[1] if len(sys.argv) > 1 else "build") / "bin" / "mgcalc"
readme = root / "README.md"
text = readme.read_text(encoding="utf-8")


def rerun(match):
    command = match.group(1)
    words = shlex.split(command)
    words[0] = str(program)
    output = subprocess.run(words, cwd=root, capture_output=True, text=True, check=True).stdout
    return "```\n$ " + command + "\n" + output + "```"


updated = re.sub(r"```\n\$ ((?:build/bin/)?mgcalc [^\n]*)\n.*?```", rerun, text, flags=re.S)
if updated != text:
    readme.write_text(updated, encoding="utf-8")
    print("README.md: sessions updated")
else:
    print("README.md: sessions already current")
