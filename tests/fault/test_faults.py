"""The fault suite: `ampu lsp` as a broken or hostile client and a hostile workspace would meet
it. Every case sends its abuse, checks what the protocol says the answer is, and then proves the
server still answers (a health check), so a crash, a hang or a silenced stream fails the case.
"""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import time

import pytest

from lspwire import Client, ServerGone

REPO = pathlib.Path(__file__).resolve().parents[2]
AMPU = os.path.abspath(os.environ.get("AMPU", str(REPO / ".build" / "debug" / "ampu")))


@pytest.fixture
def workspace():
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-"))
    (root / "src").mkdir()
    (root / "asthra.toml").write_text('[package]\nname = "app"\nversion = "1.0.0"\n')
    (root / "src" / "main.asthra").write_text('package main;\n\nimport "./util";\n')
    (root / "src" / "util.asthra").write_text("package main;\n")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def start(root, initialize=True, capabilities=None):
    c = Client([AMPU, "lsp"], cwd=root, env={"HOME": str(root), "PATH": os.environ.get("PATH", ""),
                                          "ASTHRA_HOME": str(REPO / "examples" / "asthra-home")})
    if initialize:
        reply = c.request("initialize", {"processId": None, "rootUri": root.as_uri(),
                                         "capabilities": capabilities or {}})
        assert "result" in reply, reply
        c.notify("initialized", {})
    return c


def healthy(c):
    """The server answers a request (an unknown method: MethodNotFound) and so is still serving."""
    reply = c.request("ampu/health", {}, timeout=10)
    assert reply["error"]["code"] == -32601, reply


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def finish(c):
    """Shut down politely and expect exit code 0: nothing in the case broke the lifecycle."""
    assert c.request("shutdown", None)["result"] is None
    c.notify("exit", None)
    c.close_input()
    assert c.p.wait(timeout=10) == 0, c.describe_exit()


# Framing: broken header blocks, each followed by a good message.

BROKEN_HEADERS = {
    "no Content-Length": b"Content-Type: application/json\r\n\r\n{}",
    "negative": b"Content-Length: -5\r\n\r\n{}",
    "not a number": b"Content-Length: abc\r\n\r\n{}",
    "hex": b"Content-Length: 0x10\r\n\r\n{}",
    "2^64": b"Content-Length: 18446744073709551616\r\n\r\n{}",
    "above the 64 MiB limit": b"Content-Length: 1000000000000\r\n\r\n{}",
    "conflicting duplicates": b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    "LF only": b'Content-Length: 2\n\n{}',
    "no colon": b"Content-Length 2\r\n\r\n{}",
    "empty block": b"\r\n\r\n",
    "NUL in the value": b"Content-Length: 2\x00\r\n\r\n{}",
    "NUL in the name": b"Content\x00-Length: 2\r\n\r\n{}",
    "garbage without a blank line (100 KB)": b"x" * 100_000,
    "binary garbage": bytes(range(256)) * 40,
}


@pytest.mark.parametrize("name", BROKEN_HEADERS)
def test_broken_header_is_skipped_and_the_next_message_arrives(workspace, name):
    c = start(workspace)
    c.send_raw(BROKEN_HEADERS[name])
    healthy(c)
    # Nothing was answered for the broken block itself.
    assert c.logged("skipped a message with a bad header"), c.stderr_text()
    finish(c)


def test_broken_header_and_good_message_in_one_write(workspace):
    c = start(workspace)
    body = json.dumps({"jsonrpc": "2.0", "id": 5, "method": "ampu/health"}).encode()
    c.send_raw(b"Content-Length: zz\r\n\r\n{}" + frame(body))
    assert c.wait(lambda m: m.get("id") == 5)["error"]["code"] == -32601
    finish(c)


def test_a_header_split_across_writes(workspace):
    c = start(workspace)
    body = json.dumps({"jsonrpc": "2.0", "id": 6, "method": "ampu/health"}).encode()
    data = frame(body)
    for i in range(0, len(data), 3):
        c.send_raw(data[i:i + 3])
    assert c.wait(lambda m: m.get("id") == 6)["error"]["code"] == -32601
    finish(c)


# Bodies that are not JSON-RPC messages.

