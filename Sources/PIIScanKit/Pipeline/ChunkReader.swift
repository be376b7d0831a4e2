#if canImport(Glibc)
  import Glibc
#endif

/// Reads one input and cuts its decompressed bytes into chunks of whole records.
///
/// A chunk is at least `chunkSize` bytes (unless the input ends) and ends on a record boundary;
/// text chunks carry `lookahead` extra bytes for multi-line detectors. A record longer than
/// `maxRecordBytes` is cut into overlapping text pieces, so a value that straddles a cut is
/// still found once (ripgrep's `LineBuffer` roll/fill, with a bounded heap).
struct ChunkReader {
  let file: InputFile
  let options: ScanOptions

  /// What reading the file found out, for its report.
  struct Outcome {
    var compression: Compression?
    var format: InputFormat?
    var rawBytes = 0
    var rawSHA256: String?
    var bytes = 0
    var error: ScanError?
    var skippedNote: String?
  }

  /// Reads the whole input, calling `emit` with each chunk in order. Errors end the reading:
  /// the bytes read before the fault are still emitted, then the error is returned in the
  /// outcome.
  func read(emit: (Chunk) -> Void) -> Outcome {
    var outcome = Outcome()
    let opened: OpenedInput
    do {
      opened = try openInput(file.path, digest: options.digestsInputs)
    } catch let error as ScanError {
      outcome.error = error.at(path: file.path)
      return outcome
    } catch {
      outcome.error = ScanError(.unreadable, "cannot open: \(error)", path: file.path)
      return outcome
    }
    outcome.compression = opened.compression
    var source = opened.source
    let chunkSize = max(1, options.chunkSize)
    var sequence = 0
    var streamOffset = 0
    if file.startOffset > 0 {
      // Append-only resume: read past the part scanned before (keeps the raw digest whole).
      do {
        streamOffset = try skip(file.startOffset, of: &source)
      } catch let error as ScanError {
        outcome.error = error.at(path: file.path)
        return outcome
      } catch {
        outcome.error = ScanError(.unreadable, "read failed: \(error)", path: file.path)
        return outcome
      }
      guard streamOffset == file.startOffset else {
        outcome.error = ScanError(
          .unreadable, "the file shrank while it was being resumed; it will be rescanned",
          path: file.path, offset: streamOffset)
        return outcome
      }
    }
    var format: InputFormat? = options.format
    var header: CSVHeader? = nil
    var headerPending = true
    var buffer = ChunkBuffer(capacity: chunkSize + options.lookahead + 4096)
    var eof = false
    var continuing = false  // the buffer starts inside an over-long record
    var extra = 0  // bytes wanted beyond a chunk because no record end was found yet

    func finishStats() {
      outcome.rawBytes = opened.rawByteCount
      outcome.rawSHA256 = outcome.error == nil ? opened.rawDigest() : nil
      outcome.bytes = streamOffset
    }

    while true {
      let lookahead = (format ?? .text) == .text ? options.lookahead : 0
      // Fill: at least chunkSize + lookahead bytes, or to end of input.
      while !eof && buffer.count < chunkSize + lookahead + extra {
        if buffer.count == buffer.storage.count {
          buffer = grow(buffer, to: buffer.storage.count * 2)
        }
        do {
          let n = try source.read(
            into: UnsafeMutableRawBufferPointer(rebasing: buffer.storage[buffer.count...]))
          if n == 0 { eof = true } else { buffer.count += n }
        } catch let error as ScanError {
          var located = error.at(path: file.path)
          located.offset = located.offset ?? (streamOffset + buffer.count)
          outcome.error = located
          eof = true
        } catch {
          outcome.error = ScanError(
            .unreadable, "read failed: \(error)", path: file.path,
            offset: streamOffset + buffer.count)
          eof = true
        }
      }
      if buffer.count == 0 { break }

      if sequence == 0 {
        let prefix = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<min(buffer.count, 8192)])
        if !options.scanBinary, let nul = memchr(prefix.baseAddress!, 0, prefix.count) {
          let at = prefix.baseAddress!.distance(to: UnsafeRawPointer(nul))
          outcome.skippedNote =
            "binary data (NUL byte at offset \(at)); skipped — pass --binary to scan it anyway"
          outcome.format = format
          outcome.error = nil
          finishStats()
          return outcome
        }
        if format == nil {
          format = FormatSniffer.detect(name: file.path == "-" ? nil : file.path, prefix: prefix)
          outcome.format = format
          continue  // the lookahead depends on the format: refill if needed
        }
        outcome.format = format
      }
      let fmt = format ?? .text
      let lookaheadNow = fmt == .text ? options.lookahead : 0

