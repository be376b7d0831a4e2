#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's text for an `errno` value (`strerror`), e.g. "No such file or directory".
///
/// glibc's `strerror` returns static strings for known codes and a thread-local buffer for
/// unknown ones (glibc 2.32+), so it is safe to call from several threads.
func systemErrorText(_ code: Int32) -> String {
  guard let text = strerror(code) else { return "errno \(code)" }
  return String(cString: text)
}

/// The current thread's `errno`.
var currentErrno: Int32 { errno }

/// `read(2)`, callable from types that have their own `read` method.
func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
  read(descriptor, buffer, count)
}

/// `write(2)`, callable from types that have their own `write` method.
func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(descriptor, buffer, count)
}
