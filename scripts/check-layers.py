#!/usr/bin/env python3
"""Fails when a folder of the CallSim module uses a layer above it or another folder of its
own layer, or when a target imports a module it must not know.

CallSim is one module, so its folders have no imports to check: a file uses a folder when
its code names a type declared at the top level of a file in that folder (comments and
string literals are skipped; the code of string interpolations is kept). Top-level
functions and members added by extensions are not followed. The layers, their order and
the known exceptions are read from Sources/CallSim/LAYERS.md, so the document and the check
cannot disagree.

    scripts/check-layers.py            check: one line per problem, exit status 1 if any
    scripts/check-layers.py --graph    which folder uses which, with counts of lines
"""
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = os.path.join(ROOT, "Sources", "CallSim")
LAYERS_FILE = os.path.join(MODULE, "LAYERS.md")

# Modules a target must not import: the engine knows no call center; the library knows no
# front end, so it can be used without the command or the web stack.
FORBIDDEN_IMPORTS = {
    "CallSimEngine": {"CallSim", "CallSimLive", "ArgumentParser", "Hummingbird"},
    "CallSim": {"CallSimLive", "ArgumentParser", "Hummingbird", "callsim"},
}

DECLARATION = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|internal|package|private|fileprivate|open|final|indirect)\s+)*"
    r"(?:struct|class|enum|protocol|actor|typealias)\s+(\w+)")
IMPORT = re.compile(r"^\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)")
STRING_OPEN = re.compile(r'(#*)("""|")')
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def read_layers():
    """The layer table's rows `| N | `Folder/` | why |` as {folder: N}, and the known
    exceptions' rows `| `Folder/` | `Type`, `Type` | why |` as {folder: {type}}."""
    layers, exceptions = {}, {}
    with open(LAYERS_FILE, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 2 or not re.fullmatch(r"`[^`]+`", cells[1].split(",")[0].strip()):
                continue
            if cells[0].isdigit():
                layers[cells[1].strip("`").rstrip("/")] = int(cells[0])
            elif re.fullmatch(r"`[^`]+/`", cells[0]):
                exceptions[cells[0].strip("`").rstrip("/")] = set(re.findall(r"`(\w+)`", cells[1]))
    if not layers:
        sys.exit(f"check-layers: no layer rows (| N | `Folder/` | why |) in {LAYERS_FILE}")
    return layers, exceptions


def code_only(text):
    """`text` with comments and string literals replaced by spaces (line breaks kept), but the
    code of string interpolations `\\( … )` kept."""
    out = []
    i, n = 0, len(text)
    # Stack of contexts: ("string", closing quote, raw hashes) or ("interp", paren depth).
    stack = []

    def blank(s):
        return "".join("\n" if c == "\n" else " " for c in s)

    while i < n:
        top = stack[-1] if stack else None
        if top is not None and top[0] == "string":
            _, quote, hashes = top
            close = quote + "#" * hashes
            escape = "\\" + "#" * hashes
            if text.startswith(close, i):
                stack.pop()
                out.append(blank(close))
                i += len(close)
            elif text.startswith(escape + "(", i):
                stack.append(["interp", 0])
                out.append(blank(escape) + "(")
                i += len(escape) + 1
            elif text.startswith(escape, i):
                out.append(blank(text[i:i + len(escape) + 1]))
                i += len(escape) + 1
            else:
                out.append("\n" if text[i] == "\n" else " ")
                i += 1
            continue
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(blank(text[i:j]))
            i = j
            continue
        if text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(blank(text[i:j]))
            i = j
            continue
        m = STRING_OPEN.match(text, i)
        if m:
            hashes = len(m.group(1))
            stack.append(("string", m.group(2), hashes))
            out.append(blank(m.group(0)))
            i = m.end()
            continue
        c = text[i]
        if top is not None and top[0] == "interp":
            if c == "(":
                top[1] += 1
            elif c == ")":
                if top[1] == 0:
                    stack.pop()
                else:
                    top[1] -= 1
        out.append(c)
        i += 1
    return "".join(out)


def swift_files(folder):
    for dirpath, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".swift"):
                yield os.path.join(dirpath, name)


def folder_of(path, folders):
    """The longest folder of `folders` that holds `path`, or None."""
    rel = os.path.relpath(path, MODULE)
    best = None
    for folder in folders:
        if rel.startswith(folder + "/") and (best is None or len(folder) > len(best)):
            best = folder
    return best


def main():
    graph = "--graph" in sys.argv[1:]
    layer, exceptions = read_layers()
    unknown = [f for f in exceptions if folder_of(os.path.join(MODULE, f, "x"), layer) is None]
    problems = [f"{os.path.relpath(LAYERS_FILE, ROOT)}: exception for {f}/, which is in no layer" for f in unknown]
    unused = {(f, name) for f, names in exceptions.items() for name in names}

    codes = {}
    declared = {}  # type name → folder
    for path in swift_files(MODULE):
        folder = folder_of(path, layer)
        rel = os.path.relpath(path, ROOT)
        if folder is None:
            problems.append(f"{rel}: in no folder of {os.path.relpath(LAYERS_FILE, ROOT)}; add the folder to its table or move the file")
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        codes[path] = (folder, code_only(text).split("\n"))
        for line in text.split("\n"):
            m = DECLARATION.match(line)
            # A private top-level type is seen only by its own file.
            if m and not re.match(r"^(?:@\w+\s+)*(?:private|fileprivate)\s", line):
                declared[m.group(1)] = folder

    uses = defaultdict(int)
    for path, (folder, lines) in codes.items():
        rel = os.path.relpath(path, MODULE)
        allowed = [f for f in exceptions if rel.startswith(f + "/")]
        for number, line in enumerate(lines, 1):
            for name in sorted(set(IDENTIFIER.findall(line))):
                other = declared.get(name)
                if other is None or other == folder:
                    continue
                uses[(folder, other)] += 1
                if layer[other] < layer[folder]:
                    continue
                excused = [f for f in allowed if name in exceptions[f]]
                if excused:
                    unused.discard((excused[0], name))
                    continue
                how = "above" if layer[other] > layer[folder] else "beside"
                problems.append(
                    f"{os.path.relpath(path, ROOT)}:{number}: {name} is declared in {other}/ (layer {layer[other]}), "
                    f"{how} {folder}/ (layer {layer[folder]})")
    for folder, name in sorted(unused):
        problems.append(
            f"{os.path.relpath(LAYERS_FILE, ROOT)}: the exception for {name} in {folder}/ is no longer used; remove it")

    for target, forbidden in FORBIDDEN_IMPORTS.items():
        for path in swift_files(os.path.join(ROOT, "Sources", target)):
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = IMPORT.match(line)
                    if m and m.group(1) in forbidden:
                        problems.append(f"{os.path.relpath(path, ROOT)}:{number}: target {target} imports {m.group(1)}")

    if graph:
        for (a, b), count in sorted(uses.items(), key=lambda kv: (layer[kv[0][0]], kv[0])):
            mark = "" if layer[b] < layer[a] else "  (upward or beside: a problem unless excepted)"
            print(f"{a}/ ({layer[a]}) uses {b}/ ({layer[b]}): {count} line(s){mark}")
        return 0
    for p in problems:
        print(p)
    if problems:
        print(f"check-layers: {len(problems)} problem(s); the layers are in {os.path.relpath(LAYERS_FILE, ROOT)}", file=sys.stderr)
        return 1
    print(f"check-layers: {len(codes)} files in {len(layer)} folders; no folder uses a layer above it or beside it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
