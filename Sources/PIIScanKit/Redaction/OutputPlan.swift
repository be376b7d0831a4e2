#if canImport(Glibc)
  import Glibc
#endif

/// Decides where each input's redacted copy goes, before anything is written, and refuses
/// destinations that could lose data.
///
/// Modes (exactly one):
/// - `-o PATH` (``Mode/file(_:)``): one input (a file or `-`); `PATH` may be `-` for standard
///   output.
/// - `--out-dir DIR` (``Mode/directory(_:)``): a file input `a/b.log` goes to `DIR/b.log`; a
///   directory input `logs/` is mirrored, `logs/x/y.log` going to `DIR/x/y.log` (directories
///   are created as needed). A relative path that would leave `DIR` (`..`, an absolute path, a
///   symlinked directory inside `DIR`) is refused, as are two inputs mapping to one copy.
/// - `--in-place` (``Mode/inPlace``): each copy replaces its input, atomically, only once it is
///   complete.
///
/// With `--compress`, a copy's name follows its compression: `.gz`/`.zst` is swapped, added or
/// dropped (`app.log.1.gz` with `--compress zstd` gives `app.log.1.zst`).
///
/// A destination that is the input itself (same device and inode, hard links included) is
/// refused unless in place. Copies get the input's permission bits without set-id bits, further
/// restricted by the umask: never more permissive than the input (standard input: 0600).
/// An input that fails keeps its copy as `<copy>.partial` only with `allowPartial`.
public struct OutputPlan: Sendable {
  /// Where copies go.
  public enum Mode: Sendable, Hashable {
    /// One copy at this path (`-`: standard output).
    case file(String)
    /// Copies under this directory.
    case directory(String)
    /// Each copy replaces its input.
    case inPlace
  }

  /// The mode.
  public let mode: Mode
  /// Targets (or why an input has none) by input path as the pipeline names it.
  private let targets: [String: Result<RedactionTarget, ScanError>]

  /// Plans copies of `inputs` (command-line arguments; directories are expanded the way
  /// ``InputExpander`` does). `allowReplacingInput` (`--in-place` with `-o`) lets a destination
  /// be its own input. Throws ``ScanError`` `.badUsage` for a mode that cannot work at
  /// all; per-input problems are kept for ``target(for:)``.
  public init(
    inputs: [String], mode: Mode, compression: Compression? = nil, level: Int? = nil,
    allowPartial: Bool = false, allowReplacingInput: Bool = false
  ) throws(ScanError) {
    let replacesInputs = allowReplacingInput || mode == .inPlace
    self.mode = mode
    let mask = Self.currentUmask()
    var targets: [String: Result<RedactionTarget, ScanError>] = [:]
    var claimed: [String: String] = [:]  // normalized destination → input path
    switch mode {
    case .file(let path):
      guard inputs.count == 1 else {
        throw ScanError(.badUsage, "-o takes exactly one input; use --out-dir for several")
      }
      if path != "-" && FileSystem.status(path).kind == .directory {
        throw ScanError(
          .badUsage, "-o names a directory; use --out-dir to write copies into it", path: path)
      }
      if inputs[0] != "-" && FileSystem.status(inputs[0]).kind == .directory {
        throw ScanError(
          .badUsage, "-o needs a file input; use --out-dir to mirror a directory", path: inputs[0])
      }
    case .directory(let dir):
      if inputs.contains("-") {
        throw ScanError(
          .badUsage, "standard input has no name to mirror; use -o FILE (or -o -) for it")
      }
      let status = FileSystem.status(dir)
      if status.kind != .directory && status.kind != .missing {
        throw ScanError(.badUsage, "--out-dir names something that is not a directory", path: dir)
      }
    case .inPlace:
      if inputs.contains("-") {
        throw ScanError(.badUsage, "--in-place cannot replace standard input; use -o")
      }
    }
    for input in inputs {
      let isDirectory = input != "-" && FileSystem.status(input).kind == .directory
      let files =
        input == "-" ? [InputFile(path: "-", index: 0)] : InputExpander.expand([input]) { _ in }
      for file in files {
        let result = Result { () throws(ScanError) -> RedactionTarget in
          let destination: String
          switch mode {
          case .file(let path): destination = path
          case .inPlace: destination = file.path
          case .directory(let dir):
            let relative =
              isDirectory
              ? String(file.path.dropFirst(FileSystem.join(input, "").count))
              : Self.baseName(file.path)
            destination = try Self.place(
              Self.renamed(relative, for: compression), under: dir, input: file.path)
          }
          if destination != "-" {
            if let other = claimed[destination] {
              throw ScanError(
                .badUsage,
                "its copy would overwrite the copy of \(other) at \(destination); rename one input",
                path: file.path)
            }
            claimed[destination] = file.path
          }
          return try Self.target(
            for: file.path, destination: destination, inPlace: replacesInputs,
            compression: compression,
            level: level, umask: mask, allowPartial: allowPartial)
        }
        targets[file.path] = result
      }
    }
    self.targets = targets
  }

