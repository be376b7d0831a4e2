import PIIScanKit