      var owned: Int
      var chunkFormat = fmt
      if continuing {
        // Finish the over-long record as a text piece, up to its first record end.
        let limit = buffer.count
        if let nl = memchr(buffer.storage.baseAddress!, 0x0A, limit) {
          owned = buffer.storage.baseAddress!.distance(to: nl) + 1
          continuing = false
        } else if eof {
          owned = buffer.count
        } else if buffer.count >= options.maxRecordBytes {
          owned = buffer.count - min(options.overlap, buffer.count / 2)
        } else {
          extra = buffer.count + chunkSize - (chunkSize + lookaheadNow)
          continue
        }
        chunkFormat = .text
      } else if eof {
        owned = buffer.count
      } else {
        let searchable = max(0, buffer.count - lookaheadNow)
        let region = UnsafeRawBufferPointer(rebasing: buffer.storage[0..<searchable])
        if let end = RecordFraming.lastRecordEnd(in: region, format: fmt), end > 0 {
          owned = end
        } else if buffer.count >= options.maxRecordBytes {
          owned = buffer.count - min(options.overlap, buffer.count / 2)
          chunkFormat = .text
          continuing = true
        } else {
          extra = buffer.count + max(chunkSize, 4096) - (chunkSize + lookaheadNow)
          continue
        }
      }
      extra = 0

      if fmt == .csv && headerPending && streamOffset == 0 {
        headerPending = false
        var firstEnd = owned
        RecordFraming.forEachRecord(
          in: UnsafeRawBufferPointer(rebasing: buffer.storage[0..<owned]), format: .csv
        ) { r in
          if firstEnd == owned { firstEnd = r.upperBound }
        }
        header = CSVHeader(record: UnsafeRawBufferPointer(rebasing: buffer.storage[0..<firstEnd]))
      }

      // The chunk keeps its bytes (text: plus lookahead); the rest moves to a new buffer.
      let keep = chunkFormat == .text ? buffer.count : owned
      let next = ChunkBuffer(capacity: max(buffer.storage.count, chunkSize + lookaheadNow + 4096))
      let carry = buffer.count - owned
      if carry > 0 {
        next.storage.baseAddress!.copyMemory(
          from: buffer.storage.baseAddress! + owned, byteCount: carry)
      }
      next.count = carry
      buffer.count = keep
      emit(
        Chunk(
          file: file, sequence: sequence, streamOffset: streamOffset, buffer: buffer,
          owned: owned, format: chunkFormat, header: header,
          startsWithHeader: fmt == .csv && streamOffset == 0 && chunkFormat == .csv,
          compression: opened.compression))
      sequence += 1
      streamOffset += owned
      buffer = next
      if eof && buffer.count == 0 { break }
    }
    finishStats()
    return outcome
  }

  /// Reads and drops up to `count` bytes; returns how many there were.
  private func skip(_ count: Int, of source: inout any ByteSource) throws -> Int {
    let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { scratch.deallocate() }
    var skipped = 0
    while skipped < count {
      let want = min(scratch.count, count - skipped)
      let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: scratch[0..<want]))
      if n == 0 { break }
      skipped += n
    }
    return skipped
  }

  private func grow(_ buffer: ChunkBuffer, to capacity: Int) -> ChunkBuffer {
    let bigger = ChunkBuffer(capacity: capacity)
    bigger.storage.baseAddress!.copyMemory(from: buffer.storage.baseAddress!, byteCount: buffer.count)
    bigger.count = buffer.count
    return bigger
  }
}

extension ScanError {
  /// The same error with `path` filled in when it was not set.
  func at(path: String) -> ScanError {
    var copy = self
    if copy.path == nil { copy.path = path }
    return copy
  }
}