BAD_BODIES = {
    "empty body": (b"", -32700),
    "truncated JSON": (b'{"jsonrpc":"2.0","id":1,"method":', -32700),
    "invalid UTF-8 in a string": (b'{"jsonrpc":"2.0","id":1,"method":"x","params":{"a":"\xff"}}', -32700),
    "invalid UTF-8 in the method": (b'{"jsonrpc":"2.0","id":1,"method":"\xff\xfe"}', -32700),
    "a UTF-8-encoded surrogate in the method": (b'{"jsonrpc":"2.0","id":1,"method":"initialize\xed\xa0\x80","params":{}}', -32700),
    "an overlong encoding in the method": (b'{"jsonrpc":"2.0","id":1,"method":"\xc0\xaf"}', -32700),
    "a lone surrogate escape": (b'{"jsonrpc":"2.0","id":1,"method":"\\ud800"}', None),
    "an array": (b"[1,2,3]", -32600),
    "a number": (b"42", -32600),
    "trailing characters": (b'{"jsonrpc":"2.0","id":1,"method":"x"} x', -32700),
    "nesting 100,000 deep": (b"[" * 100_000 + b"]" * 100_000, -32700),
    "method is not a string": (b'{"jsonrpc":"2.0","id":1,"method":5}', -32600),
    "neither method nor result": (b'{"jsonrpc":"2.0","id":1}', -32600),
}
# Where the id can be read, the error carries it.
ID_KNOWN = {"method is not a string", "neither method nor result"}


@pytest.mark.parametrize("name", BAD_BODIES)
def test_bad_body_gets_an_error(workspace, name):
    body, code = BAD_BODIES[name]
    c = start(workspace)
    c.send_raw(frame(body))
    if code is not None:
        expected_id = 1 if name in ID_KNOWN else None
        reply = c.wait(lambda m: "error" in m and m.get("id") == expected_id)
        assert reply["error"]["code"] == code, reply
    healthy(c)
    finish(c)


@pytest.mark.parametrize("id_text", ["1e300", "1e19", "-1e19", "9.3e18", "1.5", "true", "[1]", "{}"])
def test_request_id_that_is_no_integer_or_string(workspace, id_text):
    c = start(workspace)
    c.send_raw(frame(b'{"jsonrpc":"2.0","id":%s,"method":"textDocument/hover","params":{}}' % id_text.encode()))
    reply = c.wait(lambda m: "error" in m)
    assert reply == {"jsonrpc": "2.0", "id": None,
                     "error": {"code": -32600, "message": "'id' must be a number or a string"}}
    healthy(c)
    finish(c)


@pytest.mark.parametrize("id_text", ["1e300", "-1e19", "9.3e18", "null", '"x"', "{}"])
def test_cancel_with_any_id(workspace, id_text):
    c = start(workspace)
    c.send_raw(frame(b'{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":%s}}' % id_text.encode()))
    healthy(c)
    finish(c)


def test_cancellations_of_unknown_ids_are_not_kept(workspace):
    c = start(workspace)
    before = c.peak_rss_mb()
    batch = b"".join(frame(b'{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":%d}}' % i)
                     for i in range(200_000))
    c.send_raw(batch)
    healthy(c)
    # A request reusing a cancelled id is answered, not cancelled.
    c.send(b'{"jsonrpc":"2.0","id":77,"method":"ampu/health"}')
    assert c.wait(lambda m: m.get("id") == 77)["error"]["code"] == -32601
    assert c.peak_rss_mb() - before < 20, (before, c.peak_rss_mb())
    finish(c)


# Parameters out of range.

def test_huge_positions_with_utf8_positions(workspace):
    c = start(workspace, capabilities={"general": {"positionEncodings": ["utf-8"]}})
    uri = (workspace / "src" / "main.asthra").as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "asthra", "version": 1,
                                                       "text": (workspace / "src" / "main.asthra").read_text()}})
    big = 9223372036854775807
    for pos in [{"line": 1, "character": big}, {"line": big, "character": big}, {"line": 0, "character": big - 1}]:
        reply = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": pos})
        assert "result" in reply, reply
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": big}, "end": {"line": big, "character": big}}, "text": "x"}]})
    healthy(c)
    finish(c)


@pytest.mark.parametrize("position,message", [
    ({"line": -1, "character": 0}, "a position's line and character must not be negative"),
    ({"line": 1e300, "character": 0}, "'line' must be an integer"),
    ({"line": 18446744073709551615, "character": 0}, None),
    ({"line": "1", "character": 0}, "'line' must be an integer"),
    ({"line": 0}, "missing 'character'"),
])
def test_bad_positions_are_invalid_params(workspace, position, message):
    c = start(workspace)
    uri = (workspace / "src" / "main.asthra").as_uri()
    body = json.dumps({"jsonrpc": "2.0", "id": 3, "method": "textDocument/hover",
                       "params": {"textDocument": {"uri": uri}, "position": position}}).encode()
    c.send_raw(frame(body))
    reply = c.wait(lambda m: "error" in m)
    if message is None:  # a number outside Int64 is not JSON this server reads
        assert reply["error"]["code"] == -32700, reply
    else:
        assert reply == {"jsonrpc": "2.0", "id": 3, "error": {"code": -32602, "message": message}}
    healthy(c)
    finish(c)


