#!/usr/bin/env python3
"""A mutation fuzzer for ampu's parsers, driven through the release binary as users run it.

Targets (each with a seed corpus in tests/fault/corpus/<target>/):
  toml     asthra.toml text, sent to `ampu lsp` as edits of an open manifest (TOML parser,
           document model, manifest reader, workspace reload), then symbols, links, folding, hover,
           completion, definition, references, workspace symbols and a rename of the file
  asthra   source text, as edits of an open .asthra file (lexer, scanner, resolver), then the same
  oats-toml Oats.toml text, as edits of the open manifest of that package (its reader, the path
           dependency, the entry), then the same requests
  oats     source text, as edits of an open .oats file in an Oats package with a path dependency
  jsonrpc  raw bytes on the server's standard input (Content-Length framer, JSON, JSON-RPC)
  decoder  TOML on the standard input of `ampu debug toml-decode`, a process per input
  records  bytes on the standard input of `ampu debug build-records`, a process per input: read
           as a fingerprint, the fingerprint log, a kept plan (its record, and its whole file
           checked against a small workspace), a complete build's record, a dependency file, a
           compiler's output and the test programs' times
  elm      bytes on the standard input of `ampu debug probe elm`: read as elm.json (JSON with
           positions), as an Elm module and as elm's elm-stuff/0.19.1/d.dat (Data.Binary)
  abc      bytes on the standard input of `ampu debug probe abc`: read as an Aria build.abc (its
           INI form, the seed's brace form, and the forms it names but does not read)
  rask     bytes on the standard input of `ampu debug probe rask`: read as a Rask build file's
           package block (rask.build, build.rk), the rest of the file only scanned
  aria     build.abc text, as edits of an open build.abc in an Aria project (the reader, targets,
           variables, the disk checks, the cursor, completion, hover, definition, symbols)
  args     a command line (an argument per line), read by `ampu debug args --` as `ampu` reads its
           own, a process per input: exit 0 (a command, help, the version), or 1 or 64 with an `error:`
  plan     a build manifest (asthra.toml, Oats.toml, build.abc or rask.build: the first line of a
           seed names the language) in a small project of that language with a stand-in compiler,
           planned by `ampu build --plan --format json`, `ampu gen ninja --output -` and
           `ampu compile-commands --output -`, processes per input: exit 0 or 1, never a
           signal or a hang (profiles, toolchain templates, [native] globs, targets, members)

Every input is followed by a request that must be answered within --hang seconds; a server
that dies, stops answering or grows past --server-memory MB (one server takes all the inputs of
a target, so state that grows with each edit shows within seconds) is a failure. The input that did it is
written to --crashes and the run exits 1. The run is bounded by --seconds per target.

  tests/fault/fuzz.py --binary .build/release/ampu --seconds 15          # what scripts/test runs
  tests/fault/fuzz.py --binary .build/release/ampu --seconds 3600 toml   # a long local run
"""
import argparse
import json
import os
import pathlib
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from lspwire import Client, ServerGone  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[1]

