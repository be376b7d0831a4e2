/// The Verhoeff dihedral-group D5 check digit (J. Verhoeff, "Error Detecting Decimal Codes",
/// Mathematical Centre Tracts 29, 1969), as used by Aadhaar (UIDAI).
///
/// Tables from the Wikipedia article "Verhoeff algorithm": `multiplication` is the Cayley table
/// of D5, `permutation` the position-dependent permutation σ^i.
enum Verhoeff {
  private static let multiplication: [[UInt8]] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
  ]

  private static let permutation: [[UInt8]] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
  ]

  /// True when `digits` (values 0–9, check digit last) has a valid Verhoeff check digit.
  static func isValid(_ digits: [Int]) -> Bool {
    guard !digits.isEmpty else { return false }
    var check = 0
    for (position, digit) in digits.reversed().enumerated() {
      check = Int(multiplication[check][Int(permutation[position % 8][digit])])
    }
    return check == 0
  }
}
