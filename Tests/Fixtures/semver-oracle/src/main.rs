//! Cargo's own answer, from the semver crate Cargo uses (Debian's librust-semver-dev, read
//! offline): for each line `VERSION<TAB>REQUIREMENT` on standard input, `yes` or `no` (whether
//! the requirement matches the version), or `bad-version` / `bad-req` when one does not parse.
use std::io::{self, BufRead, Write};

fn main() {
    let stdin = io::stdin();
    let mut out = io::stdout();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        let mut parts = line.splitn(2, '\t');
        let version = parts.next().unwrap();
        let req = parts.next().unwrap_or("");
        let answer = match (semver::Version::parse(version), semver::VersionReq::parse(req)) {
            (Ok(v), Ok(r)) => if r.matches(&v) { "yes" } else { "no" },
            (Err(_), _) => "bad-version",
            (_, Err(_)) => "bad-req",
        };
        writeln!(out, "{}", answer).unwrap();
    }
}
