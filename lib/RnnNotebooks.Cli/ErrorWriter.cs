namespace RnnNotebooks.Cli;

/// <summary>Where <c>rnnbook</c> writes failures, one per line (standard error by default).</summary>
/// <param name="Writer">The writer.</param>
internal sealed record ErrorWriter(TextWriter Writer);
