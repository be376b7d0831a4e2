import ArgumentParser
import PIIScanKit

@main
struct PIIScanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "piiscan", abstract: "Find PII.")
  func run() throws {}
}
