/// Turns command-line inputs into the list of files to scan.
///
/// A file (or `-`, standard input, or a pipe such as `<(zcat x.gz)`) is taken as given. A
/// directory is walked recursively in bytewise name order, following symlinks but not loops;
/// only regular files inside it are taken. Unreadable directories, loops and missing paths are
/// reported through `problem` and skipped: the rest of the run goes on.
public enum InputExpander {
  public static func expand(_ inputs: [String], problem: (ScanError) -> Void) -> [InputFile] {
    var out: [InputFile] = []
    for input in inputs {
      if input == "-" {
        out.append(InputFile(path: "-", index: out.count))
        continue
      }
      let status = FileSystem.status(input)
      switch status.kind {
      case .missing:
        problem(
          ScanError(
            .unreadable, "no such file or directory (\(FileSystem.errnoText()))", path: input))
      case .directory:
        var ancestors: Set<[UInt64]> = []
        walk(input, status: status, ancestors: &ancestors, into: &out, problem: problem)
      case .file, .other:
        out.append(InputFile(path: input, index: out.count))
      }
    }
    return out
  }

  private static func walk(
    _ dir: String, status: FileSystem.Status, ancestors: inout Set<[UInt64]>,
    into out: inout [InputFile], problem: (ScanError) -> Void
  ) {
    let key = [status.device, status.inode]
    guard ancestors.insert(key).inserted else {
      problem(ScanError(.unreadable, "symlink loop: this directory contains itself; skipped", path: dir))
      return
    }
    defer { ancestors.remove(key) }
    let names: [String]
    do {
      names = try FileSystem.listDirectory(dir)
    } catch let error as ScanError {
      problem(error)
      return
    } catch {
      return
    }
    for name in names {
      let path = FileSystem.join(dir, name)
      let child = FileSystem.status(path)
      switch child.kind {
      case .file: out.append(InputFile(path: path, index: out.count))
      case .directory: walk(path, status: child, ancestors: &ancestors, into: &out, problem: problem)
      case .missing:
        problem(ScanError(.unreadable, "dangling symlink or vanished file; skipped", path: path))
      case .other: continue
      }
    }
  }
}
