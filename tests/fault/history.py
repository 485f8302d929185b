#!/usr/bin/env python3
"""What the language server shows must not depend on the history that led to it.

A server that is given a run of edits (a project's manifests and sources changed line by line,
each change written to disk and sent as `didOpen`/`didChange`; one step in eight closes an open
document, `didClose`) must show, at each point, the diagnostics that a fresh server shows when it
is given the documents still open, opened in the same order. Each project is copied to a temporary directory; every few edits both servers are asked
for `workspace/diagnostic` and the answers compared. A difference, or a server that dies or does
not answer within --hang seconds, is a failure: the edits that led to it are written to
--failures as JSON (`{"project", "seed", "edits": [[path, text], ...]}`, a close as
`[path, {"closed": true}]`) with what differed, and
the run exits 1.

  tests/fault/history.py --binary .build/release/ampu --seeds 1,2,3 --steps 40   # scripts/test
  tests/fault/history.py --binary .build/release/ampu --random 50 --steps 100     # a long local run
  tests/fault/history.py --files --random 10                                      # files come and go too

Each step waits until the edited server has handled it (`--racy`: it does not): a file is written
to disk, the server told, and the next file written only then. The server reads the files that
are not open from disk, so without the wait it may read a later step's text, or one half
written, before it is told of the step it is at (as it may from an editor: that is what --racy
runs, and its failures can come and go from one run to the next).

With --files, one step in five creates a file (a copy of another, under a new name) or deletes one
that is not open, and tells the server as an editor's file watcher does
(`workspace/didChangeWatchedFiles`); a deleted file is `[path, null]` in the saved edits. With
--folders, one step in eight adds a workspace folder (a directory of the project's files) or takes
one away (`workspace/didChangeWorkspaceFolders`; the fresh server is given the folders there are
then), saved as `[path, {"folder": "added"}]` or `"removed"`.

The edits are those a person makes while typing, and those the fuzzer makes: a line deleted,
doubled, moved, cut short, or taken from another file of the project, a character replaced.
Projects: the bundled examples of each language (Elm's needs ../shared/elm-home, else it is left
out with a message), or the directories named.
"""
import argparse
import json
import os
import pathlib
import random
import shutil
import sys
import tempfile
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from lspwire import Client, ServerGone  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
EXAMPLES = ["hello", "violations", "asthra-earlier", "asthra-today", "oats", "oats-problems", "rask", "rask-problems"]
# A document closed, in the saved edits: `[path, {"closed": true}]`.
CLOSED = {"closed": True}
EXTENSIONS = (".asthra", ".ast", ".oats", ".rk", ".aria", ".npk", ".elm", ".toml", ".json", ".abc", ".build")


def uri(path):
    return pathlib.Path(path).as_uri()


def elm_project(base):
    """A small Elm application made as `ampu new --lang elm` makes one, for the Elm reader."""
    root = base / "elm-app"
    (root / "src").mkdir(parents=True)
    (root / "elm.json").write_text(json.dumps({
        "type": "application", "source-directories": ["src"], "elm-version": "0.19.1",
        "dependencies": {"direct": {"elm/browser": "1.0.2", "elm/core": "1.0.5", "elm/html": "1.0.0"},
                         "indirect": {"elm/json": "1.1.3", "elm/time": "1.0.0", "elm/url": "1.0.0", "elm/virtual-dom": "1.0.3"}},
        "test-dependencies": {"direct": {}, "indirect": {}}}, indent=4) + "\n")
    (root / "src" / "Main.elm").write_text("module Main exposing (main)\n\nimport Browser\nimport Html exposing (text)\nimport Page.Home\n\n"
                                           "main =\n    text Page.Home.title\n")
    (root / "src" / "Page").mkdir()
    (root / "src" / "Page" / "Home.elm").write_text("module Page.Home exposing (title)\n\nimport Html\n\ntitle =\n    \"home\"\n")
    return root


