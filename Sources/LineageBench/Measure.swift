import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Monotonic seconds.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? .nan : s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// What one child process cost, from `wait4`: wall time and peak resident set.
struct ProcessStats {
    var seconds: Double
    /// `ru_maxrss` of the child (Linux: kilobytes).
    var maxRSSKB: Int
    var status: Int32
    /// CPU time in user and system mode (GNU time's %U and %S, else wait4's rusage; 0 when the
    /// command was stopped at its time limit).
    var userSeconds = 0.0
    var systemSeconds = 0.0
    /// Stopped at the time limit given to ``spawn(_:_:stdin:stdout:stderr:timeout:)``: the figures
    /// are those seen until then (peak memory as polled from /proc).
    var timedOut = false

    /// Two processes run one after the other (e.g. `git init` + `git fast-import`): times add up,
    /// the peak is the larger one.
    static func + (a: ProcessStats, b: ProcessStats) -> ProcessStats {
        ProcessStats(
            seconds: a.seconds + b.seconds, maxRSSKB: max(a.maxRSSKB, b.maxRSSKB),
            status: a.status != 0 ? a.status : b.status, userSeconds: a.userSeconds + b.userSeconds,
            systemSeconds: a.systemSeconds + b.systemSeconds, timedOut: a.timedOut || b.timedOut)
    }
}

/// GNU time, the small process through which commands are started so that their peak memory is
/// their own (see ``spawn(_:_:stdin:stdout:stderr:)``); nil when it is not installed.
let reaper: String? = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil

/// Runs a program and reaps it with `wait4`, so that its own resource usage (not the benchmark's)
/// is measured. Standard input comes from `stdin` (default /dev/null), standard output goes to the
/// file `stdout` (its size is reported), standard error to `stderr` (default: `stdout` + ".err").
///
/// Peak memory: on Linux, `exec` records the high-water resident set of the memory the process
/// had before it into the process's `ru_maxrss`. `posix_spawn` clones the benchmark's own memory
/// (vfork), so `wait4` on a directly spawned child reports at least the benchmark's resident set
/// (a spawned `/bin/true` shows 210 MB under a 200 MB parent). So the command is started through
/// GNU time (`/usr/bin/time -f %M`, about 1 MB): it forks, execs the command, reaps it with
/// `wait4` and writes that child's `ru_maxrss`, which is read back here. Without GNU time the
/// direct `wait4` figure is used and is an upper bound.
///
/// With a `timeout` (seconds), the command runs in a process group of its own and is polled;
/// past the limit the group is killed and the result is marked ``ProcessStats/timedOut``, its
/// peak memory the largest VmHWM seen in /proc for the command and its children until then.
func spawn(
    _ executable: String, _ arguments: [String], stdin: String = "/dev/null",
    stdout: String, stderr: String? = nil, timeout: Double? = nil
) -> ProcessStats {
    let stderr = stderr ?? stdout + ".err"
    let rssFile = stdout + ".maxrss"
    let command = reaper.map { [$0, "-f", "%U %S %M", "-o", rssFile, executable] } ?? [executable]
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    let argv: [UnsafeMutablePointer<CChar>?] = (command + arguments).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"  // plain output: what a script piping the commands would get
    env["LC_ALL"] = "C.UTF-8"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["GIT_PAGER"] = "cat"
    let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in envp { free(p) } }

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    if timeout != nil {
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
    }
    var pid: pid_t = 0
    let start = now()
    let rc = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
    guard rc == 0 else {
        fatalError("lineage-bench: cannot start \(command[0]): \(String(cString: strerror(rc)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    var polledPeakKB = 0
    if let timeout {
        // Poll: every 100 ms, reap if done, else note the peak memory of the group, and stop it
        // past the limit.
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if r < 0 && errno != EINTR { fatalError("lineage-bench: wait4 failed: \(String(cString: strerror(errno)))") }
            polledPeakKB = max(polledPeakKB, peakOfTree(pid))
            if now() - start > timeout {
                timedOut = true
                kill(-pid, SIGKILL)
                while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
                break
            }
            usleep(100_000)
        }
    } else {
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { fatalError("lineage-bench: wait4 failed: \(String(cString: strerror(errno)))") }
        }
    }
    let seconds = now() - start
    // WIFEXITED / WEXITSTATUS, spelled out (the macros are not imported).
    let exitStatus: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    var maxRSS = Int(usage.ru_maxrss)
    var user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    var system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    if reaper != nil {
        // GNU time's last line is "%U %S %M" (a failing command adds a line before it).
        let text = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? ""
        let fields = text.split(separator: "\n").last?.split(separator: " ") ?? []
        if fields.count == 3, let u = Double(fields[0]), let s = Double(fields[1]), let m = Int(fields[2]) {
            (user, system, maxRSS) = (u, s, m)
        }
        try? FileManager.default.removeItem(atPath: rssFile)
    }
    if timedOut { (maxRSS, user, system) = (polledPeakKB, 0, 0) }
    return ProcessStats(
        seconds: seconds, maxRSSKB: maxRSS, status: exitStatus, userSeconds: user, systemSeconds: system,
        timedOut: timedOut)
}

/// The largest peak resident set (VmHWM, kilobytes) of a process and its descendants, from /proc.
/// - Complexity: O(processes in the tree).
func peakOfTree(_ pid: pid_t) -> Int {
    var peak = 0
    var stack = [pid]
    while let p = stack.popLast() {
        if let status = try? String(contentsOfFile: "/proc/\(p)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kb = Int(line.split(separator: " ").dropFirst().first ?? "")
        {
            peak = max(peak, kb)
        }
        if let children = try? String(contentsOfFile: "/proc/\(p)/task/\(p)/children", encoding: .utf8) {
            stack += children.split(separator: " ").compactMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }
    return peak
}

/// Repeated measurements of one command: median wall time, peak memory over all runs.
struct Sample {
    var runs: [ProcessStats] = []
    var seconds: Double { median(runs.map(\.seconds)) }
    var maxRSSMB: Double { Double(runs.map(\.maxRSSKB).max() ?? 0) / 1024 }
}

/// Runs a lineage command and its git baseline alternately, `runs` times or until `budget` seconds
/// have gone by (each runs at least once), after one untimed warm-up run of each when `warmUp`
/// (file cache, page cache of the binaries). `prepare` runs before every run, untimed (e.g. to
/// remove the repository a build writes). A failing command stops the benchmark: a figure from
/// a failed run would be meaningless.
func measurePair(
    _ name: String, runs: Int, budget: Double, warmUp: Bool = true, prepare: () -> Void = {},
    lineage: () -> ProcessStats, git: (() -> ProcessStats)?
) -> (lineage: Sample, git: Sample?) {
    var l = Sample(), g = Sample()
    if warmUp {
        _ = check(name, lineage())
        if let git { _ = check(name + " (git)", git()) }
    }
    let start = now()
    for k in 0..<runs {
        if k > 0 && now() - start > budget { break }
        prepare()
        l.runs.append(check(name, lineage()))
        if let git { g.runs.append(check(name + " (git)", git())) }
    }
    return (l, git == nil ? nil : g)
}

private func check(_ name: String, _ s: ProcessStats) -> ProcessStats {
    guard s.status == 0 else {
        log("lineage-bench: \(name) failed with status \(s.status); see the .err file in the work folder")
        exit(1)
    }
    return s
}

func log(_ s: String) { FileHandle.standardError.write(Data((s + "\n").utf8)) }
