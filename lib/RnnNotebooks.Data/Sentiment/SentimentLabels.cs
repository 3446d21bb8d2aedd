namespace RnnNotebooks.Data;

/// <summary>The one rule every sentiment reader applies to a record: a text with a letter or digit, and a label 0 or 1.</summary>
public static class SentimentLabels
{
    /// <summary>Null when the record is usable, else why not: "no text", "no label", "no text and no label", "label 'x' is not 0 or 1".</summary>
    /// <param name="text">The sentence, or null.</param>
    /// <param name="label">The label as written, or null or empty when missing.</param>
    public static string? Check(string? text, string? label)
    {
        bool noText = string.IsNullOrWhiteSpace(text);
        bool noLabel = string.IsNullOrWhiteSpace(label);
        return (noText, noLabel) switch
        {
            (true, true) => "no text and no label",
            (true, false) => "no text",
            (false, true) => "no label",
            _ => label!.Trim() is "0" or "1" ? null : $"label '{label}' is not 0 or 1",
        };
    }
}
