/// A `build.ninja` for a plan: one edge per action with the same command line, inputs and
/// outputs, so that Ninja builds the same files (and, through a launcher, hands C compiles to
/// distcc). Order between actions that share no file becomes an order-only dependency; a C
/// compile's dependency file is read by Ninja (`deps = gcc`).
public enum NinjaFile {
    public static func text(of plan: BuildPlan) -> String {
        var out = """
            # Written by ampu for the '\(plan.profile.name)' profile; `ampu gen ninja` writes it again.
            ninja_required_version = 1.3

            rule run
              command = $cmd
              description = $desc

            rule cc
              command = $cmd
              description = $desc
              depfile = $depfile
              deps = gcc


            """
        // Ninja reads a dependency file and deletes it: it is no output of an edge.
        let depfiles = Set(plan.actions.compactMap(\.depfile))
        for action in plan.actions {
            let outputs = action.outputs.filter { !depfiles.contains($0) }.map { escapePath(plan.display($0)) }
            let inputs = action.inputs.map { escapePath(plan.display($0)) }
            let read = Set(action.inputs)
            let orderOnly = action.dependencies.flatMap { plan.actions[$0].outputs }.filter { !read.contains($0) && !depfiles.contains($0) }
                .map { escapePath(plan.display($0)) }
            var line = "build \(outputs.joined(separator: " ")): \(action.depfile == nil ? "run" : "cc")"
            if !inputs.isEmpty { line += " " + inputs.joined(separator: " ") }
            if !orderOnly.isEmpty { line += " || " + orderOnly.joined(separator: " ") }
            out += line + "\n"
            out += "  cmd = " + escapeValue(action.shellCommand) + "\n"
            out += "  desc = " + escapeValue(action.description) + "\n"
            if let depfile = action.depfile { out += "  depfile = " + escapeValue(plan.display(depfile)) + "\n" }
            out += "\n"
        }
        // What nothing comes after: the programs, tests and libraries a plain `ninja` builds.
        let followed = Set(plan.actions.flatMap(\.dependencies))
        let defaults = plan.actions.filter { !followed.contains($0.id) }
            .flatMap { $0.outputs.filter { !depfiles.contains($0) } }.map { escapePath(plan.display($0)) }
        if !defaults.isEmpty { out += "default " + defaults.joined(separator: " ") + "\n" }
        return out
    }

    /// A path in a build line: `$`, ` ` and `:` escaped with `$`.
    static func escapePath(_ path: String) -> String {
        var out = ""
        for c in path {
            if c == "$" || c == " " || c == ":" { out.append("$") }
            if c == "\n" { out += "$\n"; continue }
            out.append(c)
        }
        return out
    }

    /// A variable's value: `$` doubled, a newline escaped.
    static func escapeValue(_ value: String) -> String {
        value.replacing("$", with: "$$").replacing("\n", with: "$\n")
    }

    /// One word for `/bin/sh`, which Ninja runs commands with: quoted unless it is plainly safe.
    static func shellQuote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_./=+,:@%".contains($0)) }) { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }
}
