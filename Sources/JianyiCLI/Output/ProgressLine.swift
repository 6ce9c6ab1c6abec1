import Foundation

/// The line an import keeps up to date on a terminal's standard error while it reads a file:
/// rows read, rows per second, and how much of the file. Nothing when standard error is not
/// a terminal (a log, a pipe) or when asked to be quiet.
final class ProgressLine {
    private let lang: Language
    private let started = DispatchTime.now()
    /// When the line was last drawn; the first update draws at once.
    private var shown = DispatchTime(uptimeNanoseconds: 1)
    private var drawn = false

    /// nil when there is nobody to show it to.
    init?(quiet: Bool, lang: Language) {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return nil }
        self.lang = lang
    }

    /// Redraws at most four times a second.
    func update(rows: Int, bytes: Int, of size: Int?) {
        let now = DispatchTime.now()
        guard !drawn || now.uptimeNanoseconds - shown.uptimeNanoseconds >= 250_000_000 else { return }
        shown = now
        let seconds = Double(now.uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let rate = seconds > 0 ? Int(Double(rows) / seconds) : 0
        var text = lang.say("已读 \(rows) 行，每秒 \(rate) 行", "\(rows) rows read, \(rate) rows/s")
        if let size, size > 0 { text += lang.say("，文件的 \(min(100, bytes * 100 / size))%", ", \(min(100, bytes * 100 / size))% of the file") }
        writeToStandardError("\r\u{1B}[K" + text)
        drawn = true
    }

    /// Clears the line, so that what follows starts on a clean one.
    func end() {
        if drawn { writeToStandardError("\r\u{1B}[K") }
        drawn = false
    }
}