  /// The target for `file`, or the reason there is none.
  public func target(for file: InputFile) -> Result<RedactionTarget, ScanError> {
    targets[file.path]
      ?? .failure(
        ScanError(
          .unreadable, "appeared after the output plan was made; not redacted", path: file.path))
  }

  // MARK: - Rules

  static func target(
    for input: String, destination: String, inPlace: Bool, compression: Compression?, level: Int?,
    umask: mode_t, allowPartial: Bool
  ) throws(ScanError) -> RedactionTarget {
    let source = input == "-" ? nil : FileSystem.status(input)
    if let source, destination != "-" {
      let existing = FileSystem.status(destination)
      if existing.kind != .missing && existing.device == source.device
        && existing.inode == source.inode
        && !inPlace
      {
        throw ScanError(
          .badUsage,
          "the output is the input itself; pass --in-place to replace it (the original stays until the copy is complete)",
          path: input)
      }
    }
    let mode: mode_t = source.map { mode_t($0.mode) & 0o777 & ~umask } ?? 0o600
    return RedactionTarget(
      path: destination, compression: compression, level: level, mode: mode,
      partialPath: allowPartial && destination != "-" ? destination + ".partial" : nil)
  }

  /// `relative` under `dir`, refusing any way out of it; creates the directories on the way.
  static func place(_ relative: String, under dir: String, input: String) throws(ScanError)
    -> String
  {
    let components = relative.split(separator: "/", omittingEmptySubsequences: false).map(
      String.init)
    guard !relative.isEmpty, !relative.hasPrefix("/"),
      components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." })
    else {
      throw ScanError(
        .badUsage, "its copy would be written outside --out-dir; not redacted", path: input)
    }
    var current = dir
    try makeDirectory(current, input: input, mustNotBeLink: false)
    for component in components.dropLast() {
      current = FileSystem.join(current, component)
      try makeDirectory(current, input: input, mustNotBeLink: true)
    }
    let final = FileSystem.join(current, components[components.count - 1])
    var st = stat()
    if lstat(final, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK {
      throw ScanError(
        .badUsage,
        "its copy's path in --out-dir is a symlink, which could point outside; not redacted",
        path: input)
    }
    return final
  }

  private static func makeDirectory(_ path: String, input: String, mustNotBeLink: Bool)
    throws(ScanError)
  {
    var st = stat()
    if lstat(path, &st) == 0 {
      let type = st.st_mode & S_IFMT
      if type == S_IFLNK && mustNotBeLink {
        throw ScanError(
          .badUsage,
          "a directory on its copy's path in --out-dir is a symlink, which could point outside; not redacted",
          path: input)
      }
      if type == S_IFDIR || (type == S_IFLNK && FileSystem.status(path).kind == .directory) {
        return
      }
      throw ScanError(
        .badUsage, "cannot create output directory \(path): a file is in the way", path: input)
    }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw ScanError(
        .writeFailed, "cannot create output directory \(path): \(FileSystem.errnoText())",
        path: input)
    }
  }

  /// `name` with its compression suffix matching `compression` (nil: unchanged).
  static func renamed(_ name: String, for compression: Compression?) -> String {
    guard let compression else { return name }
    var stem = name
    for suffix in [".gz", ".zst"] where stem.hasSuffix(suffix) && stem.count > suffix.count {
      stem.removeLast(suffix.count)
      break
    }
    switch compression {
    case .none: return stem
    case .gzip: return stem + ".gz"
    case .zstd: return stem + ".zst"
    }
  }

  static func baseName(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    return trimmed.split(separator: "/").last.map(String.init) ?? String(trimmed)
  }

  /// The process umask (`umask(2)` can only be read by setting it, so it is set back at once;
  /// called once, before any worker starts).
  private static func currentUmask() -> mode_t {
    let mask = umask(0o077)
    umask(mask)
    return mask
  }
}