@pytest.mark.parametrize("params", [
    {},
    {"textDocument": {"uri": 5}},
    {"textDocument": {"uri": "file:///nowhere.asthra", "version": "1", "text": "x"}},
    {"textDocument": {"uri": "http://example/x.asthra", "version": 1, "text": "x", "languageId": "asthra"}},
    {"textDocument": {"uri": "file:///%zz%00.asthra", "version": 1, "text": "x", "languageId": "asthra"}},
])
def test_bad_did_open_is_logged_and_ignored(workspace, params):
    c = start(workspace)
    c.notify("textDocument/didOpen", params)
    healthy(c)
    finish(c)


def test_change_of_a_document_never_opened(workspace):
    c = start(workspace)
    c.notify("textDocument/didChange", {"textDocument": {"uri": "file:///x.asthra", "version": 2},
                                        "contentChanges": [{"text": "x"}]})
    healthy(c)
    assert c.logged("is not open"), c.stderr_text()
    finish(c)


# Lifecycle.

def test_notifications_before_initialize_are_dropped(workspace):
    c = start(workspace, initialize=False)
    uri = (workspace / "asthra.toml").as_uri()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "toml", "version": 1,
                                                       "text": "[package]\nname = 1\n"}})
    reply = c.request("initialize", {"processId": None, "rootUri": workspace.as_uri(), "capabilities": {}})
    assert "result" in reply
    # Nothing was published before the initialize response, or for the dropped didOpen.
    assert c.collect(0.5) == []
    finish(c)


def test_requests_before_initialize_and_after_shutdown(workspace):
    c = start(workspace, initialize=False)
    assert c.request("textDocument/hover", {})["error"]["code"] == -32002
    assert "result" in c.request("initialize", {"capabilities": {}})
    assert c.request("initialize", {"capabilities": {}})["error"]["code"] == -32600
    assert c.request("shutdown", None)["result"] is None
    assert c.request("textDocument/hover", {})["error"]["code"] == -32600
    c.notify("exit", None)
    assert c.p.wait(timeout=10) == 0


def test_exit_before_initialize_ends_with_1(workspace):
    c = start(workspace, initialize=False)
    c.notify("exit", None)
    assert c.p.wait(timeout=10) == 1


def test_end_of_input_in_the_middle_of_a_message(workspace):
    c = start(workspace)
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    c.close_input()
    assert c.p.wait(timeout=10) == 1, c.describe_exit()


def test_closed_output_ends_the_server_cleanly(workspace):
    # A plain process (no reader thread): the pipe's read end is closed before the server writes.
    p = subprocess.Popen([AMPU, "lsp"], cwd=workspace, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdout.close()
    body = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    try:
        p.stdin.write(frame(body) * 3)
        p.stdin.flush()
    except BrokenPipeError:
        pass
    try:
        _, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        raise AssertionError("the server kept running with its output closed")
    assert p.returncode == 1, (p.returncode, err)  # not killed by SIGPIPE (-13)
    assert b"cannot write to the client" in err


# A hostile workspace.

def published(c, path, timeout=10):
    uri = path.as_uri()
    return c.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
                  timeout)["params"]["diagnostics"]


def test_fifo_named_like_a_source_is_skipped(workspace):
    os.mkfifo(workspace / "src" / "pipe.asthra")
    c = start(workspace)
    diagnostics = published(c, workspace / "src" / "pipe.asthra")
    assert [(d["code"], d["message"]) for d in diagnostics] == [
        ("W005", "'pipe.asthra' is not a regular file (a FIFO, socket or device); it is skipped\n"
                 "help: only regular files are sources: remove it or give it another name")]
    # The watcher reports a change of it: still no read.
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": (workspace / "src" / "pipe.asthra").as_uri(), "type": 2}]})
    healthy(c)
    finish(c)


def test_manifest_that_is_a_directory(workspace):
    member = workspace / "lib"
    (member / "asthra.toml").mkdir(parents=True)
    (workspace / "asthra.toml").write_text('[workspace]\nmembers = ["lib"]\n')
    c = start(workspace)
    diagnostics = published(c, member / "asthra.toml")
    assert [(d["code"], d["message"]) for d in diagnostics] == [
        ("F002", "cannot read file: it is a directory, expected a file\n"
                 "help: the file is skipped; it must be a regular file: rename or remove it")]
    healthy(c)
    finish(c)


