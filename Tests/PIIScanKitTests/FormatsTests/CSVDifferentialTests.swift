import Foundation
import PIIScanKit
import TestSupport
import Testing

/// Random CSV (fixed seed) framed and walked by us, compared with Python's `csv` module in its
/// default dialect, the de facto reference reader.
@Suite struct CSVDifferentialTests {
  /// Reads each file named on the command line byte-transparently (Latin-1) and prints each row
  /// as `<field count>:<hex>,<hex>,...`, then `end` after each file.
  static let pythonReader = """
    import csv, sys
    for path in sys.argv[1:]:
        with open(path, newline='', encoding='latin-1') as f:
            for row in csv.reader(f):
                print(str(len(row)) + ':' + ','.join(x.encode('latin-1').hex() for x in row))
        print('end')
    """

  struct PythonFailed: Error {
    let status: Int32
  }

  static func hex(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map {
      String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16)
    }
    .joined()
  }

  /// A random CSV document: quoted fields with commas, quotes, CR/LF and UTF-8; unquoted fields
  /// with stray quotes; blank lines; CRLF or LF terminators; sometimes no final newline.
  static func document(_ random: inout FormatsTestRandom) -> [UInt8] {
    let quotedPool = Array("ab 9,\"\n\r@é€".unicodeScalars)
    let unquotedPool = Array("xy 7.-@é".unicodeScalars)
    var out = ""
    let columns = Int.random(in: 1...5, using: &random)
    for _ in 0..<Int.random(in: 1...12, using: &random) {
      if Int.random(in: 0..<10, using: &random) == 0 {
        out += "\n"  // a blank line: no fields
        continue
      }
      let fields = (0..<columns).map { _ -> String in
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<4:
          var value = String.UnicodeScalarView()
          for _ in 0..<Int.random(in: 0...8, using: &random) {
            value.append(quotedPool.randomElement(using: &random)!)
          }
          return "\"" + String(value).replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case 4:
          return "x\"y"  // a stray quote in an unquoted field
        case 5:
          return "\"q\"tail"  // bytes after a closing quote
        default:
          var value = String.UnicodeScalarView()
          for _ in 0..<Int.random(in: 0...6, using: &random) {
            value.append(unquotedPool.randomElement(using: &random)!)
          }
          return String(value)
        }
      }
      // A record of one empty field would be a blank line, which Python reads as no fields.
      out += (fields == [""] ? "\"\"" : fields.joined(separator: ","))
      out += Bool.random(using: &random) ? "\r\n" : "\n"
    }
    if Bool.random(using: &random) { out.removeLast() }  // no final newline (or a lone CR)
    if out.hasSuffix("\r") { out.removeLast() }  // Python treats a lone CR as a line end
    return Array(out.utf8)
  }

  /// Our rows in the Python script's format.
  static func ourRows(_ records: [[UInt8]]) -> [String] {
    records.map { record in
      let fields = csvFields(record)
      return "\(fields.count):"
        + fields.map { hex(scanTextBytes($0, record)) }.joined(separator: ",")
    }
  }

  static func scanTextBytes(_ segment: FieldSegment, _ record: [UInt8]) -> [UInt8] {
    record.withUnsafeBytes { raw in segment.withScanBytes(in: raw) { Array($0) } }
  }

  static func pythonRows(_ documents: [[UInt8]]) throws -> [[String]] {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("piiscan-csv-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    var paths: [String] = []
    for (index, document) in documents.enumerated() {
      let file = directory.appendingPathComponent("\(index).csv")
      try Data(document).write(to: file)
      paths.append(file.path)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", pythonReader] + paths
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw PythonFailed(status: process.terminationStatus)
    }
    var rows: [[String]] = [[]]
    for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
      if line == "end" { rows.append([]) } else { rows[rows.count - 1].append(String(line)) }
    }
    rows.removeLast()
    guard rows.count == documents.count else { throw PythonFailed(status: -1) }
    return rows
  }

  @Test func fieldsAgreeWithPythonCSV() throws {
    var random = FormatsTestRandom(seed: 0xC5F_4180)
    let documents = (0..<150).map { _ in Self.document(&random) }
    let python = try Self.pythonRows(documents)
    var records = 0
    for (index, document) in documents.enumerated() {
      let whole = ChunkingVerifier.records(in: document, format: .csv)
      #expect(Self.ourRows(whole) == python[index], "document \(index)")
      // The pipeline's chunking gives the same rows.
      let readSize = [1, 3, 7, 64][index % 4]
      let chunked = ChunkingVerifier.records(of: document, readSize: readSize, format: .csv)
      #expect(Self.ourRows(chunked) == python[index], "document \(index) read size \(readSize)")
      records += whole.count
    }
    #expect(records > 500)
  }

  @Test func unterminatedQuoteAtEndAgreesWithPython() throws {
    let document = Array("a,b\nc,\"open\nfield,\"\"x\"\"\n".utf8)
    let python = try Self.pythonRows([document])
    #expect(Self.ourRows(ChunkingVerifier.records(in: document, format: .csv)) == python[0])
    #expect(python[0].count == 2)
  }
}