class Servers:
    def __init__(self, binary, root, env, hang):
        self.binary, self.root, self.env, self.hang = binary, root, env, hang

    def start(self, folders=None):
        c = Client([self.binary, "lsp"], cwd=self.root, env=self.env)
        c.request("initialize", {"processId": None, "rootUri": uri(self.root),
                                 "capabilities": {"textDocument": {"diagnostic": {"dynamicRegistration": False}}},
                                 "workspaceFolders": [{"uri": uri(f), "name": f} for f in folders or [self.root]]}, timeout=self.hang)
        c.notify("initialized", {})
        return c

    def handled(self, c):
        """Returns once the server has handled everything sent to it: it answers requests in
        the order messages came, so the answer to one it does not know (MethodNotFound) comes
        after the rest is done."""
        m = c.request("ampu/history-sync", {}, timeout=self.hang)
        if m.get("error", {}).get("code") != -32601:
            raise Failure(f"a request of an unknown method was answered with {m}, not MethodNotFound")

    def shown(self, c):
        """Every diagnostic the server has, as (file, line, column, code, message)."""
        m = c.request("workspace/diagnostic", {"previousResultIds": []}, timeout=self.hang)
        if "error" in m:
            raise Failure(f"workspace/diagnostic answered with an error: {m['error']}")
        out = set()
        for item in m["result"]["items"]:
            path = os.path.relpath(urllib.parse.unquote(item["uri"][len("file://"):]), self.root)
            for d in item.get("items", []):
                s = d["range"]["start"]
                out.add((path, s["line"] + 1, s["character"] + 1, d.get("code"), d["message"]))
        return out


class Failure(Exception):
    pass


def edit(text, pool, rng):
    lines = text.split("\n")
    i = rng.randrange(len(lines)) if lines else 0
    op = rng.randrange(6)
    if op == 0 and lines:
        del lines[i]
    elif op == 1 and lines:
        lines.insert(rng.randrange(len(lines) + 1), lines[i])
    elif op == 2 and len(lines) > 1:
        lines.insert(rng.randrange(len(lines)), lines.pop(i))
    elif op == 3 and lines:
        lines[i] = lines[i][:rng.randrange(len(lines[i]) + 1)]
    elif op == 4 and pool:
        lines.insert(i, rng.choice(pool))
    elif lines:
        lines[i] = lines[i].replace(rng.choice(["a", "e", "o", "/", "\"", "1", ".", "["]), rng.choice(["", "x", "/", "..", "\"", "2", "]"]), 1)
    return "\n".join(lines)


