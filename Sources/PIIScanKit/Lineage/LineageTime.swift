#if canImport(Glibc)
  import Glibc
#endif

/// A wall-clock instant, written as RFC 3339 UTC with milliseconds
/// (`2026-11-21T18:07:27.123Z`), the form OpenLineage's `eventTime` (`format: date-time`)
/// and the manifest's `started_at`/`ended_at` use.
public struct LineageTime: Sendable, Hashable, Comparable {
  /// Seconds since 1970-01-01T00:00:00Z.
  public var seconds: Int64
  /// Milliseconds within the second, 0 to 999.
  public var milliseconds: Int

  /// The instant `seconds` + `milliseconds` after the Unix epoch.
  public init(seconds: Int64, milliseconds: Int = 0) {
    precondition((0..<1000).contains(milliseconds), "LineageTime: milliseconds in 0..<1000")
    self.seconds = seconds
    self.milliseconds = milliseconds
  }

  /// Now, from `clock_gettime(CLOCK_REALTIME)`.
  public static func now() -> LineageTime {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return LineageTime(seconds: Int64(ts.tv_sec), milliseconds: Int(ts.tv_nsec / 1_000_000))
  }

  /// Earlier instants order first.
  public static func < (a: LineageTime, b: LineageTime) -> Bool {
    (a.seconds, a.milliseconds) < (b.seconds, b.milliseconds)
  }

  /// RFC 3339 `date-time` in UTC with exactly three fractional digits.
  public var rfc3339: String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = Int(seconds - days * 86_400)
    let (year, month, day) = Self.civil(fromDays: days)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let ms =
      milliseconds < 10
      ? "00\(milliseconds)" : milliseconds < 100 ? "0\(milliseconds)" : "\(milliseconds)"
    let y = String(year)
    let paddedYear = String(repeating: "0", count: max(0, 4 - y.count)) + y
    return
      "\(paddedYear)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(ms)Z"
  }

  /// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant, "chrono-compatible
  /// low-level date algorithms", `civil_from_days`).
  static func civil(fromDays z0: Int64) -> (year: Int, month: Int, day: Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }
}
