namespace RnnNotebooks.Data;

/// <summary>A record a reader left out, and where it was: "amazon.json record 1000: no text and no label".</summary>
/// <param name="File">The file's name (inside its archive for a zip).</param>
/// <param name="Unit">"record" (0-based index in a JSON array) or "line" (1-based line of a text file).</param>
/// <param name="Position">The record's index or line number.</param>
/// <param name="Reason">What was missing or wrong: "no text", "no label", "label 'x' is not 0 or 1".</param>
public sealed record SkippedRecord(string File, string Unit, int Position, string Reason)
{
    /// <summary>"file unit position: reason".</summary>
    public override string ToString() => $"{File} {Unit} {Position}: {Reason}";
}