HELP_DOTDOT = "help: '..' may only go back within the path's own root; to use a module elsewhere, import it by its own path"


def test_dot_dot_does_not_bypass_access_rules(workspace):
    main = workspace / "src" / "main.asthra"
    text = 'package main;\n\nimport "stdlib/../internal/runtime/memory";\nimport "std/../../x/src/main";\n'
    c = start(workspace)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": main.as_uri(), "languageId": "asthra", "version": 1, "text": text}})
    diagnostics = published(c, main)
    assert [(d["code"], d["message"], d["range"]["start"]) for d in diagnostics] == [
        ("I012", "import path 'stdlib/../internal/runtime/memory' climbs out of 'stdlib/' with '..'\n" + HELP_DOTDOT, {"line": 2, "character": 7}),
        ("I012", "import path 'std/../../x/src/main' climbs out of 'std/' with '..'\n" + HELP_DOTDOT, {"line": 3, "character": 7}),
    ]
    finish(c)


def test_self_path_dependency(workspace):
    manifest = workspace / "asthra.toml"
    text = '[package]\nname = "app"\nversion = "1.0.0"\n\n[dependencies]\napp = { path = "." }\n'
    c = start(workspace)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": manifest.as_uri(), "languageId": "toml", "version": 1, "text": text}})
    # The manifest's own problems come first (none), then the full set.
    deadline = time.monotonic() + 10
    diagnostics = []
    while not diagnostics and time.monotonic() < deadline:
        diagnostics = published(c, manifest)
    assert [(d["code"], d["message"], d["range"]) for d in diagnostics] == [(
        "M017", "package 'app' depends on itself: path dependency 'app' points to its own directory\n"
        "help: remove the dependency: a package's own modules are imported with local paths (\"./module\")",
        {"start": {"line": 5, "character": 15}, "end": {"line": 5, "character": 18}})]
    finish(c)


def test_links_back_to_a_dependency_do_not_multiply_it(workspace):
    """Two links in a path dependency that lead back to it: every `a/b/a/…` names the same
    package. Followed as new packages, the paths would double at every step."""
    lib = workspace.parent / (workspace.name + "-lib")
    (lib / "src").mkdir(parents=True)
    (lib / "src" / "lib.asthra").write_text("package lib;\n")
    (lib / "asthra.toml").write_text('[package]\nname = "lib"\nversion = "1.0.0"\n\n[dependencies]\n'
                                     'lib = { path = "a" }\nalso = { path = "b" }\n')
    os.symlink(lib, lib / "a")
    os.symlink(lib, lib / "b")
    (workspace / "asthra.toml").write_text(f'[package]\nname = "app"\nversion = "1.0.0"\n\n[dependencies]\nlib = {{ path = "{lib}" }}\n')
    try:
        c = start(workspace)
        diagnostics = published(c, lib / "asthra.toml", timeout=20)
        assert sorted((d["code"], d["message"].split("\n")[0]) for d in diagnostics) == [
            ("M017", "package 'lib' depends on itself: path dependency 'also' points to its own directory"),
            ("M017", "package 'lib' depends on itself: path dependency 'lib' points to its own directory"),
        ]
        healthy(c)
        finish(c)
    finally:
        shutil.rmtree(lib, ignore_errors=True)


@pytest.mark.parametrize("name,text", [
    ("inline tables 100,000 deep", "x = " + "{a=" * 100_000 + "1" + "}" * 100_000 + "\n"),
    ("dotted key 100,000 parts", ".".join(["k"] * 100_000) + " = 1\n"),
    ("header 100,000 parts", "[" + ".".join(["k"] * 100_000) + "]\n"),
    ("20,000 arrays of tables", "".join("[[bin]]\nname = \"b%d\"\n" % i for i in range(20_000))),
])
def test_hostile_manifest_text_is_diagnosed_quickly(workspace, name, text):
    manifest = workspace / "asthra.toml"
    c = start(workspace)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": manifest.as_uri(), "languageId": "toml", "version": 1,
                                                       "text": '[package]\nname = "app"\nversion = "1.0.0"\n' + text}})
    published(c, manifest, timeout=10)
    assert c.request("textDocument/documentSymbol", {"textDocument": {"uri": manifest.as_uri()}}, timeout=10)
    assert c.peak_rss_mb() < 500
    healthy(c)
    finish(c)