def run(binary, project, seed, steps, hang, env, failures, churn=False, racy=False, folders=False):
    rng = random.Random(seed)
    base = pathlib.Path(tempfile.mkdtemp(prefix="ampu-history-"))
    root = base / project.name
    shutil.copytree(project, root)
    files = sorted(str(p) for p in root.rglob("*") if p.is_file() and (p.suffix in EXTENSIONS or p.name in ("build.abc", "rask.build"))
                   and "target" not in p.parts and "elm-stuff" not in p.parts)
    pool = [line for f in files for line in pathlib.Path(f).read_text(errors="replace").split("\n") if line.strip()]
    servers = Servers(binary, str(root), env, hang)
    edited = servers.start()
    texts, order, history = {}, [], []
    open_folders = [str(root)]
    try:
        for step in range(steps):
            if folders and rng.randrange(8) == 0:
                # A workspace folder added (a directory of the project's files) or taken away.
                inner = [g for g in open_folders if g != str(root)]
                if inner and rng.randrange(2):
                    g = rng.choice(inner)
                    open_folders.remove(g)
                    event = {"added": [], "removed": [{"uri": uri(g), "name": g}]}
                else:
                    g = rng.choice(sorted({os.path.dirname(f) for f in files} - set(open_folders)) or [str(root)])
                    if g in open_folders:
                        continue
                    open_folders.append(g)
                    event = {"added": [{"uri": uri(g), "name": g}], "removed": []}
                history.append([os.path.relpath(g, root), {"folder": "added" if event["added"] else "removed"}])
                edited.notify("workspace/didChangeWorkspaceFolders", {"event": event})
                if not racy:
                    servers.handled(edited)
                continue
            if churn and rng.randrange(5) == 0:
                closed = [g for g in files if g not in order]
                if rng.randrange(2) and closed and len(files) > 1:
                    g = rng.choice(closed)
                    os.remove(g)
                    files.remove(g)
                    history.append([os.path.relpath(g, root), None])
                    edited.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(g), "type": 3}]})
                else:
                    like = rng.choice(files)
                    g = os.path.join(os.path.dirname(like), f"new{step}" + os.path.splitext(like)[1])
                    shutil.copyfile(like, g)
                    files.append(g)
                    history.append([os.path.relpath(g, root), pathlib.Path(g).read_text(errors="replace")])
                    edited.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(g), "type": 1}]})
                if not racy:
                    servers.handled(edited)
                continue
            if order and rng.randrange(8) == 0:
                # An open document closed (its text is the disk's); opened again later, it is
                # the last opened.
                f = rng.choice(order)
                order.remove(f)
                history.append([os.path.relpath(f, root), CLOSED])
                edited.notify("textDocument/didClose", {"textDocument": {"uri": uri(f)}})
            else:
                f = rng.choice(files)
                text = edit(texts.get(f, pathlib.Path(f).read_text(errors="replace")), pool, rng)
                texts[f] = text
                history.append([os.path.relpath(f, root), text])
                pathlib.Path(f).write_text(text)
                if f not in order:
                    order.append(f)
                    edited.notify("textDocument/didOpen", {"textDocument": {"uri": uri(f), "languageId": "", "version": 1, "text": text}})
                else:
                    edited.notify("textDocument/didChange", {"textDocument": {"uri": uri(f), "version": step + 2}, "contentChanges": [{"text": text}]})
            if not racy:
                servers.handled(edited)
            if step % 3 != 2 and step != steps - 1:
                continue
            now = servers.shown(edited)
            fresh = servers.start(open_folders)
            for g in order:
                fresh.notify("textDocument/didOpen", {"textDocument": {"uri": uri(g), "languageId": "", "version": 1, "text": texts[g]}})
            expected = servers.shown(fresh)
            fresh.request("shutdown", None, timeout=hang)
            fresh.notify("exit")
            if now != expected:
                lines = [f"after edit {step + 1} ({os.path.relpath(f, root)}), the edited server and a fresh one differ:"]
                lines += [f"  only the fresh one: {x}" for x in sorted(expected - now)[:10]]
                lines += [f"  only the edited one: {x}" for x in sorted(now - expected)[:10]]
                raise Failure("\n".join(lines))
        edited.request("shutdown", None, timeout=hang)
        edited.notify("exit")
        return None
    except (Failure, ServerGone, TimeoutError) as e:
        failures.mkdir(parents=True, exist_ok=True)
        out = failures / f"{project.name}-{seed}.json"
        out.write_text(json.dumps({"project": str(project), "seed": seed, "edits": history, "failure": str(e)}, indent=1))
        return f"{project.name}, seed {seed}: {e}\n  the edits: {out}"
    finally:
        shutil.rmtree(base, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("projects", nargs="*")
    ap.add_argument("--binary", default=str(REPO / ".build" / "release" / "ampu"))
    ap.add_argument("--seeds", default="1,2,3", help="comma-separated")
    ap.add_argument("--random", type=int, default=0, help="this many random seeds instead")
    ap.add_argument("--steps", type=int, default=40)
    ap.add_argument("--hang", type=float, default=20)
    ap.add_argument("--failures", default=str(REPO / ".build" / "history-failures"))
    ap.add_argument("--files", action="store_true", help="files are created and deleted too")
    ap.add_argument("--racy", action="store_true", help="do not wait for the edited server to handle a step before the next is written")
    ap.add_argument("--folders", action="store_true", help="workspace folders are added and taken away too")
    args = ap.parse_args()
    env = dict(os.environ, ASTHRA_HOME=str(REPO / "examples" / "asthra-home"))
    base = pathlib.Path(tempfile.mkdtemp(prefix="ampu-history-projects-"))
    projects = [pathlib.Path(p).resolve() for p in args.projects] or [REPO / "examples" / name for name in EXAMPLES]
    if not args.projects:
        if (SHARED / "elm-home").is_dir():
            env["ELM_HOME"] = str(SHARED / "elm-home")
            projects.append(elm_project(base))
        else:
            print(f"history: {SHARED / 'elm-home'} is not there: the Elm project is left out")
    seeds = [random.randrange(1, 2**31) for _ in range(args.random)] if args.random else [int(s) for s in args.seeds.split(",")]
    failed = []
    for project in projects:
        for seed in seeds:
            problem = run(os.path.abspath(args.binary), project, seed, args.steps, args.hang, env, pathlib.Path(args.failures), churn=args.files, racy=args.racy, folders=args.folders)
            if problem:
                failed.append(problem)
                print("history: FAILURE " + problem, flush=True)
    shutil.rmtree(base, ignore_errors=True)
    print(f"history: {len(projects)} projects, seeds {', '.join(map(str, seeds))}, {args.steps} edits each{' (files created and deleted too)' if args.files else ''}{' (workspace folders added and taken away)' if args.folders else ''}{' (racy)' if args.racy else ''}: {len(failed)} failures")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
