#!/usr/bin/python3
"""Hostile input for the mgcalc program: every case of bad_input_cases.tsv must be refused cleanly.

    /usr/bin/python3 tests/cli/bad_input.py MGCALC_BINARY WORKDIR [--sanitized] [--only ID,ID...]

Makes the hostile files (empty, binary, NUL bytes, invalid UTF-8, huge and tiny numbers, lines and
fields over 1 MiB, a 30 MB header, folders, FIFOs, ...) in a fresh folder under WORKDIR, then runs
each case with a 1 s wall-clock limit and a 200 MB address-space limit and checks that mgcalc

  - exits with status 2 (bad input),
  - writes exactly one line on stderr, `mgcalc: error: [mgcalc.CODE] MESSAGE`, of at most 1,100
    bytes, with the case's CODE, and a MESSAGE containing the case's expected text,
  - writes nothing on stdout,
  - modifies no file the case names and creates no file beside them.

A case whose id is listed in bad_input_known_failures.txt is a known defect: it is reported as
XFAIL when it fails, and the run fails when it passes (remove it from the list then). Exit status 0
when every case passes or fails as listed.

--sanitized: mgcalc is built with AddressSanitizer (scripts/sanitize.sh), which reserves terabytes
of address space and runs several times slower: no address-space limit, and 10 s per case.

The case table: one case a line, tab-separated: id, code, expected text, arguments. The arguments
are shell words (shlex, quoted with '' or "", without backslash escapes); {D} is the folder of hostile files, {REPEAT:TEXT:N} is TEXT N times, and
\\xHH is the byte HH (so an argument may be invalid UTF-8). The expected text may contain {D}.
"""
import hashlib
import os
import re
import resource
import shlex
import shutil
import stat
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CASES = os.path.join(HERE, "bad_input_cases.tsv")
KNOWN_FAILURES = os.path.join(HERE, "bad_input_known_failures.txt")
ERROR_LINE = re.compile(rb"^mgcalc: error: \[mgcalc\.([a-z_]+)\] (.+)$")
MAX_LINE_BYTES = 1100
MEMORY_LIMIT = 200 * 1024 * 1024
MIB = 1024 * 1024


# ---- the hostile files ---------------------------------------------------------------------

FOOD_HEADER = "kind,id,description,magnesium_mg_per_100g,quantity,measure,grams,food\n"


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def food_csv(d, name, magnesium="120", description="Protein bar", extra=""):
    write(os.path.join(d, name), FOOD_HEADER + f'food,bar,"{description}",{magnesium},,,,{extra}\n'
          "portion,bar,,,1,bar,45,\n")


def copy_tree(source, target):
    shutil.copytree(source, target)


def replace_in(path, old, new):
    with open(path, "rb") as f:
        data = f.read()
    assert old in data, (path, old)
    write(path, data.replace(old, new, 1))