def open_hostile(root, path, language, text, said=None):
    """A server on `root` given `text` as the open file `path`: it must publish a diagnostic
    whose message holds `said` (when given), answer documentSymbol on the file, and go on
    serving."""
    c = start(root)
    try:
        c.notify("textDocument/didOpen", {"textDocument": {"uri": path.as_uri(), "languageId": language, "version": 1, "text": text}})
        if said is not None:
            diagnostics = published(c, path, timeout=20)
            assert any(said in d["message"] for d in diagnostics), diagnostics
        reply = c.request("textDocument/documentSymbol", {"textDocument": {"uri": path.as_uri()}}, timeout=20)
        assert "result" in reply, reply
        healthy(c)
        finish(c)
    finally:
        # A server that failed the case (hung on the file) must not outlive it.
        c.kill()


@pytest.mark.parametrize("name,text", [
    ("deps nested 100,000 deep", 'package "app" "1.0.0" {\n' + 'dep "a" { ' * 100_000 + "}" * 100_000 + "\n}\n"),
    ("features nested 100,000 deep", 'package "app" "1.0.0" {\n' + 'feature "f" { ' * 100_000 + "}" * 100_000 + "\n}\n"),
    ("lists nested 100,000 deep", 'package "app" "1.0.0" {\n    members: ' + "[" * 100_000 + "]" * 100_000 + "\n}\n"),
])
def test_hostile_rask_build_file_is_diagnosed(name, text):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-rask-"))
    try:
        build = root / "rask.build"
        build.write_text('package "app" "1.0.0" {}\n')
        (root / "main.rk").write_text("func main() {}\n")
        open_hostile(root, build, "rask", text, said="nested more than 64 deep")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def abc_variables(lines):
    """A build.abc whose [variables] are `lines`, used by its one target's output."""
    return "[variables]\n" + "".join(lines) + '\n[target.app]\ntype = "binary"\nsources = ["src/main.aria"]\noutput = "&{v0}"\n'


@pytest.mark.parametrize("name,text,said", [
    # Each variable's value expanded within the last one's ran the stack out (SIGSEGV).
    ("variables used within each other 100,000 deep",
     abc_variables([f'v{i} = "&{{v{i + 1}}}x"\n' for i in range(100_000)] + ['v100000 = "end"\n']), "more than 64 deep"),
    # Each doubling the last: 3 bytes times 2 to the 40th, which took all memory.
    ("variables doubling their length 40 times",
     abc_variables([f'v{i} = "&{{v{i + 1}}}&{{v{i + 1}}}"\n' for i in range(40)] + ['v40 = "lol"\n']), "longer than 131072 bytes"),
])
def test_hostile_build_abc_is_diagnosed(name, text, said):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-abc-"))
    try:
        (root / "src").mkdir()
        (root / "src" / "main.aria").write_text("fn main() {}\n")
        build = root / "build.abc"
        build.write_text('[target.app]\ntype = "binary"\nsources = ["src/main.aria"]\n')
        open_hostile(root, build, "aria", text, said=said)
    finally:
        shutil.rmtree(root, ignore_errors=True)


# 100,000 profiles (or features), each inheriting (enabling) the next, the last two each other:
# finding the circle walked the chain from every profile, comparing each step with the steps
# before (hours); Rask's rules and its features looked each name up in a list.
CHAIN = 100_000
PROFILE_CIRCLE = f"profiles inherit from each other in a circle: p{CHAIN - 1} → p{CHAIN} → p{CHAIN - 1}"