# Fragments that make interesting inputs when spliced in.
DICTIONARY = {
    "toml": [b"[", b"]", b"[[", b"]]", b"=", b".", b'"', b"'", b'"""', b"'''", b"\\u0000", b"\\U0010FFFF", b"{", b"}",
             b",", b"\n", b"\r\n", b"\r", b"#", b"0x", b"1e400", b"inf", b"nan", b"1979-05-27T07:32:00Z", b"\x00",
             b"\xff", b"\xc3", b"[dependencies]", b"[package]", b"[workspace]", b"members = [\"*\"]",
             b'path = ".."', b'path = "."', b'git = "x"', b'version = "^1"', b"a.b.c", b"\t", b"\xef\xbb\xbf"],
    "asthra": [b"import", b'"', b";", b" as ", b"/*", b"*/", b"//", b"\n", b"package", b"::", b"stdlib/", b"std/",
               b"internal/", b"../", b"./", b"..", b"github.com/", b"\\u{", b"\\", b"\x00", b"\xff", b"\xe2\x80\xae",
               b"{", b"}", b"\r"],
    "oats": [b"import", b"from", b"{", b"}", b",", b" as ", b"*", b"type", b'"', b"'", b"`", b"${", b";", b"/*", b"*/",
             b"//", b"\n", b"./", b"../", b"index", b".oats", b"mylib", b"mylib/", b"\\", b"\x00", b"\xff", b"(", b")", b"."],
    "jsonrpc": [b"Content-Length: ", b"\r\n", b"\r\n\r\n", b"\n", b":", b"{", b"}", b"[", b"]", b'"id":', b"1e300",
                b"-1", b"9223372036854775808", b"null", b"\\ud800", b"\xff", b"\x00", b'"method":', b'"params":',
                b'"textDocument/didOpen"', b'"$/cancelRequest"', b"99999999999", b'"line":', b'"character":'],
}
DICTIONARY["args"] = [b"\n", b"-", b"--", b"=", b"-j", b"-j2", b"-j", b"-1", b"-qv", b"-p", b"--release", b"--profile", b"--jobs=",
                     b"--message-format", b"json", b"--manifest-path", b"--help", b"-h", b"--version", b"help", b"build", b"run",
                     b"test", b"check", b"fix", b"--allow-dirty", b"clean", b"new", b"gen", b"ninja", b"debug", b"glob", b"tree", b"deps", b"add", b"--git",
                     b"--tag", b"--features", b"--workspace", b"--exclude", b"--timeout", b"--lib=", b"\xff", b"\xc3", b"\xe2\x80\xae",
                     b"--target-dir", b"--bin", b"--test", b"--tests", b"-n", b"--dry-run", b"--frozen", b"lsp", b"--stdio"]
DICTIONARY["decoder"] = DICTIONARY["toml"]
DICTIONARY["oats-toml"] = DICTIONARY["toml"] + [b"[build.profiles.dev]", b'opt-level = "none"', b'compiler-cli = ["oatsc"]', b'entry = "src/main.oats"',
                                                 b'target-dir = "target"', b'profile = "release"']
DICTIONARY["format"] = DICTIONARY["toml"]
DICTIONARY["abc"] = [b"[", b"]", b"[target.", b"[project]", b"{", b"}", b"=", b":", b",", b'"', b"\\", b"#", b";", b"//", b"\n",
                     b"type", b"sources", b"deps", b"depends_on", b"&{", b"LIBRARY", b"targets {", b"true", b"-1.5",
                     b"LIBRARY \"", b"SOURCES:\n", b"DEPENDENCIES:\n", b"    ", b" (optional)", b"("]
DICTIONARY["aria"] = DICTIONARY["abc"] + [b"[target.app]\n", b"type = \"binary\"\n", b"sources = [\"src/*.aria\"]\n",
                                         b"deps = [\"core\"]\n", b"&{ENV.HOME}", b"&{name}", b"**", b"[0-9]", b"?", b"gitignore = true\n",
                                         b"pre_build = [\"sh -c 'x'\"]\n", b"[variables]\n"]
DICTIONARY["rask"] = [b"package", b"dep", b"feature", b"scope", b"profile", b"{", b"}", b"[", b"]", b":", b",", b'"', b"'", b"\\",
                      b"//", b"/*", b"*/", b"\n", b"func build(", b"enables:", b"default: true", b"path:", b"git:", b"with:", b'"^1.0"', b"-1"]
DICTIONARY["rask-server"] = DICTIONARY["rask"] + [b"members: [\"..\"]\n", b"scope \"dev\" {", b"inherits:", b"opt_level:", b"{ feature: \"ssl\" }",
                                         b"target: \"linux\"", b"branch:", b"import ", b"util", b"../util"]
