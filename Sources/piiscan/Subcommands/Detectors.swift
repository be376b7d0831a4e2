import ArgumentParser
import PIIScanKit

extension PIIScanCommand {
  /// `piiscan detectors`: what would run.
  struct Detectors: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the detectors (id, entity, country, validator, severity, description).",
      discussion: "The list honours --patterns, --enable, --disable and --country, so it shows what a scan with the same flags runs.")

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    @Flag(help: "List the validators instead.")
    var validators = false

    @OptionGroup var detection: DetectionOptions

    func run() throws {
      let out = StandardOutputSink()
      var text: [UInt8] = []
      if validators {
        for v in ValidatorRegistry.all {
          if json {
            text += Array("{\"name\":".utf8)
            FindingJSON.appendString(Array(v.name.utf8), to: &text)
            text += Array(",\"summary\":".utf8)
            FindingJSON.appendString(Array(v.summary.utf8), to: &text)
            text += Array("}\n".utf8)
          } else {
            text += Array("\(v.name.padding(22)) \(v.summary)\n".utf8)
          }
        }
      } else {
        let set: DetectorSet
        do { set = try detection.loadDetectors() } catch let error as ScanError {
          Console.error(error)
          throw Exit.error
        }
        if !json {
          text += Array("\("ID".padding(24)) \("ENTITY".padding(20)) \("CC".padding(3)) \("VALIDATOR".padding(18)) \("SEVERITY".padding(9)) DESCRIPTION\n".utf8)
        }
        for d in set.detectors {
          let s = d.spec
          if json {
            text += Array("{\"id\":".utf8)
            FindingJSON.appendString(Array(s.id.utf8), to: &text)
            text += Array(",\"entity\":".utf8)
            FindingJSON.appendString(Array(s.entity.utf8), to: &text)
            text += Array(",\"country\":".utf8)
            if let c = s.country { FindingJSON.appendString(Array(c.utf8), to: &text) } else { text += Array("null".utf8) }
            text += Array(",\"validator\":".utf8)
            if let v = s.validator { FindingJSON.appendString(Array(v.utf8), to: &text) } else { text += Array("null".utf8) }
            text += Array(",\"severity\":".utf8)
            FindingJSON.appendString(Array(s.severity.utf8), to: &text)
            text += Array(",\"confidence\":\(s.confidence),\"description\":".utf8)
            FindingJSON.appendString(Array(s.description.utf8), to: &text)
            text += Array(",\"source\":".utf8)
            FindingJSON.appendString(Array(d.origin.utf8), to: &text)
            text += Array(",\"hash\":\"\(d.hash)\"}\n".utf8)
          } else {
            text += Array(
              "\(s.id.padding(24)) \(s.entity.padding(20)) \((s.country ?? "-").padding(3)) \((s.validator ?? "-").padding(18)) \(s.severity.padding(9)) \(s.description)\n".utf8)
          }
        }
      }
      do { try text.withUnsafeBytes { try out.write($0) } } catch {}
    }
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