@pytest.mark.parametrize("manifest,language,text,said", [
    ("asthra.toml", "toml", '[package]\nname = "app"\nversion = "1.0.0"\n'
     + "".join(f'[profile.p{i}]\ninherits = "p{i + 1}"\n' for i in range(CHAIN)) + f'[profile.p{CHAIN}]\ninherits = "p{CHAIN - 1}"\n', PROFILE_CIRCLE),
    ("rask.build", "rask", 'package "app" "1.0.0" {\n'
     + "".join(f'    profile "p{i}" {{ inherits: "p{i + 1}" }}\n' for i in range(CHAIN)) + f'    profile "p{CHAIN}" {{ inherits: "p{CHAIN - 1}" }}\n}}\n', PROFILE_CIRCLE),
    ("rask.build", "rask", 'package "app" "1.0.0" {\n    feature "f0" { default: true, enables: ["f1"] }\n'
     + "".join(f'    feature "f{i}" {{ enables: ["f{i + 1}"] }}\n' for i in range(1, CHAIN)) + f'    feature "f{CHAIN}" {{ enables: ["f{CHAIN - 1}"] }}\n}}\n',
     f"features enable each other in a circle: f{CHAIN - 1} → f{CHAIN} → f{CHAIN - 1}"),
], ids=["asthra.toml profiles", "rask.build profiles", "rask.build features"])
def test_long_chain_is_diagnosed(manifest, language, text, said):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-chain-"))
    try:
        path = root / manifest
        if manifest == "asthra.toml":
            (root / "src").mkdir()
            (root / "src" / "main.asthra").write_text("package main;\npub fn main(none) -> void { return (); }\n")
            path.write_text('[package]\nname = "app"\nversion = "1.0.0"\n')
        else:
            (root / "main.rk").write_text("func main() {}\n")
            path.write_text('package "app" "1.0.0" {}\n')
        open_hostile(root, path, language, text, said=said)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_long_feature_chain_on_the_command_line():
    """Turning the features on (what `tree`, `build` and `run` do first) looked each feature up
    in the list of all of them: a minute for this file, where the server only checks it."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-features-"))
    try:
        (root / "main.rk").write_text("func main() {}\n")
        (root / "rask.build").write_text('package "app" "1.0.0" {\n    feature "f0" { default: true, enables: ["f1"] }\n'
                                         + "".join(f'    feature "f{i}" {{ enables: ["f{i + 1}"] }}\n' for i in range(1, CHAIN))
                                         + f'    feature "f{CHAIN}" {{ enables: ["f{CHAIN - 1}"] }}\n}}\n')
        tree = subprocess.run([AMPU, "tree"], cwd=root, capture_output=True, text=True, timeout=30)
        assert (tree.returncode, tree.stdout) == (0, "app v1.0.0\n"), tree.stderr
    finally:
        shutil.rmtree(root, ignore_errors=True)


# Lists written out one entry at a time, all on one line, as a generator writes them: each
# missing entry's diagnostic counted its column from the start of the line, each listed C file
# read its whole directory again, and each file found was compared with all found before it;
# so the time grew with the square of the list.
LIST = 100_000
ONE_LINE = "[" + ", ".join(f'"x/f{i}.c"' for i in range(LIST)) + "]"
# The last entry's column after `members = ` or `sources = `, one-based: its opening quote.
LAST_COLUMN = len("members = ") + ONE_LINE.index(f'"x/f{LIST - 1}.c"') + 1


@pytest.mark.parametrize("name,manifest,files,argv,said", [
    # Each listed, then all again by a pattern: each file is compiled once.
    ("20,000 C files, each listed", '[package]\nname = "app"\nversion = "1.0.0"\n\n[toolchain]\ncompiler = "/bin/true"\n\n[native]\nsources = ['
     + ", ".join(f'"csrc/c{i}.c"' for i in range(20_000)) + ', "csrc/*.c"]\n', [f"csrc/c{i}.c" for i in range(20_000)], ["build", "--plan"],
     "Plan for the 'debug' profile [unoptimized + debuginfo]: 20002 actions in target/debug\n"),
    (f"{LIST:,} C files missing", '[package]\nname = "app"\nversion = "1.0.0"\n\n[native]\nsources = ' + ONE_LINE + "\n", [], ["check", "--message-format", "short"],
     f"asthra.toml:6:{LAST_COLUMN}: warning[B005]: 'x/f{LIST - 1}.c' matches no file in package 'app'\n"),
    (f"{LIST:,} workspace members missing", "[workspace]\nmembers = " + ONE_LINE + "\n", [], ["check", "--message-format", "short"],
     f"asthra.toml:2:{LAST_COLUMN}: error[M016]: workspace member 'x/f{LIST - 1}.c' does not exist\n"
     f"error: check failed: {LIST} errors, 0 warnings in 0 packages, 0 modules\n"),
])
def test_long_lists_on_the_command_line(name, manifest, files, argv, said):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-lists-"))
    try:
        (root / "src").mkdir()
        (root / "src" / "main.asthra").write_text("package main;\npub fn main(none) -> void { return (); }\n")
        (root / "asthra.toml").write_text(manifest)
        for file in files:
            (root / file).parent.mkdir(exist_ok=True)
            (root / file).write_text("int f(void) { return 0; }\n")
        run = subprocess.run([AMPU] + argv, cwd=root, capture_output=True, text=True, timeout=30)
        assert said in run.stdout + run.stderr, (run.stdout + run.stderr)[-2000:]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_wide_workspace_on_the_command_line():
    """A workspace of 20,000 members: each member's walk for its sources was given its own copy
    of the set of all the members' directories (less its own), the square of the members."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-members-"))
    try:
        n = 20_000
        (root / "asthra.toml").write_text("[workspace]\nmembers = [" + ", ".join(f'"m{i}"' for i in range(n)) + "]\n")
        for i in range(n):
            (root / f"m{i}" / "src").mkdir(parents=True)
            (root / f"m{i}" / "asthra.toml").write_text(f'[package]\nname = "m{i}"\nversion = "1.0.0"\n')
            (root / f"m{i}" / "src" / "lib.asthra").write_text(f"package m{i};\n")
        run = subprocess.run([AMPU, "check"], cwd=root, capture_output=True, text=True, timeout=30)
        assert (run.returncode, run.stdout + run.stderr) == (0, f"Checked {n} packages, {n} modules: no problems\n")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_long_circle_of_aria_targets():
    """100,000 build.abc targets in one circle: each step of the circle's diagnostic looked its
    edge up among all the edges (minutes in a debug build)."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-circle-"))
    try:
        n = 100_000
        (root / "src").mkdir()
        (root / "src" / "l.aria").write_text("fn f() {}\n")
        (root / "build.abc").write_text("".join(f'[target.t{i}]\ntype = "library"\nsources = ["src/l.aria"]\ndeps = ["t{(i + 1) % n}"]\n' for i in range(n)))
        run = subprocess.run([AMPU, "check"], cwd=root, capture_output=True, text=True, timeout=30)
        lines = (run.stdout + run.stderr).splitlines()
        assert run.returncode == 1
        assert lines[0] == "error[A008]: targets depend on each other in a circle: " + " → ".join(f"t{i}" for i in range(n)) + " → t0"
        assert lines[-4:] == [f"  = note: 't{n - 1}' lists 't0' in its deps",
                              "  = help: no target can be built first; remove one of these dependencies, or move the code both need into a library of its own",
                              "", "error: check failed: 1 error, 0 warnings in 1 package, 1 module"]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_long_lists_in_elm_json():
    """elm.json on one line, as a tool writes it, with 20,000 source directories that are not
    there and 20,000 packages that are not in the cache: each directory was compared with every
    one before it, and for each package the whole cache was read again to suggest a name."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-elm-"))
    try:
        (root / "src").mkdir()
        (root / "src" / "Main.elm").write_text("module Main exposing (main)\nmain = 1\n")
        n = 20_000
        (root / "elm.json").write_text(json.dumps({
            "type": "application", "source-directories": [f"s{i}" for i in range(n)] + ["src"], "elm-version": "0.19.1",
            "dependencies": {"direct": {"elm/core": "1.0.5", "elm/json": "1.1.3"} | {f"a{i}/p": "1.0.0" for i in range(n)}, "indirect": {}},
            "test-dependencies": {"direct": {}, "indirect": {}}}))
        # A package cache of 200 packages besides elm/core and elm/json (the directories are
        # what is read: a version is a directory of its package's).
        home = root / "elm-home"
        for package in ["elm/core/1.0.5", "elm/json/1.1.3"] + [f"author{a}/project{p}/1.0.0" for a in range(20) for p in range(10)]:
            (home / "0.19.1" / "packages" / package).mkdir(parents=True)
        for name, version, needs in [("elm/core", "1.0.5", {}), ("elm/json", "1.1.3", {"elm/core": "1.0.0 <= v < 2.0.0"})]:
            (home / "0.19.1" / "packages" / name / version / "elm.json").write_text(json.dumps({
                "type": "package", "name": name, "summary": "", "license": "BSD-3-Clause", "version": version, "exposed-modules": [],
                "elm-version": "0.19.0 <= v < 0.20.0", "dependencies": needs, "test-dependencies": {}}))
            (home / "0.19.1" / "packages" / name / version / "src").mkdir()
        env = dict(os.environ, ELM_HOME=str(home))
        run = subprocess.run([AMPU, "check", "--message-format", "short"], cwd=root, capture_output=True, text=True, timeout=30, env=env)
        lines = (run.stdout + run.stderr).splitlines()
        assert lines[0].endswith(": error[E001]: source directory 's0' does not exist"), lines[:3]
        assert lines[n - 1].endswith(f": error[E001]: source directory 's{n - 1}' does not exist"), lines[n - 1]
        assert lines[n].endswith(": error[E004]: a0/p 1.0.0 is not in the package cache"), lines[n]
        assert lines[-1] == f"error: check failed: {2 * n} errors, 0 warnings in 1 package, 1 module"
        assert lines[-2].endswith(f": error[E004]: a{n - 1}/p 1.0.0 is not in the package cache"), lines[-2]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_long_list_in_the_editor():
    """The same list in the editor: the server publishes the first 1,000 of its diagnostics and
    says how many more there are, so it never met the command line's slowness; this keeps it so."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-lists-"))
    try:
        manifest = root / "asthra.toml"
        manifest.write_text("[workspace]\nmembers = []\n")
        open_hostile(root, manifest, "toml", "[workspace]\nmembers = " + ONE_LINE + "\n", said=f"{LIST - 1000} more problems in this file are not shown")
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize("name,text", [
    ("templates nested 200,000 deep", "const x = " + "`${" * 200_000 + "1" + "}`" * 200_000 + ";\n"),
    ("an unclosed template", "const x = `${ `${ { import { a } from \"./x\";\n"),
    ("200,000 import lists never closed", "import { a, " * 200_000 + "\n"),
])
def test_hostile_oats_source_is_diagnosed(name, text):
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-oats-"))
    try:
        (root / "src").mkdir()
        (root / "Oats.toml").write_text('[package]\nname = "app"\nversion = "1.0.0"\n')
        main = root / "src" / "main.oats"
        main.write_text("")
        open_hostile(root, main, "oats", text)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_many_certain_fixes_in_one_file():
    """`ampu fix` on a file of 100,000 imports in single quotes: each fix was weighed against every
    fix taken before it, and the file's edits copied for each one (the square of the fixes)."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-fix-"))
    try:
        n = 100_000
        (root / "src").mkdir()
        (root / "asthra.toml").write_text('[package]\nname = "app"\nversion = "1.0.0"\n')
        main = root / "src" / "main.asthra"
        main.write_text("package main;\n" + "".join(f"import 'stdlib/m{i}';\n" for i in range(n)))
        run = subprocess.run([AMPU, "fix", "--allow-no-vcs"], cwd=root, capture_output=True, text=True, timeout=30,
                             env={k: v for k, v in dict(os.environ, NO_COLOR="1", HOME=str(root)).items() if k != "ASTHRA_HOME"})
        assert (run.returncode, run.stderr) == (0, f"       Fixed src/main.asthra ({n} fixes)\nChecked 1 package, 1 module: no problems\n")
        assert main.read_text() == "package main;\n" + "".join(f'import "stdlib/m{i}";\n' for i in range(n))
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_package_imported_by_thousands_renamed_in_the_editor():
    """A package that 5,000 members depend on and import, renamed from an import of it: the
    packages were looked through for each dependency of each (the square of the packages)."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="ampu-fault-rename-"))
    try:
        n = 5_000
        (root / "asthra.toml").write_text('[workspace]\nmembers = ["core", "m*"]\n')
        (root / "core" / "src").mkdir(parents=True)
        (root / "core" / "asthra.toml").write_text('[package]\nname = "core"\nversion = "1.0.0"\n')
        (root / "core" / "src" / "lib.asthra").write_text("package core;\n")
        for i in range(n):
            (root / f"m{i}" / "src").mkdir(parents=True)
            (root / f"m{i}" / "asthra.toml").write_text(f'[package]\nname = "m{i}"\nversion = "1.0.0"\n\n[dependencies]\ncore = {{ path = "../core" }}\n')
            (root / f"m{i}" / "src" / "lib.asthra").write_text(f'package m{i};\n\nimport "core";\n')
        c = start(root, capabilities={"workspace": {"workspaceEdit": {"documentChanges": True}}})
        try:
            first = root / "m0" / "src" / "lib.asthra"
            c.notify("textDocument/didOpen", {"textDocument": {"uri": first.as_uri(), "languageId": "asthra", "version": 1, "text": first.read_text()}})
            at = {"textDocument": {"uri": first.as_uri()}, "position": {"line": 2, "character": 10}}
            prepared = c.request("textDocument/prepareRename", at, timeout=60)
            assert prepared.get("result", {}).get("placeholder") == "core", prepared
            renamed = c.request("textDocument/rename", dict(at, newName="kernel"), timeout=30)
            changes = renamed["result"]["documentChanges"]
            # The package's name, then each member's dependency and import.
            assert len(changes) == 1 + 2 * n, len(changes)
            assert all(edit["newText"] in ("kernel", '"kernel"') for change in changes for edit in change["edits"])
            healthy(c)
            finish(c)
        finally:
            c.kill()
    finally:
        shutil.rmtree(root, ignore_errors=True)