def make_files(d):
    # Every format with nothing in it, and a folder, a FIFO and a binary file where a file goes.
    for name in ("empty.csv", "empty.json"):
        write(os.path.join(d, name), b"")
    os.mkdir(os.path.join(d, "folder"))
    os.mkfifo(os.path.join(d, "fifo"))
    shutil.copyfile("/bin/ls", os.path.join(d, "ls.csv"))
    shutil.copyfile("/bin/ls", os.path.join(d, "ls.json"))

    # Food CSV layers.
    food_csv(d, "foods-ok.csv")
    write(os.path.join(d, "foods-nul.csv"), FOOD_HEADER.encode() + b"food,bar,Protein\x00bar,120,,,,\n")
    write(os.path.join(d, "foods-ff.csv"), FOOD_HEADER.encode() + b"food,bar,Protein \xff bar,120,,,,\n")
    for name, value in (("1e400", "1e400"), ("neg1e400", "-1e400"), ("1e-310", "1e-310"), ("neg0", "-0"),
                        ("nan", "nan"), ("inf", "inf"), ("hex", "0x10"), ("comma", "12,5")):
        food_csv(d, f"foods-mg-{name}.csv", magnesium=f'"{value}"' if "," in value else value)
    write(os.path.join(d, "foods-missing-column.csv"), "kind,id,description,quantity,measure,grams,food\n"
          "food,bar,Protein bar,,,,\n")
    write(os.path.join(d, "foods-duplicate-id.csv"), FOOD_HEADER + "food,bar,Protein bar,120,,,,\n"
          "food,bar,Another bar,90,,,,\n")
    write(os.path.join(d, "foods-too-many-fields.csv"), FOOD_HEADER + "food,bar,Protein bar,120,,,,,,,\n")
    write(os.path.join(d, "foods-5000-fields.csv"), FOOD_HEADER + "food,bar,Protein bar,120" + "," * 5000 + "\n")
    write(os.path.join(d, "foods-no-grams.csv"), FOOD_HEADER + "food,bar,Protein bar,120,,,,\n"
          "portion,bar,,,1,bar,,\n")
    write(os.path.join(d, "foods-long-field.csv"),
          FOOD_HEADER + 'food,bar,"' + "x" * (MIB + 10) + '",120,,,,\n')
    write(os.path.join(d, "foods-long-line.csv"), FOOD_HEADER + "food,bar,Protein bar,120,,,," + "y" * (MIB + 10) + "\n")
    # A 30 MB header: one line, no line end.
    with open(os.path.join(d, "header-30mb.csv"), "wb") as f:
        f.write(b"kind,id,description," + b"z" * (30 * 1000 * 1000))
    write(os.path.join(d, "foods-quoted-newline-header.csv"),
          'kind,"i\nd",description,magnesium_mg_per_100g,quantity,measure,grams,food\nfood,bar,Protein bar,120,,,,\n')
    write(os.path.join(d, "foods-unterminated-quote.csv"), FOOD_HEADER + 'food,bar,"Protein bar,120,,,,\n')

    # FoodData Central and SR28 folders, each with one defect.
    fdc = os.path.join(ROOT, "tests", "data", "fdc")
    sr28 = os.path.join(ROOT, "tests", "data", "sr28")
    copy_tree(fdc, os.path.join(d, "fdc-1e400"))
    replace_in(os.path.join(d, "fdc-1e400", "food_nutrient.csv"), b'"1090","5"', b'"1090","1e400"')
    copy_tree(fdc, os.path.join(d, "fdc-200000"))
    replace_in(os.path.join(d, "fdc-200000", "food_nutrient.csv"), b'"1090","5"', b'"1090","200000"')
    copy_tree(fdc, os.path.join(d, "fdc-binary"))
    shutil.copyfile("/bin/ls", os.path.join(d, "fdc-binary", "food.csv"))
    copy_tree(os.path.join(ROOT, "tests", "data", "bad", "fdc-missing-column"), os.path.join(d, "fdc-missing-column"))
    copy_tree(fdc, os.path.join(d, "fdc-fifo"))
    os.remove(os.path.join(d, "fdc-fifo", "nutrient.csv"))
    os.mkfifo(os.path.join(d, "fdc-fifo", "nutrient.csv"))
    copy_tree(sr28, os.path.join(d, "sr28-neg1e400"))
    replace_in(os.path.join(d, "sr28-neg1e400", "NUT_DATA.txt"), b"~304~^2^", b"~304~^-1e400^")
    copy_tree(sr28, os.path.join(d, "sr28-200000"))
    replace_in(os.path.join(d, "sr28-200000", "NUT_DATA.txt"), b"~304~^2^", b"~304~^200000^")
    copy_tree(sr28, os.path.join(d, "sr28-nul"))
    with open(os.path.join(d, "sr28-nul", "FOOD_DES.txt"), "r+b") as f:
        data = f.read()
        f.seek(0)
        f.write(data[:18] + b"\x00" + data[19:])  # in Long_Desc, "Butter, salted"
    copy_tree(os.path.join(ROOT, "tests", "data", "bad", "sr28-short-record"), os.path.join(d, "sr28-short-record"))
    copy_tree(sr28, os.path.join(d, "sr28-missing-file"))
    os.remove(os.path.join(d, "sr28-missing-file", "WEIGHT.txt"))

    # JSON logs.
    def log(days, profile='{"sex": "male", "birth_date": "1980-06-01"}'):
        return '{"format": "mgcalc-log", "version": 1, "profile": ' + profile + ', "days": ' + days + "}\n"

    def log_day(entries, date="2026-03-01"):
        return '[{"date": "' + date + '", "entries": [' + entries + "]}]"

    def entry(item, amount, kind="food"):
        return '{"kind": "' + kind + '", "item": "' + item + '", "amount": "' + amount + '"}'

    write(os.path.join(d, "log-ok.json"), log(log_day(entry("12014", "1 oz"))))
    write(os.path.join(d, "log-nul.json"), log(log_day(entry("12014", "1 oz"))).replace("12014", "120\x0014"))
    write(os.path.join(d, "log-ff.json"), log(log_day(entry("12014", "1 oz"))).encode().replace(b"1 oz", b"1 \xff oz"))
    write(os.path.join(d, "log-food-1e400.json"), log(log_day(entry("12014", "1e400 g"))))
    write(os.path.join(d, "log-dose-neg1e400.json"), log(log_day(entry("glycinate", "-1e400 mg", "supplement"))))
    write(os.path.join(d, "log-bad-date.json"), log(log_day(entry("12014", "1 oz"), date="2026-02-30")))
    write(os.path.join(d, "log-unknown-unit.json"), log(log_day(entry("glycinate", "200 spoons", "supplement"))))
    write(os.path.join(d, "log-age-200.json"), log(log_day(entry("12014", "1 oz")),
                                                  profile='{"sex": "male", "age": {"years": 200, "on": "2026-01-15"}}'))
    write(os.path.join(d, "log-age-1e400.json"), log(log_day(entry("12014", "1 oz")),
                                                    profile='{"sex": "male", "age": {"years": 1e400, "on": "2026-01-15"}}'))
    write(os.path.join(d, "log-truncated.json"), log(log_day(entry("12014", "1 oz")))[:60])
    write(os.path.join(d, "log-deep.json"), "[" * 100000 + "]" * 100000)
    write(os.path.join(d, "log-long-string.json"), log(log_day(entry("x" * (2 * MIB), "1 oz"))))
    write(os.path.join(d, "log-svg.json"), log(log_day(entry("12014", "1 oz"))))

    # CSV logs (read by their header).
    log_header = "date,time,kind,item,amount,measure,note\n"
    write(os.path.join(d, "log-missing-column.csv"), "date,time,kind,item,measure,note\n2026-03-01,,food,12014,oz,\n")
    write(os.path.join(d, "log-unknown-unit.csv"), log_header + "2026-03-01,,supplement,glycinate,200,spoons,\n")
    write(os.path.join(d, "log-bad-date.csv"), log_header + "2026-13-01,,food,12014,1,oz,\n")
    write(os.path.join(d, "log-too-many-fields.csv"), log_header + "2026-03-01,,food,12014,1,oz,,extra,fields\n")
    write(os.path.join(d, "log-subnormal.csv"), log_header + "2026-03-01,,food,12014,1e-310,g,\n")
    write(os.path.join(d, "log-dose-neg0.csv"), log_header + "2026-03-01,,supplement,glycinate,-0,mg,\n")
    write(os.path.join(d, "log-ff.csv"), log_header.encode() + b"2026-03-01,,food,\xff\xfe,1,oz,\n")
    write(os.path.join(d, "log-long-line.csv"), log_header + "2026-03-01,,food,12014,1,oz," + "n" * (MIB + 10) + "\n")
    write(os.path.join(d, "log-quoted-newline-header.csv"), 'date,time,"ki\nnd",item,amount,measure,note\n'
          "2026-03-01,,food,12014,1,oz,\n")

    # Batch files: the shipped sample, and copies with one defect each.
    sample = os.path.join(ROOT, "examples", "batch")
    for name in ("people.csv", "entries.csv", "supplements.csv"):
        shutil.copyfile(os.path.join(sample, name), os.path.join(d, name))
    people_header = "person,sex,age_years\n"
    entries_header = "person,date,food,grams\n"
    doses_header = "person,date,compound,amount,unit\n"
    write(os.path.join(d, "people-one.csv"), people_header + "p1,female,34.5\n")
    write(os.path.join(d, "people-missing-sex.csv"), "person,age_years\np1,34.5\n")
    write(os.path.join(d, "people-duplicate.csv"), people_header + "p1,female,34.5\np1,male,40\n")
    write(os.path.join(d, "people-age-130.csv"), people_header + "p1,female,130\n")
    write(os.path.join(d, "people-age-hex.csv"), people_header + "p1,female,0x10\n")
    write(os.path.join(d, "people-age-neg0.csv"), people_header + "p1,female,-0\n")
    write(os.path.join(d, "people-birth-date.csv"), "person,sex,birth_date\np1,female,1990-02-30\n")
    write(os.path.join(d, "people-ff.csv"), people_header.encode() + b"p\xff1,female,34.5\n")
    write(os.path.join(d, "people-quoted-newline-header.csv"), '"per\nson",sex,age_years\np1,female,34.5\n')
    write(os.path.join(d, "people-5000-fields.csv"), people_header + "p1,female,34.5" + ",x" * 5000 + "\n")
    write(os.path.join(d, "entries-one.csv"), entries_header + "p1,2024-04-02,12014,28\n")
    for name, grams in (("1e400", "1e400"), ("neg1e400", "-1e400"), ("1e-310", "1e-310"), ("neg0", "-0"),
                        ("nan", "nan"), ("hex", "0x10"), ("10001", "10001")):
        write(os.path.join(d, f"entries-grams-{name}.csv"), entries_header + f"p1,2024-04-02,12014,{grams}\n")
    write(os.path.join(d, "entries-unknown-food.csv"), entries_header + "p1,2024-04-02,99999,28\n")
    write(os.path.join(d, "entries-unknown-person.csv"), entries_header + "p9,2024-04-02,12014,28\n")
    write(os.path.join(d, "entries-bad-date.csv"), entries_header + "p1,2024-02-30,12014,28\n")
    write(os.path.join(d, "entries-missing-grams.csv"), "person,date,food\np1,2024-04-02,12014\n")
    write(os.path.join(d, "entries-nul.csv"), entries_header.encode() + b"p1,2024-04-02,12014,2\x008\n")
    write(os.path.join(d, "entries-ff-food.csv"), entries_header.encode() + b"p1,2024-04-02,pumpkin \xff seeds,28\n")
    write(os.path.join(d, "doses-unknown-unit.csv"), doses_header + "p1,2024-04-02,glycinate,200,spoons\n")
    write(os.path.join(d, "doses-unknown-compound.csv"), doses_header + "p1,2024-04-02,unobtainium,200,mg\n")
    write(os.path.join(d, "doses-inf.csv"), doses_header + "p1,2024-04-02,glycinate,inf,mg\n")
    write(os.path.join(d, "doses-6g.csv"), doses_header + "p1,2024-04-02,glycinate,6,g\n")


