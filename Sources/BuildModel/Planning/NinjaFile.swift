/// A `build.ninja` for a plan: one edge per action with the same command line, inputs and
/// outputs, so that Ninja builds the same files (and, through a launcher, hands C compiles to
/// distcc). Order between actions that share no file becomes an order-only dependency; a C
/// compile's dependency file is read by Ninja (`deps = gcc`). A build script's (Rask's) names
/// the files it generated as its targets, where Ninja wants the edge's output: given
/// `rewritingDepfiles` (`ampu debug ninja-depfile`, by its path), the edge runs it after the
/// script to write one Ninja reads, so that a file the script declared runs it again.
public enum NinjaFile {
    /// How build.ninja is written again when what its plan was made from changes, as CMake's
    /// is: an edge (`generator`, `restat`) whose command writes it again (`ampu gen ninja`, as
    /// it was run), with those files and directories as its inputs, each one also a phony
    /// target, so that one removed is a change rather than an error. A directory's time changes
    /// when a file is added to it or taken away.
    public struct Regeneration: Sendable {
        /// The shell command that writes the file again.
        public var command: String
        /// The file (absolute).
        public var output: String
        /// What the plan was made from (absolute).
        public var inputs: [String]

        public init(command: String, output: String, inputs: [String]) {
            self.command = command
            self.output = output
            self.inputs = inputs
        }

        /// `arguments` (ampu's own command line, `tool` first) run again in `directory`, with the
        /// `variables` the plan depends on as `environment` has them (`env` takes its unsets
        /// before what it sets), writing `output`. Its inputs: what the plan was made from
        /// (`madeFrom`) but the plan's own records under its target directory, and `tool`.
        public init(rerunning arguments: [String], in directory: String, variables: [String], environment: [String: String],
                    output: String, madeFrom: [String], targetDirectory: String) {
            let unset = variables.filter { environment[$0] == nil }.flatMap { ["-u", $0] }
            let set = variables.compactMap { name in environment[name].map { ShellWords.quote("\(name)=\($0)") } }
            let words = ["cd", ShellWords.quote(directory), "&&", "env"] + unset + set + [ShellWords.join(arguments)]
            self.init(command: words.joined(separator: " "), output: output,
                      inputs: madeFrom.filter { !Paths.isWithin($0, targetDirectory) } + arguments.prefix(1))
        }
    }

    public static func text(of plan: BuildPlan, rewritingDepfiles rewriter: [String]? = nil, regeneration: Regeneration? = nil) -> String {
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
        // The dependency file Ninja reads for a build script, beside the script's own.
        func rewritten(_ action: BuildAction) -> String? {
            guard rewriter != nil, action.kind == .buildScript, let depfile = action.depfile else { return nil }
            return depfile + ".ninja"
        }
        // Ninja reads a dependency file and deletes it: it is no output of an edge. A build
        // script's (Rask's), which the package's compile reads after it, stays a plain output.
        func ninjaDepfile(_ action: BuildAction) -> String? { action.kind == .buildScript ? nil : action.depfile }
        let depfiles = Set(plan.actions.compactMap(ninjaDepfile))
        for action in plan.actions {
            let outputs = action.outputs.filter { !depfiles.contains($0) }.map { escapePath(plan.display($0)) }
            let inputs = action.inputs.map { escapePath(plan.display($0)) }
            let read = Set(action.inputs)
            let orderOnly = action.dependencies.flatMap { plan.actions[$0].outputs }.filter { !read.contains($0) && !depfiles.contains($0) }
                .map { escapePath(plan.display($0)) }
            var line = "build \(outputs.joined(separator: " ")): \(ninjaDepfile(action) == nil && rewritten(action) == nil ? "run" : "cc")"
            if !inputs.isEmpty { line += " " + inputs.joined(separator: " ") }
            if !orderOnly.isEmpty { line += " || " + orderOnly.joined(separator: " ") }
            out += line + "\n"
            var cmd = command(of: action, root: plan.root)
            if let rewriter, let ninjaReads = rewritten(action), let depfile = action.depfile {
                let words = rewriter + ["--target", plan.display(depfile), "--directory", action.directory, depfile, ninjaReads]
                cmd += " && " + ShellWords.join(words)
            }
            out += "  cmd = " + escapeValue(cmd) + "\n"
            out += "  desc = " + escapeValue(action.description) + "\n"
            if let depfile = ninjaDepfile(action) ?? rewritten(action) { out += "  depfile = " + escapeValue(plan.display(depfile)) + "\n" }
            out += "\n"
        }
        // What nothing comes after: the programs, tests and libraries a plain `ninja` builds.
        let followed = Set(plan.actions.flatMap(\.dependencies))
        let defaults = plan.actions.filter { !followed.contains($0.id) }
            .flatMap { $0.outputs.filter { !depfiles.contains($0) } }.map { escapePath(plan.display($0)) }
        if !defaults.isEmpty { out += "default " + defaults.joined(separator: " ") + "\n" }
        if let regeneration {
            // A file an action writes (a build script's) is no phony target: its edge makes it.
            let written = Set(plan.actions.flatMap(\.outputs))
            let inputs = regeneration.inputs.filter { !written.contains($0) && $0 != regeneration.output }.map { escapePath(plan.display($0)) }
            out += """

                rule regenerate
                  command = $cmd
                  description = Regenerating $out
                  generator = 1
                  restat = 1

                build \(escapePath(plan.display(regeneration.output))): regenerate\(inputs.map { " " + $0 }.joined())
                  cmd = \(escapeValue(regeneration.command))
                  pool = console

                """
            if !inputs.isEmpty { out += "build \(inputs.joined(separator: " ")): phony\n" }
        }
        return out
    }

    /// The action's command for `/bin/sh` in the root, where Ninja runs it: entering its own
    /// directory first, and with its own variables, when it has them.
    static func command(of action: BuildAction, root: String) -> String {
        var words: [String] = []
        if action.directory != root { words += ["cd", ShellWords.quote(action.directory), "&&"] }
        if !action.environment.isEmpty {
            words.append("env")
            words += action.environment.sorted { $0.key < $1.key }.map { ShellWords.quote("\($0.key)=\($0.value)") }
        }
        return (words + [action.shellCommand]).joined(separator: " ")
    }

    /// A path in a build line: `$`, ` ` and `:` escaped with `$`.
    static func escapePath(_ path: String) -> String {
        // Most paths have none of them: looked for in the bytes, not character by character.
        guard path.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: ":") || $0 == 0x0A }) else { return path }
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
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "$") || $0 == 0x0A }) else { return value }
        return value.replacing("$", with: "$$").replacing("\n", with: "$\n")
    }
}
