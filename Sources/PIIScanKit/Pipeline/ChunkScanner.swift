#if canImport(Glibc)
  import Glibc
#endif

/// Scans one chunk in a worker: frames its records per format, hands each segment (the whole
/// text, a JSON string or number value, a CSV field) to the detectors, and maps every match back
/// to raw stream offsets.
///
/// Not `Sendable`: each worker owns one, with its PCRE2 scratch.
final class ChunkScanner {
  let detectors: DetectorSet
  let fingerprinter: Fingerprinter
  let scratch: ScanScratch
  let scope: FieldScope
  /// The previous chunk's finding count: the next chunk's array is reserved at that size, not
  /// grown (and copied) from empty a dozen times for a chunk with thousands of findings.
  private var expectedFindings = 0

  init(detectors: DetectorSet, fingerprinter: Fingerprinter, options: ScanOptions) {
    self.detectors = detectors
    self.fingerprinter = fingerprinter
    self.scope = options.fieldScope
    self.scratch = ScanScratch(limits: options.matchLimits)
  }

  func scan(_ chunk: Chunk) -> ChunkResult {
    let bytes = chunk.buffer.bytes
    var findings: [Finding] = []
    findings.reserveCapacity(expectedFindings)
    var limits: [MatchLimitHit] = []
    switch chunk.format {
    case .text:
      scanText(bytes, recordStart: 0, field: nil, chunk: chunk, into: &findings, limits: &limits)
    case .jsonl:
      RecordFraming.forEachRecord(
        in: UnsafeRawBufferPointer(rebasing: bytes[0..<chunk.owned]), format: .jsonl
      ) { record in
        scanJSONRecord(bytes, record: record, chunk: chunk, into: &findings, limits: &limits)
      }
    case .csv:
      var first = chunk.startsWithHeader
      RecordFraming.forEachRecord(
        in: UnsafeRawBufferPointer(rebasing: bytes[0..<chunk.owned]), format: .csv
      ) { record in
        if first {
          first = false
          scanText(bytes, range: record, chunk: chunk, into: &findings, limits: &limits)
          return
        }
        scanCSVRecord(bytes, record: record, chunk: chunk, into: &findings, limits: &limits)
      }
    }
    findings.removeAll { $0.offset - chunk.streamOffset >= chunk.owned }
    expectedFindings = findings.count
    // Line numbers: chunk-local newline counts before each finding (the collector adds the base).
    let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
    var counted = 0
    var newlines = 0
    for i in findings.indices {
      let at = findings[i].offset - chunk.streamOffset
      newlines += countNewlines(base + counted, at - counted)
      counted = at
      findings[i].line = newlines
    }
    let total = newlines + countNewlines(base + counted, chunk.owned - counted)
    for hit in limits.indices { limits[hit].offset += chunk.streamOffset }
    return ChunkResult(chunk: chunk, findings: findings, newlines: total, limitHits: limits)
  }

  private func scanText(
    _ bytes: UnsafeRawBufferPointer, range: Range<Int>, chunk: Chunk,
    into findings: inout [Finding],
    limits: inout [MatchLimitHit]
  ) {
    let segment = UnsafeRawBufferPointer(rebasing: bytes[range])
    scanText(
      segment, recordStart: range.lowerBound, field: nil, chunk: chunk, into: &findings,
      limits: &limits)
  }

  /// Scans `segment` (raw bytes at `recordStart` in the chunk) with no decoding.
  private func scanText(
    _ segment: UnsafeRawBufferPointer, recordStart: Int, field: String?, chunk: Chunk,
    into findings: inout [Finding], limits: inout [MatchLimitHit]
  ) {
    var hits: [MatchLimitHit] = []
    for c in detectors.scan(segment, field: field, scratch: scratch, limits: &hits) {
      let raw = (recordStart + c.range.lowerBound)..<(recordStart + c.range.upperBound)
      findings.append(
        makeFinding(c, value: value(of: c, in: segment), raw: raw, field: field, chunk: chunk))
    }
    for var h in hits {
      h.offset += recordStart
      limits.append(h)
    }
  }