DICTIONARY["elm"] = [b"{", b"}", b"[", b"]", b'"', b"\\u", b":", b",", b"\"type\"", b"\"application\"", b"\"package\"", b"\"dependencies\"",
                     b"\"direct\"", b"\"indirect\"", b"\" <= v < \"", b"import ", b"module ", b"exposing (..)", b"{-", b"-}", b"--", b"\"\"\"",
                     b"'", b"\r\n", b"main =", b" as ", b"port ", b"effect ", b"where {"]
DICTIONARY["plan"] = DICTIONARY["oats-toml"] + DICTIONARY["aria"] + DICTIONARY["rask-server"] + [
    b"[toolchain]\n", b'preset = "seed"\n', b'preset = "current"\n', b'command = ["{compiler}", "{input}", "-o", "{output}"]\n',
    b"{input}", b"{includes}", b"{opt}", b"{debug}", b"{target}", b"{output}", b"{inptu}", b"{", b'launcher = "ccache"\n', b"[native]\n",
    b'sources = ["csrc/**/*.c", "../*.c", "/"]\n', b'include = [".."]\n', b"[[bin]]\n", b'name = "x"\npath = "src/tool.asthra"\n',
    b"[profile.x]\n", b'inherits = "x"\n', b'inherits = "release"\n', b"opt_level = 9\n", b"debug = true\n",
    b'members = ["*", "..", "lib"]\n', b'path = "."', b"asthra\n", b"oats\n", b"aria\n", b"rask\n"]
DICTIONARY["records"] = [b"\t", b"\n", b"end\n", b"in\t", b"out\t", b"key\t", b"action\t", b"compile\t", b"\x1f", b"a\t", b"i\t",
                         b"d\t", b"program\t", b"profile\t", b":", b": error: ", b": warning: ", b": note: ", b"src/main.ast:",
                         b"\\\n", b"\\ ", b"$$", b"^~~~", b" | ", b"-1", b"99999999999999999999", b"0",
                         b"said\t", b"time\t", b"ampu-test-times 1\n", b"\tall\t", b"\ttests\t", b"part\t", b"plan\tfuzz\n", b"ampu-complete 2\n"]


def mutate(data: bytes, corpus, words, rng: random.Random) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(12)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:  # flip a bit
            i = rng.randrange(len(buf))
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # insert a word
            buf[pos:pos] = rng.choice(words)
        elif op == 2 and buf:  # delete a stretch
            buf[pos:pos + rng.randint(1, 16)] = b""
        elif op == 3 and buf:  # duplicate a stretch
            end = min(len(buf), pos + rng.randint(1, 64))
            buf[pos:pos] = buf[pos:end]
        elif op == 4:  # splice in part of another input
            other = rng.choice(corpus)
            a = rng.randint(0, len(other))
            buf[pos:pos] = other[a:a + rng.randint(1, 200)]
        elif op == 5 and buf:  # a random byte
            buf[rng.randrange(len(buf))] = rng.randrange(256)
        elif op == 6 and buf:  # repeat a stretch many times (to meet work that grows too fast)
            end = min(len(buf), pos + rng.randint(1, 12))
            buf[pos:pos] = bytes(buf[pos:end]) * rng.randint(10, 3000)
        elif op == 7 and buf:  # truncate
            del buf[pos:]
        elif op == 8:  # change a number
            m = list(re.finditer(rb"\d+", bytes(buf)))
            if m:
                x = rng.choice(m)
                buf[x.start():x.end()] = str(rng.choice([0, 1, -1, 2**31, 2**63, 2**64, 10**12, rng.randrange(1000)])).encode()
        elif op == 9:  # empty a string, or leave only a separator in it (`target = ""`, `"-"`, `"/"`)
            m = list(re.finditer(rb'"[^"\n]*"', bytes(buf)))
            if m:
                x = rng.choice(m)
                buf[x.start():x.end()] = rng.choice([b'""', b'"-"', b'"/"', b'"."', b'" "', b'"@"'])
        elif op == 10 and buf:  # a whole line: doubled, or moved elsewhere
            lines = bytes(buf).split(b"\n")
            i = rng.randrange(len(lines))
            line = lines.pop(i) if rng.randrange(2) else lines[i]
            lines.insert(rng.randint(0, len(lines)), line)
            buf = bytearray(b"\n".join(lines))
        elif op == 11:  # a line of another input, as a line here
            lines = bytes(buf).split(b"\n")
            other = rng.choice(corpus).split(b"\n")
            lines.insert(rng.randint(0, len(lines)), rng.choice(other))
            buf = bytearray(b"\n".join(lines))
    return bytes(buf[:256 * 1024])


