import PIIScanKit
import Testing

@Suite struct FormatSnifferTests {
  private func detect(_ content: String, name: String? = nil) -> InputFormat {
    Array(content).withUnsafeBytes { FormatSniffer.detect(name: name, prefix: $0) }
  }

  @Test(arguments: [
    ("{\"a\":1}\n{\"b\":2}\n", InputFormat.jsonl),
    ("  \n\n  {\"a\": [1, \"x\"]} \n", .jsonl),  // blank lines and spaces first
    ("{\"a\":\"cut off by the end of the prefix", .jsonl),
    ("\u{FEFF}{\"a\":1}\n", .jsonl),
    ("{not json}\nfoo\n", .text),
    ("id,name\n1,Jane\n", .csv),
    ("id,note\r\n1,\"multi\nline, with comma\"\r\n2,\"say \"\"hi\"\"\"\r\n", .csv),
    ("\u{FEFF}a,b,c\n1,2,3\n4,5,6\n7,8", .csv),  // a cut-off last record that agrees
    ("a,b,c\n1,2,3\n4,5", .csv),  // a cut-off last record that disagrees is ignored
    ("id\n1\n2\n", .text),  // one column: no evidence
    ("a,b\n", .text),  // one record: no evidence
    ("a,b\nc\n", .text),  // inconsistent field counts
    ("a,b\"c\n1,2\n", .text),  // a stray quote
    ("a,\"b\"c\n1,2\n", .text),  // bytes after a closing quote
    ("2024-01-01T00:00:00Z INFO start\n2024-01-01T00:00:01Z INFO stop\n", .text),
    ("", .text),
    ("\n \n", .text),
  ])
  func detectsFromContent(_ content: String, _ expected: InputFormat) {
    #expect(detect(content) == expected)
  }

  @Test func contentWinsOverName() {
    #expect(detect("{\"a\":1}\n", name: "data.csv") == .jsonl)
    #expect(detect("a,b\n1,2\n", name: "data.jsonl") == .csv)
  }

  @Test(arguments: [
    ("data.jsonl", InputFormat.jsonl), ("X.NDJSON.ZST", .jsonl), ("logs/a.jsonl.gz", .jsonl),
    ("people.csv", .csv), ("people.csv.zstd", .csv), ("people.CSV.gz", .csv),
    ("app.log", .text), ("notes.txt.gz", .text), ("csv", .text), ("a.gz.csv", .csv),
  ])
  func nameBreaksTiesWhenContentIsInconclusive(_ name: String, _ expected: InputFormat) {
    #expect(detect("id\n1\n", name: name) == expected)
    #expect(detect("", name: name) == expected)
  }
}