  private func scanJSONRecord(
    _ bytes: UnsafeRawBufferPointer, record: Range<Int>, chunk: Chunk,
    into findings: inout [Finding], limits: inout [MatchLimitHit]
  ) {
    let line = UnsafeRawBufferPointer(rebasing: bytes[record])
    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
    var local: [Finding] = []
    var localLimits: [MatchLimitHit] = []
    do {
      try JSONLinesWalker.forEachValue(in: line) { value in
        if !scope.isUnrestricted && !scope.includes(jsonPointer: value.field ?? "") { return }
        scanField(
          line, recordStart: record.lowerBound, rawRange: value.rawRange, decoded: value.decoded,
          mapBack: value.rawRange(forDecoded:), field: value.field ?? "", chunk: chunk,
          into: &local, limits: &localLimits)
      }
    } catch {
      // Not JSON: scan the line as text so nothing in it is missed.
      local.removeAll()
      localLimits.removeAll()
      scanText(bytes, range: record, chunk: chunk, into: &local, limits: &localLimits)
    }
    findings.append(contentsOf: local)
    limits.append(contentsOf: localLimits)
  }

  private func scanCSVRecord(
    _ bytes: UnsafeRawBufferPointer, record: Range<Int>, chunk: Chunk,
    into findings: inout [Finding], limits: inout [MatchLimitHit]
  ) {
    let line = UnsafeRawBufferPointer(rebasing: bytes[record])
    // CSV framing is lenient (stray quotes are literal), so every record yields its fields.
    CSVWalker.forEachField(in: line, header: chunk.header) { field in
      let name = field.field ?? CSVHeader.positionalName(field.column ?? 0)
      if !scope.isUnrestricted && !scope.includes(column: name) { return }
      scanField(
        line, recordStart: record.lowerBound, rawRange: field.rawRange, decoded: field.decoded,
        mapBack: field.rawRange(forDecoded:), field: name, chunk: chunk, into: &findings,
        limits: &limits)
    }
  }

  /// Scans one field value: raw bytes when it has no escapes, else its decoded form, mapping
  /// decoded spans back to raw spans that cover whole escape sequences.
  private func scanField(
    _ record: UnsafeRawBufferPointer, recordStart: Int, rawRange: Range<Int>, decoded: [UInt8]?,
    mapBack: (Range<Int>) -> Range<Int>, field: String, chunk: Chunk,
    into findings: inout [Finding], limits: inout [MatchLimitHit]
  ) {
    var hits: [MatchLimitHit] = []
    if let decoded {
      decoded.withUnsafeBytes { segment in
        for c in detectors.scan(segment, field: field, scratch: scratch, limits: &hits) {
          let raw = mapBack(c.range)
          let shifted = (recordStart + raw.lowerBound)..<(recordStart + raw.upperBound)
          findings.append(
            makeFinding(
              c, value: value(of: c, in: segment), raw: shifted, field: field, chunk: chunk))
        }
      }
    } else {
      let segment = UnsafeRawBufferPointer(rebasing: record[rawRange])
      for c in detectors.scan(segment, field: field, scratch: scratch, limits: &hits) {
        let start = recordStart + rawRange.lowerBound
        let raw = (start + c.range.lowerBound)..<(start + c.range.upperBound)
        findings.append(
          makeFinding(c, value: value(of: c, in: segment), raw: raw, field: field, chunk: chunk))
      }
    }
    for var h in hits {
      h.offset = recordStart + rawRange.lowerBound
      limits.append(h)
    }
  }

  /// The bytes of `c` in `segment`: its normalized form when the detector keeps values as
  /// they are (the same array, not a second copy).
  private func value(of c: Candidate, in segment: UnsafeRawBufferPointer) -> [UInt8] {
    detectors.detectors[c.detector].keepsValue
      ? c.normalized : Array(UnsafeRawBufferPointer(rebasing: segment[c.range]))
  }

  private func makeFinding(
    _ c: Candidate, value: [UInt8], raw: Range<Int>, field: String?, chunk: Chunk
  ) -> Finding {
    let detector = detectors.detectors[c.detector]
    return Finding(
      source: chunk.file.path, offset: chunk.streamOffset + raw.lowerBound, length: raw.count,
      line: 0, entity: detector.entity, detector: detector.id,
      confidence: (c.confidence * 100).rounded() / 100, validated: c.validated, field: field,
      preview: Preview.mask(value, style: detector.previewStyle),
      fingerprint: fingerprinter.fingerprint(c.normalized), value: value)
  }
}

/// `\n` bytes in `count` bytes from `p` (memchr loop).
func countNewlines(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int {
  if count <= 0 { return 0 }
  var n = 0
  var cursor = p
  var left = count
  while left > 0, let hit = memchr(cursor, 0x0A, left) {
    let at = hit.assumingMemoryBound(to: UInt8.self)
    n += 1
    let advanced = cursor.distance(to: at) + 1
    left -= advanced
    cursor = UnsafePointer(at + 1)
  }
  return n
}
