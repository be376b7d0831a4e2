import PIIScanKit
import Testing

@Suite struct CSVWalkerTests {
  private func values(_ record: String) -> [String] {
    let bytes = Array(record)
    return csvFields(bytes).map { scanText($0, in: bytes) }
  }

  @Test(arguments: [
    ("a,b,c", ["a", "b", "c"]),
    ("a,\"b,c\",d", ["a", "b,c", "d"]),
    ("\"say \"\"hi\"\"\",x", ["say \"hi\"", "x"]),
    ("\"multi\nline\r\nfield\",2", ["multi\nline\r\nfield", "2"]),
    (",,", ["", "", ""]),
    ("a,", ["a", ""]),
    ("\"\",\"\"\"\"", ["", "\""]),
    (" a , \"b\" ", [" a ", " \"b\" "]),  // spaces are data; a quote after a space is literal
    ("", []),
  ])
  func splitsFieldsPerRFC4180(_ record: String, _ expected: [String]) {
    #expect(values(record) == expected)
  }

  @Test func quotedFieldRangesAreInsideTheQuotes() {
    let fields = csvFields(Array("1,\"a,b\",c"))
    #expect(fields.map(\.rawRange) == [0..<1, 3..<6, 8..<9])
    #expect(fields.map(\.syntax) == [.csvUnquoted, .csvQuoted, .csvUnquoted])
    #expect(fields.map(\.column) == [0, 1, 2])
    #expect(fields.allSatisfy { $0.decoded == nil && $0.field == nil })
  }

  @Test func doubledQuotesDecodeAndMapToBothQuotes() throws {
    let record = Array("x,\"a\"\"b\"")
    let field = try #require(csvFields(record).last)
    #expect(field.rawRange == 3..<7)
    #expect(field.decoded == Array("a\"b"))
    #expect(field.syntax == .csvQuoted)
    #expect(field.rawRange(forDecoded: 1..<2) == 4..<6)
    #expect(field.rawRange(forDecoded: 0..<1) == 3..<4)
    #expect(field.rawRange(forDecoded: 2..<3) == 6..<7)
    #expect(field.rawRange(forDecoded: 0..<3) == field.rawRange)
  }

  @Test func strayQuoteInUnquotedFieldIsLiteral() throws {
    let fields = csvFields(Array("ab\"c,d"))
    #expect(fields.map(\.rawRange) == [0..<4, 5..<6])
    #expect(fields.allSatisfy { $0.decoded == nil && $0.syntax == .csvUnquoted })
  }

  @Test func bytesAfterClosingQuoteJoinTheValueAndRedactAsWholeField() throws {
    let record = Array("\"ab\"c\"d,e")
    let fields = csvFields(record)
    #expect(fields.map { scanText($0, in: record) } == ["abc\"d", "e"])
    let field = try #require(fields.first)
    #expect(field.syntax == .csvUnquoted)
    #expect(field.rawRange == 0..<7)
    #expect(field.rawRange(forDecoded: 1..<2) == 0..<7)
    #expect(field.rawRange(forDecoded: 4..<5) == 0..<7)
  }

  @Test func unterminatedQuoteRunsToEndOfRecord() throws {
    let record = Array("a,\"b\"\"c\nd")
    let fields = csvFields(record)
    #expect(fields.map { scanText($0, in: record) } == ["a", "b\"c\nd"])
    let field = try #require(fields.last)
    #expect(field.rawRange == 2..<9)
    #expect(field.rawRange(forDecoded: 0..<1) == 2..<9)
  }

  @Test func fieldsCarryHeaderNames() {
    let header = CSVHeader(names: ["id", "email"])
    let fields = csvFields(Array("1,a@example.com,extra"), header: header)
    #expect(fields.map(\.field) == ["id", "email", "column_3"])
  }

  @Test(arguments: [
    ("id,email,phone", ["id", "email", "phone"]),
    ("id,,id,column_2", ["id", "column_2", "column_3", "column_4"]),
    ("column_2,", ["column_2", "column_2_2"]),
    ("a,a,column_2", ["a", "column_2", "column_3"]),
    ("\u{FEFF}id,\"e,mail\",\"\"\"q\"\"\"", ["id", "e,mail", "\"q\""]),
    ("", []),
  ])
  func headerNamesAreDistinctAndNonEmpty(_ record: String, _ expected: [String]) {
    let header = Array(record).withUnsafeBytes { CSVHeader(record: $0) }
    #expect(header.names == expected)
  }

  @Test func namesPastTheHeaderArePositional() {
    let header = CSVHeader(names: ["a"])
    #expect(header.name(forColumn: 0) == "a")
    #expect(header.name(forColumn: 4) == "column_5")
  }
}