class Failure(Exception):
    def __init__(self, message, raiser=None):
        super().__init__(message)
        # For a memory failure: the input that raised the server's peak the most, when it is not
        # the one that crossed the ceiling (the peak is the process's high-water mark).
        self.raiser = raiser


class ServerTarget:
    """Inputs go to one `ampu lsp` process; it is started again only after a failure."""

    def __init__(self, binary, target, hang, memory):
        self.binary, self.target, self.hang, self.memory = binary, target, hang, memory
        self.base = pathlib.Path(tempfile.mkdtemp(prefix=f"ampu-fuzz-{target}-"))
        self.root = self.base / "app"
        (self.root / "src").mkdir(parents=True)
        if target in ("oats", "oats-toml"):
            (self.root / "Oats.toml").write_text('[package]\nname = "app"\nversion = "1.0.0"\n\n[dependencies]\nmylib = { path = "../mylib" }\n')
            (self.root / "src" / "main.oats").write_text("export function main(): number { return 0; }\n")
            (self.root / "src" / "math.oats").write_text("export function two(): number { return 2; }\n")
            (self.root / "src" / "shapes").mkdir()
            (self.root / "src" / "shapes" / "index.oats").write_text("")
            (self.base / "mylib" / "src").mkdir(parents=True)
            (self.base / "mylib" / "Oats.toml").write_text('[package]\nname = "mylib"\nversion = "0.1.0"\nentry = "src/lib.oats"\n')
            (self.base / "mylib" / "src" / "lib.oats").write_text("export function add(a: number, b: number): number { return a + b; }\n")
            self.file = self.root / ("Oats.toml" if target == "oats-toml" else "src/main.oats")
        elif target == "aria":
            (self.root / "lib").mkdir()
            (self.root / "build.abc").write_text('[project]\nname = "app"\nversion = "0.1.0"\n\n[variables]\nout = "build"\n\n'
                                                 '[target.core]\ntype = "library"\nsources = ["lib/*.aria"]\noutput = "&{out}/core.ll"\n\n'
                                                 '[target.app]\ntype = "binary"\nsources = ["src/*.aria"]\ndeps = ["core"]\nflags = ["-I", "lib"]\n')
            (self.root / "src" / "main.aria").write_text('use "core.aria".*;\n\nfunc:main = int32() { pass(0i32); };\n')
            (self.root / "lib" / "core.aria").write_text("pub func:answer = int64() { pass(42i64); };\n")
            self.file = self.root / "build.abc"
        elif target == "rask-server":
            (self.root / "storage").mkdir()
            (self.root / "rask.build").write_text('package "app" "0.1.0" {\n    dep "util" { path: "../util" }\n'
                                                  '    feature "ssl" {\n        default: true\n        dep "tls" "^1.0"\n    }\n'
                                                  '    profile "small" { inherits: "release", opt_level: "z" }\n}\n')
            (self.root / "main.rk").write_text("import util\nimport storage\nimport http.Request\n\nfunc main() {}\n")
            (self.root / "storage" / "disk.rk").write_text("public func open() {}\n")
            (self.base / "util").mkdir()
            (self.base / "util" / "rask.build").write_text('package "util" "0.2.0" {}\n')
            (self.base / "util" / "lib.rk").write_text("")
            self.file = self.root / "rask.build"
        else:
            (self.root / "asthra.toml").write_text('[package]\nname = "app"\nversion = "1.0.0"\n')
            (self.root / "src" / "main.asthra").write_text("package main;\n")
            (self.root / "src" / "util.asthra").write_text("package main;\n")
            self.file = self.root / ("asthra.toml" if target == "toml" else "src/main.asthra")
        self.client = None
        self.version = 1
        self.peak, self.raiser, self.current = 0, None, b""

    def start(self):
        env = {"HOME": str(self.root), "PATH": os.environ.get("PATH", ""),
               "ASTHRA_HOME": str(REPO / "examples" / "asthra-home")}
        self.client = Client([self.binary, "lsp"], cwd=self.root, env=env)
        self.client.request("initialize", {"processId": None, "rootUri": self.root.as_uri(),
                                           # A client that renames files an edit names: a module's rename is answered too.
                                           "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]},
                                                            "textDocument": {"codeAction": {"codeActionLiteralSupport": {
                                                                "codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}},
                                                            "workspace": {"workspaceEdit": {"documentChanges": True, "resourceOperations": ["rename"]}}}},
                            timeout=self.hang)
        self.client.notify("initialized", {})
        if self.target != "jsonrpc":
            self.client.notify("textDocument/didOpen", {"textDocument": {
                "uri": self.file.as_uri(), "languageId": "x", "version": 1, "text": self.file.read_text()}})

    def check(self, rng):
        uri = self.file.as_uri()
        c = self.client
        if self.target != "jsonrpc":
            line = rng.randrange(8)
            at = {"textDocument": {"uri": uri}, "position": {"line": line, "character": rng.randrange(40)}}
            for method, params in [("textDocument/documentSymbol", {"textDocument": {"uri": uri}}),
                                   ("textDocument/documentLink", {"textDocument": {"uri": uri}}),
                                   ("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 4, "insertSpaces": True}}),
                                   ("textDocument/foldingRange", {"textDocument": {"uri": uri}}),
                                   ("workspace/symbol", {"query": rng.choice(["", "a", "src", "zz"])}),
                                   ("workspace/willRenameFiles", {"files": [{"oldUri": uri, "newUri": uri.rsplit("/", 1)[0] + "/moved/renamed" + self.file.suffix}]}),
                                   ("textDocument/hover", at), ("textDocument/completion", at),
                                   ("textDocument/definition", at), ("textDocument/prepareRename", at),
                                   ("textDocument/rename", dict(at, newName=rng.choice(["renamed", "", "a/b", ".x"]))),
                                   ("textDocument/references", dict(at, context={"includeDeclaration": True})),
                                   # Quick fixes on the line, or the document's certain fixes (as on save).
                                   ("textDocument/codeAction", {"textDocument": {"uri": uri},
                                                                "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 80}},
                                                                "context": {"diagnostics": [], "only": rng.choice([["quickfix"], ["source.fixAll"], ["source"]])}})]:
                reply = c.request(method, params, timeout=self.hang)
                # A rename where there is nothing to rename, or to a name that cannot be, is refused (-32803).
                allowed = (-32602, -32801, -32803) if method == "textDocument/rename" else (-32602, -32801)
                if "error" in reply and reply["error"]["code"] not in allowed:
                    raise Failure(f"{method} answered {reply['error']}")
        reply = c.request("ampu/health", {}, timeout=self.hang)
        if reply.get("error", {}).get("code") != -32601:
            raise Failure(f"health check answered {reply}")
        self.memory_check(c.peak_rss_mb())

    def memory_check(self, rss):
        """The peak after the current input; above the ceiling, a failure that also names the
        input that raised the peak the most."""
        if not rss:
            return
        if rss > self.peak:
            if self.raiser is None or rss - self.peak > self.raiser[0]:
                self.raiser = (rss - self.peak, self.current)
            self.peak = rss
        if rss > self.memory:
            rise, data = self.raiser
            raise Failure(f"peak RSS {rss:.0f} MB is above the ceiling of {self.memory} MB",
                          raiser=(rise, data) if data is not self.current else None)

    def run(self, data: bytes, rng):
        if self.client is None:
            self.start()
        self.current = data
        try:
            if self.target == "jsonrpc":
                self.client.send_raw(data)
                self.health_after_garbage(data)
                return
            else:
                self.version += 1
                text = data.decode("utf-8", "replace")
                self.client.notify("textDocument/didChange", {"textDocument": {"uri": self.file.as_uri(), "version": self.version},
                                                              "contentChanges": [{"text": text}]})
            self.check(rng)
        except (ServerGone, TimeoutError, Failure) as e:
            self.stop()
            raise Failure(str(e), getattr(e, "raiser", None))

    def health_after_garbage(self, data):
        """The mutated bytes may have left the framer inside a header or waiting for a declared
        body, as it must; padding completes either, and then a health check has to be answered.
        Only a server that answers none of three checks, with more padding each time, hangs."""
        c = self.client
        for padding in [self.padding(data), b" " * 70_000 + b"\r\n\r\n", b" " * (1 << 20) + b"\r\n\r\n"]:
            rid = c.next_id
            c.next_id += 1
            c.send_raw(padding + b"Content-Length: %d\r\n\r\n" % len(body := json.dumps(
                {"jsonrpc": "2.0", "id": rid, "method": "ampu/health"}).encode()) + body)
            try:
                reply = c.wait(lambda m: m.get("id") == rid and "method" not in m, timeout=self.hang / 3)
            except TimeoutError:
                continue
            if reply.get("error", {}).get("code") != -32601:
                raise Failure(f"health check answered {reply}")
            self.memory_check(c.peak_rss_mb())
            return
        raise Failure("no answer to a health check after the input, even with padding")

    @staticmethod
    def padding(data: bytes) -> bytes:
        """Enough bytes to complete any body the mutated input announced, so that the health check
        after it is read as a message (the framer waits for a declared body, as it must)."""
        limit = 64 * 1024 * 1024  # the framer refuses more without reading it
        declared = [int(m.group(1)) for m in re.finditer(rb"(?i)content-length[ \t]*:[ \t]*(\d{1,30})", data)]
        return b" " * min(sum(n for n in declared if n <= limit), limit) + b"\r\n\r\n"

    def stop(self):
        if self.client:
            self.client.kill()
            self.client = None
        self.peak, self.raiser = 0, None

    def close(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


class DecoderTarget:
    """`ampu debug toml-decode` (or `build-records` for the build's record readers), one process
    per input: exit 0 or 1, never a signal or a hang."""

    def __init__(self, binary, hang, memory, command=("toml-decode",)):
        self.binary, self.hang, self.memory, self.command = binary, hang, memory, list(command)

    def run(self, data: bytes, rng):
        try:
            p = subprocess.run([self.binary, "debug"] + self.command, input=data, capture_output=True, timeout=self.hang)
        except subprocess.TimeoutExpired:
            raise Failure(f"no exit in {self.hang} s")
        if p.returncode not in (0, 1):
            raise Failure(f"exit {p.returncode}: {p.stderr[-500:]!r}")

    def close(self):
        pass


class ArgumentsTarget:
    """`ampu debug args -- ARGS`, a process per input (an argument per line, NULs left out, as
    a command line cannot hold one): exit 0, or 1 (no such command) or 64 (arguments that do not
    fit) with its `error:` first; never a signal, a hang or a status of its own."""

    def __init__(self, binary, hang):
        self.binary, self.hang = binary, hang

    def run(self, data: bytes, rng):
        arguments = data.replace(b"\x00", b"").split(b"\n")
        try:
            p = subprocess.run([self.binary.encode(), b"debug", b"args", b"--"] + arguments, stdin=subprocess.DEVNULL, capture_output=True, timeout=self.hang)
        except subprocess.TimeoutExpired:
            raise Failure(f"no exit in {self.hang} s")
        if p.returncode in (1, 64) and not p.stderr.startswith(b"error: "):
            raise Failure(f"exit {p.returncode} without an error: {p.stderr[-500:]!r}")
        if p.returncode not in (0, 1, 64):
            raise Failure(f"exit {p.returncode}: {p.stderr[-500:]!r}")

    def close(self):
        pass


class PlanTarget:
    """A manifest in a small project of its language (corpus/plan: the first line of a seed names
    the language; a mutation that spoils that line stays with Asthra), planned as `ampu build`,
    `ampu gen ninja` and `ampu compile-commands` plan it, with stand-in compilers (`true`), a
    process each: exit 0 or 1, never a signal or a hang."""

    MANIFESTS = {"asthra": "asthra.toml", "oats": "Oats.toml", "aria": "build.abc", "rask": "build.rk"}
    SOURCES = {
        "asthra": {"src/main.asthra": "package main;\nimport \"./util\";\n", "src/util.asthra": "package util;\n",
                   "src/tool.asthra": "package main;\n", "csrc/f.c": "int f(void) { return 1; }\n",
                   "csrc/include/f.h": "int f(void);\n", "tests/t.asthra": "package main;\n",
                   "lib/asthra.toml": "[package]\nname = \"lib\"\nversion = \"0.1.0\"\n", "lib/src/lib.asthra": "package lib;\n"},
        "oats": {"main.oats": "import { add } from \"./math\";\n", "math.oats": "export function add() {}\n",
                 "src/main.oats": "import { add } from \"../math\";\n"},
        "aria": {"src/main.npk": "use \"db.npk\".*;\n", "src/db.npk": "fn f() {}\n", "test.npk": "fn t() {}\n"},
        "rask": {"main.rk": "func main() {}\n", "config.rk": "func c() {}\n"},
    }

    def __init__(self, binary, hang):
        self.binary, self.hang = binary, hang
        self.base = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fuzz-plan-"))
        self.env = dict(os.environ, NO_COLOR="1", ASTHRA="true", OATSC="true", ARIAC="true", RASK="true",
                        ASTHRA_HOME=str(self.base / "home"), ASTHRA_CACHE=str(self.base / "cache"))
        (self.base / "home" / "stdlib").mkdir(parents=True)
        for language, files in self.SOURCES.items():
            for path, text in files.items():
                f = self.base / language / path
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_text(text)

    def run(self, data: bytes, rng):
        first, _, rest = data.partition(b"\n")
        language = first.decode("latin-1").strip()
        if language not in self.MANIFESTS:
            language, rest = "asthra", data
        project = self.base / language
        (project / self.MANIFESTS[language]).write_bytes(rest)
        # What a build leaves is not the next input's.
        shutil.rmtree(project / "target", ignore_errors=True)
        for command in (["build", "--plan", "--format", "json"], ["gen", "ninja", "--output", "-"], ["compile-commands", "--output", "-"]):
            try:
                p = subprocess.run([self.binary] + command, cwd=project, env=self.env, stdin=subprocess.DEVNULL, capture_output=True, timeout=self.hang)
            except subprocess.TimeoutExpired:
                raise Failure(f"`ampu {' '.join(command)}` ({language}): no exit in {self.hang} s")
            if p.returncode not in (0, 1):
                raise Failure(f"`ampu {' '.join(command)}` ({language}): exit {p.returncode}: {p.stderr[-500:]!r}")

    def close(self):
        shutil.rmtree(self.base, ignore_errors=True)


def load_corpus(target, root_uri=None):
    folder = HERE / "corpus" / ("toml" if target in ("decoder", "format") else "abc" if target == "aria" else "rask" if target == "rask-server" else target)
    out = []
    for f in sorted(folder.iterdir()):
        data = f.read_bytes()
        if target == "jsonrpc" and root_uri:
            body = data.split(b"\r\n\r\n", 1)[1].replace(b"file:///w", root_uri.encode())
            data = b"Content-Length: %d\r\n\r\n" % len(body) + body
        out.append(data)
    return out


def fuzz(target, args):
    rng = random.Random(args.seed)
    runner = DecoderTarget(args.binary, args.hang, args.memory) if target == "decoder" \
        else DecoderTarget(args.binary, args.hang, args.memory, ("toml-decode", "--check-format")) if target == "format" \
        else DecoderTarget(args.binary, args.hang, args.memory, ("build-records",)) if target == "records" \
        else DecoderTarget(args.binary, args.hang, args.memory, ("probe", "elm")) if target == "elm" \
        else DecoderTarget(args.binary, args.hang, args.memory, ("probe", "abc")) if target == "abc" \
        else DecoderTarget(args.binary, args.hang, args.memory, ("probe", "rask")) if target == "rask" \
        else ArgumentsTarget(args.binary, args.hang) if target == "args" \
        else PlanTarget(args.binary, args.hang) if target == "plan" \
        else ServerTarget(args.binary, target, args.hang, args.server_memory)
    corpus = load_corpus(target, runner.root.as_uri() if target == "jsonrpc" else None)
    words = DICTIONARY[target]
    executions, failures = 0, []
    deadline = time.monotonic() + args.seconds
    try:
        # The seeds themselves first, then mutations of them.
        queue = list(corpus)
        while time.monotonic() < deadline:
            data = queue.pop() if queue else mutate(rng.choice(corpus), corpus, words, rng)
            try:
                runner.run(data, rng)
            except Failure as e:
                failures.append((str(e), data))
                out = pathlib.Path(args.crashes)
                out.mkdir(parents=True, exist_ok=True)
                name = out / f"{target}-{len(failures)}.bin"
                name.write_bytes(data)
                also = ""
                if e.raiser:
                    rise, raiser = e.raiser
                    raised = out / f"{target}-{len(failures)}-raised-peak.bin"
                    raised.write_bytes(raiser)
                    also = f"; the input that raised the peak the most (+{rise:.0f} MB) saved to {raised}"
                print(f"fuzz {target}: FAILURE ({e}); input saved to {name}{also}", flush=True)
                if len(failures) >= 3:
                    break
            executions += 1
    finally:
        runner.close()
    return executions, failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("targets", nargs="*", default=["toml", "oats-toml", "asthra", "oats", "jsonrpc", "decoder", "format", "records", "elm", "abc", "aria", "rask", "rask-server", "args", "plan"])
    ap.add_argument("--binary", default=str(REPO / ".build" / "release" / "ampu"))
    ap.add_argument("--seconds", type=float, default=15, help="per target")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "0")) or None)
    ap.add_argument("--hang", type=float, default=10, help="seconds an answer may take")
    ap.add_argument("--memory", type=int, default=1024, help="peak RSS ceiling in MB")
    # One server takes every input of a target, so state that grows with each edit shows within
    # seconds. Every server target stays under 100 MB for a minute each; 256 MB caught the Asthra
    # server's growth and the Aria cursor's memory by the square of the nesting (corpus/abc/deep-nesting.abc).
    ap.add_argument("--server-memory", type=int, default=256, help="peak RSS ceiling in MB of the language server")
    ap.add_argument("--crashes", default=str(REPO / ".build" / "fuzz-failures"))
    args = ap.parse_args()
    args.binary = os.path.abspath(args.binary)
    if args.seed is None:
        args.seed = random.randrange(1 << 30)
    print(f"fuzz: seed {args.seed} (FUZZ_SEED={args.seed} repeats this run), {args.seconds:.0f} s per target", flush=True)
    total_failures = 0
    for target in args.targets:
        executions, failures = fuzz(target, args)
        total_failures += len(failures)
        print(f"fuzz {target}: {executions} executions, {len(failures)} failures", flush=True)
    print(f"fuzz: {len(args.targets)} targets, {total_failures} failures")
    sys.exit(1 if total_failures else 0)


if __name__ == "__main__":
    main()
