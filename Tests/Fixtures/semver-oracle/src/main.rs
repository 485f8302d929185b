//! Cargo's own answer, from the semver crate Cargo uses (Debian's librust-semver-dev, read
//! offline): for each line `VERSION<TAB>REQUIREMENT` on standard input, `yes` or `no` (whether
//! the requirement matches the version), or `bad-version` / `bad-req` when one does not parse;
//! for each line `cmp<TAB>A<TAB>B`, `lt`, `eq` or `gt` (how version A orders against B), or
//! `bad-version` when either does not parse.
use std::io::{self, BufRead, Write};

fn main() {
    let stdin = io::stdin();
    let mut out = io::stdout();
    for line in stdin.lock().lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("cmp\t") {
            let mut versions = rest.splitn(2, '\t');
            let a = semver::Version::parse(versions.next().unwrap());
            let b = semver::Version::parse(versions.next().unwrap_or(""));
            let answer = match (a, b) {
                (Ok(a), Ok(b)) => match a.cmp(&b) {
                    std::cmp::Ordering::Less => "lt",
                    std::cmp::Ordering::Equal => "eq",
                    std::cmp::Ordering::Greater => "gt",
                },
                _ => "bad-version",
            };
            writeln!(out, "{}", answer).unwrap();
            continue;
        }
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
