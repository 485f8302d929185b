"""A raw LSP client over a pipe: it can send any bytes, framed or not, and reads the server's
frames strictly (a malformed frame from the server is a test failure, not something to skip)."""
import json
import os
import queue
import subprocess
import threading
import time


class ServerGone(Exception):
    pass


class Client:
    def __init__(self, argv, cwd=None, env=None):
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  cwd=cwd, env=env)
        self.q = queue.Queue()
        self.stderr = bytearray()
        self.next_id = 1000
        self.protocol_error = None
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self):
        while True:
            chunk = self.p.stderr.read1(65536) if hasattr(self.p.stderr, "read1") else self.p.stderr.read(4096)
            if not chunk:
                return
            self.stderr += chunk

    def _read(self):
        out = self.p.stdout
        try:
            while True:
                header = b""
                while not header.endswith(b"\r\n\r\n"):
                    c = out.read(1)
                    if not c:
                        if header:
                            self.protocol_error = f"output ended inside a header: {header!r}"
                        return
                    header += c
                fields = {}
                for line in header[:-4].split(b"\r\n"):
                    name, _, value = line.partition(b":")
                    fields[name.strip().lower()] = value.strip()
                length = int(fields[b"content-length"])
                body = out.read(length)
                if len(body) != length:
                    self.protocol_error = "output ended inside a body"
                    return
                self.q.put(json.loads(body))
        except Exception as e:  # a malformed frame from the server
            self.protocol_error = f"bad frame from the server: {e!r}"
        finally:
            self.q.put(None)

    # Sending

    def send_raw(self, data):
        try:
            self.p.stdin.write(data)
            self.p.stdin.flush()
        except (BrokenPipeError, ValueError):
            raise ServerGone(self.describe_exit())

    def send(self, message):
        body = json.dumps(message).encode() if not isinstance(message, bytes) else message
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params if params is not None else {}})

    def request(self, method, params=None, timeout=10):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params if params is not None else {}})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    # Receiving

    def wait(self, match, timeout=10):
        """The first message that matches; requests from the server are answered on the way."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no matching message in %.1f s; stderr: %s" % (timeout, self.stderr_text()[-2000:]))
            try:
                m = self.q.get(timeout=left)
            except queue.Empty:
                continue
            if m is None:
                self.q.put(None)
                raise ServerGone(self.protocol_error or self.describe_exit())
            if "method" in m and "id" in m:
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
                continue
            if match(m):
                return m

    def collect(self, seconds):
        """Everything the server sends in the next `seconds`."""
        got = []
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return got
            try:
                m = self.q.get(timeout=left)
            except queue.Empty:
                return got
            if m is None:
                self.q.put(None)
                return got
            got.append(m)

    # The process

    def stderr_text(self):
        return self.stderr.decode("utf-8", "replace")

    def logged(self, text, timeout=5):
        """Whether the server writes `text` to its log within `timeout` seconds (the log is read
        by another thread, so a line may land a moment after the reply that follows it)."""
        deadline = time.monotonic() + timeout
        while text not in self.stderr_text():
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def describe_exit(self):
        code = self.p.poll()
        if code is None:
            return "the server closed its pipe but is still running"
        if code < 0:
            return f"the server died of signal {-code}; stderr: {self.stderr_text()[-2000:]}"
        return f"the server exited with {code}; stderr: {self.stderr_text()[-2000:]}"

    def peak_rss_mb(self):
        try:
            with open(f"/proc/{self.p.pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            return None

    def close_input(self):
        try:
            self.p.stdin.close()
        except (BrokenPipeError, ValueError):
            pass

    def kill(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
