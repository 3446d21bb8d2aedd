namespace RnnNotebooks.Cli;

/// <summary>Where <c>rnnbook predict</c> reads its inputs and writes its answers, one per line (stdin and stdout by default).</summary>
/// <param name="In">The inputs.</param>
/// <param name="Out">The answers.</param>
internal sealed record LineStreams(TextReader In, TextWriter Out);
