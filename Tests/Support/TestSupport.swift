import Foundation

/// A fresh folder under the system's temporary directory, removed when the value is released.
public final class ScratchDirectory: @unchecked Sendable {
    public let path: String

    public init() {
        path = NSTemporaryDirectory() + "lineage-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `bytes` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = (path as NSString).appendingPathComponent(name)
        try! FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: file, contents: Data(bytes))
        return file
    }

    @discardableResult
    public func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }
}

/// Paths in this package.
public enum Package {
    /// The package root (the folder holding Package.swift).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()

    /// The bundled corpus folder.
    public static var corpus: String { root + "/lineage" }

    /// A file of the bundled corpus, by name.
    public static func seed(_ name: String) -> String { corpus + "/" + name }

    /// The seed files, by the resolution each holds (known from their content, see the README).
    public static let seeds: [String: String] = [
        "59/61": seed("plain-text.txt"), "61/54": seed("pdf-extract.txt"), "63/37": seed("markdown.md"),
        "65/41": seed("unicode-marks.txt"), "69/28": seed("word-export.txt"),
    ]

    /// The five seed files (the first corpus: 59/61 … 69/28, one straight line), sorted by path.
    public static var seedFiles: [String] { seeds.values.sorted() }

    /// The later files of the bundled corpus, by resolution: the 2018 fork and the 2021 merge.
    public static let later: [String: String] = [
        "73/27": seed("A_RES_73_27.txt"), "73/266": seed("A_RES_73_266.txt"), "76/19": seed("A_RES_76_19.txt"),
    ]

    /// The built `lineage` executable, beside the test bundle.
    public static var executable: String {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("lineage").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lineage").path,
            root + "/.build/debug/lineage",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }
}

/// The result of running a program.
public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program and waits for it. Standard output and error are read concurrently, so a
/// chatty program never blocks on a full pipe.
public func run(_ executable: String, _ arguments: [String], in directory: String? = nil,
                environment: [String: String] = [:]) -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "LINEAGE_REPO")
    env.removeValue(forKey: "NO_COLOR")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try! process.run()
    // Read stderr on another thread while this one reads stdout.
    let errReader = Thread.detachNewThreadWithResult { err.fileHandleForReading.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = errReader.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// A value computed on a thread of its own.
final class ThreadResult<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var value: Value?

    fileprivate func set(_ v: Value) {
        value = v
        done.signal()
    }

    func wait() -> Value {
        done.wait()
        return value!
    }
}

extension Thread {
    static func detachNewThreadWithResult<Value: Sendable>(_ body: @escaping @Sendable () -> Value) -> ThreadResult<Value> {
        let result = ThreadResult<Value>()
        Thread.detachNewThread { result.set(body()) }
        return result
    }
}

/// Runs the git command line (tests only: lineage itself never runs git).
public func git(_ arguments: [String], in directory: String) -> RunResult {
    run("/usr/bin/env", ["git"] + arguments, in: directory, environment: ["GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent"])
}

/// Runs the built `lineage` tool.
public func lineage(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]) -> RunResult {
    run(Package.executable, arguments, in: directory, environment: environment)
}

/// A snapshot of everything stored in a git directory (file names and sizes), to prove that a
/// refused build changed nothing.
public func snapshot(_ gitDirectory: String) -> [String: Int] {
    var out: [String: Int] = [:]
    guard let walker = FileManager.default.enumerator(atPath: gitDirectory) else { return out }
    while let name = walker.nextObject() as? String {
        if name == "lineage.lock" { continue }
        let attributes = try? FileManager.default.attributesOfItem(atPath: gitDirectory + "/" + name)
        if attributes?[.type] as? FileAttributeType == .typeRegular {
            out[name] = (attributes?[.size] as? Int) ?? -1
        }
    }
    return out
}