# ---- running the cases ---------------------------------------------------------------------

def expand_argument(word, d):
    word = word.replace("{D}", d)
    word = re.sub(r"\{REPEAT:([^:}]*):(\d+)\}", lambda m: m.group(1) * int(m.group(2)), word)
    out = bytearray()
    i = 0
    raw = word.encode("utf-8")
    while i < len(raw):
        if raw[i:i + 2] == b"\\x" and re.fullmatch(rb"[0-9a-fA-F]{2}", raw[i + 2:i + 4] or b""):
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        else:
            out.append(raw[i])
            i += 1
    return bytes(out)


def split_words(text):
    """Shell words without backslash escapes, so that \\xHH reaches expand_argument."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split = True
    lexer.escape = ""
    lexer.commenters = ""
    return list(lexer)


def read_cases():
    cases = []
    with open(CASES, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 4:
                sys.exit(f"{CASES}:{number}: expected 4 tab-separated fields (id, code, text, arguments), "
                         f"found {len(fields)}")
            case_id, code, expected, arguments = fields
            cases.append({"id": case_id, "code": code, "expected": expected, "arguments": split_words(arguments),
                          "line": number})
    ids = [c["id"] for c in cases]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        sys.exit(f"{CASES}: case ids used twice: {', '.join(duplicates)}")
    return cases


def read_known_failures(cases):
    known = set()
    if os.path.exists(KNOWN_FAILURES):
        with open(KNOWN_FAILURES, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                if line:
                    known.add(line)
    unknown = known - {c["id"] for c in cases}
    if unknown:
        sys.exit(f"{KNOWN_FAILURES}: ids of no case: {', '.join(sorted(unknown))}")
    return known


def file_state(paths):
    """The hash of each regular file named (and of the regular files in each folder named)."""
    state = {}
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            state[path] = None
            continue
        if stat.S_ISREG(st.st_mode):
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    h.update(block)
            state[path] = (st.st_size, st.st_mtime_ns, h.hexdigest())
        elif stat.S_ISDIR(st.st_mode):
            state[path] = ("dir", tuple(sorted(os.listdir(path))))
            for name in sorted(os.listdir(path)):
                sub = os.path.join(path, name)
                if os.path.isfile(sub):
                    state[sub] = file_state([sub])[sub]
        else:
            state[path] = ("special", stat.S_IFMT(st.st_mode))
    return state


def named_paths(argv, d):
    paths = set()
    for word in argv:
        text = os.fsdecode(word)
        for part in re.split(r"[=:]", text):
            if part.startswith(d):
                paths.add(part)
    return sorted(paths)


def run_case(binary, case, d, sanitized):
    argv = [os.fsencode(binary)] + [expand_argument(w, d) for w in case["arguments"]]
    paths = named_paths(argv, d)
    before = file_state(paths)
    listing = sorted(os.listdir(d))

    def limits():
        if not sanitized:
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    env = dict(os.environ, LC_ALL="C.UTF-8", TZ="UTC")
    problems = []
    started = time.monotonic()
    try:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=10 if sanitized else 1,
                              preexec_fn=limits, env=env, cwd=d)
    except subprocess.TimeoutExpired as e:
        stdout, stderr = e.stdout or b"", e.stderr or b""
        problems.append(f"did not finish within {10 if sanitized else 1} s")
        status = None
    else:
        stdout, stderr, status = done.stdout, done.stderr, done.returncode
        if status != 2:
            problems.append(f"exit status {status}, expected 2")
    lines = stderr.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    if status is not None:
        if len(lines) != 1:
            problems.append(f"{len(lines)} lines on stderr, expected 1")
        if not stderr.endswith(b"\n"):
            problems.append("stderr does not end with a line break")
        if lines:
            match = ERROR_LINE.match(lines[0])
            if not match:
                problems.append("stderr's first line is not 'mgcalc: error: [mgcalc.CODE] MESSAGE'")
            else:
                if match.group(1).decode() != case["code"]:
                    problems.append(f"code {match.group(1).decode()}, expected {case['code']}")
                expected = case["expected"].replace("{D}", d).encode("utf-8")
                if expected not in match.group(2):
                    problems.append(f"the message does not contain {case['expected']!r}")
            if len(lines[0]) > MAX_LINE_BYTES:
                problems.append(f"the error line has {len(lines[0])} bytes, more than {MAX_LINE_BYTES}")
    if stdout:
        problems.append(f"{len(stdout)} bytes on stdout, expected none")
    after = file_state(paths)
    for path in paths:
        if before.get(path) != after.get(path):
            problems.append(f"{path} was modified")
    if sorted(os.listdir(d)) != listing:
        created = sorted(set(os.listdir(d)) - set(listing))
        problems.append(f"files appeared or vanished in the hostile files' folder: {created}")
        for name in created:
            path = os.path.join(d, name)
            if os.path.isdir(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
    seconds = time.monotonic() - started
    shown = stderr[:600] + (b"..." if len(stderr) > 600 else b"")
    return problems, shown, status, seconds


def main():
    args = sys.argv[1:]
    sanitized = "--sanitized" in args
    args = [a for a in args if a != "--sanitized"]
    only = None
    if "--only" in args:
        i = args.index("--only")
        only = set(args[i + 1].split(","))
        del args[i:i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    binary, workdir = os.path.abspath(args[0]), args[1]
    cases = read_cases()
    known = read_known_failures(cases)
    os.makedirs(workdir, exist_ok=True)
    d = tempfile.mkdtemp(prefix="bad_input.", dir=workdir)
    try:
        make_files(d)
        counts = {"PASS": 0, "FAIL": 0, "XFAIL": 0, "XPASS": 0}
        durations = []
        for case in cases:
            if only is not None and case["id"] not in only:
                continue
            problems, stderr, status, seconds = run_case(binary, case, d, sanitized)
            durations.append((seconds, case["id"]))
            listed = case["id"] in known
            if problems:
                verdict = "XFAIL" if listed else "FAIL"
            else:
                verdict = "XPASS" if listed else "PASS"
            counts[verdict] += 1
            if verdict != "PASS":
                print(f"{verdict} {case['id']} ({os.path.basename(CASES)}:{case['line']})")
                if verdict == "XPASS":
                    print(f"    passes now: remove {case['id']} from {os.path.basename(KNOWN_FAILURES)}")
                for p in problems:
                    print(f"    {p}")
                if problems:
                    print(f"    exit {status}, stderr: {stderr.decode('utf-8', 'backslashreplace').rstrip()}")
        total = sum(counts.values())
        slowest = ", ".join(f"{case_id} {seconds:.2f} s" for seconds, case_id in sorted(durations, reverse=True)[:3])
        print(f"slowest: {slowest}")
        print(f"{total} cases: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['XFAIL']} known failures "
              f"(XFAIL), {counts['XPASS']} known failures that pass (XPASS)")
        return 0 if counts["FAIL"] == 0 and counts["XPASS"] == 0 else 1
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
