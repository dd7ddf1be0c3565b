import Foundation

/// One line of the results table.
struct Row {
    var figure: String
    var lineage: String
    var git = ""
    var ratio = ""
    var target = ""
    /// Whether the target holds (nil: no target).
    var met: Bool? = nil

    var targetCell: String { met.map { target + ($0 ? " ✓" : " ✗") } ?? target }
    var cells: [String] { [figure, lineage, git, ratio, targetCell] }
}

/// Number formatting shared by every row.
enum Format {
    static func seconds(_ s: Double) -> String {
        s >= 10 ? String(format: "%.1f s", s) : s >= 1 ? String(format: "%.2f s", s)
            : s >= 0.01 ? String(format: "%.3f s", s) : String(format: "%.2f ms", s * 1000)
    }
    static func ratio(_ a: Double, _ b: Double) -> String { String(format: "%.2f×", a / b) }
    static func mb(_ x: Double) -> String { String(format: "%.1f MB", x) }
    static func share(_ x: Double) -> String { String(format: "%.4f", x) }
    static func count(_ n: Int) -> String {
        let s = String(n)
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return out
    }
}

/// The machine the figures come from.
struct Machine {
    var cores = 0
    var cpu = "unknown"
    var ram = "unknown"
    var swift = "unknown"
    var git = "unknown"
    var libgit2 = "unknown"

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
    }

    static func current(lineage: String, scratch: String) -> Machine {
        var m = Machine()
        m.cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            m.cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        if let line = meminfo.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
            let kb = Double(line.split(separator: " ")[1])
        {
            m.ram = String(format: "%.1f GiB", kb / 1024 / 1024)
        }
        func output(_ program: String, _ args: [String]) -> String? {
            guard let exe = which(program) else { return nil }
            let file = scratch + "/machine.out"
            let s = spawn(exe, args, stdout: file, stderr: "/dev/null")
            defer { try? FileManager.default.removeItem(atPath: file) }
            guard s.status == 0, let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
            return text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        m.swift = ProcessInfo.processInfo.environment["LINEAGE_BENCH_SWIFT"] ?? output("swift", ["--version"]) ?? "unknown"
        m.git = output(Git.executable, ["--version"]) ?? "unknown"
        if let v = output("pkg-config", ["--modversion", "libgit2"]) {
            m.libgit2 = v
        } else if let v = output("ldd", [lineage]), let lib = v.split(separator: " ").first(where: { $0.hasPrefix("libgit2") }) {
            m.libgit2 = String(lib)
        }
        return m
    }

    var markdown: String {
        """
        - cores: \(cores) (\(cpu))
        - RAM: \(ram)
        - Swift: \(swift)
        - git: \(git); libgit2: \(libgit2)
        """
    }
}

/// `program` on the PATH, or the path itself when it has a slash.
func which(_ program: String) -> String? {
    if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

enum Table {
    static let header = ["figure", "lineage", "git", "ratio", "target"]

    static func markdown(_ rows: [Row]) -> String {
        var out = "| " + header.joined(separator: " | ") + " |\n|---|--:|--:|--:|---|\n"
        for r in rows { out += "| " + r.cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
        return out
    }

    /// Columns padded to their widest cell, for the terminal.
    static func text(_ rows: [Row]) -> String {
        let all = [header] + rows.map(\.cells)
        let widths = header.indices.map { c in all.map { $0[c].count }.max()! }
        return all.enumerated().map { n, cells in
            let line = cells.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c == 0 || c == 4 ? cell + pad : pad + cell
            }.joined(separator: "  ")
            return n == 0 ? line + "\n" + String(repeating: "-", count: line.count) : line
        }.joined(separator: "\n") + "\n"
    }
}
