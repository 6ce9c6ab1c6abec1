import Casework

/// Pads `text` with spaces to `width` cells.
func pad(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - displayWidth(text)))
}

/// Cuts `text` to at most `width` cells, marking the cut with "…".
func truncate(_ text: String, to width: Int) -> String {
    guard displayWidth(text) > width else { return text }
    var result = ""
    var used = 0
    for character in text {
        let w = displayWidth(String(character))
        if used + w > width - 1 { break }
        result.append(character)
        used += w
    }
    return result + "…"
}
