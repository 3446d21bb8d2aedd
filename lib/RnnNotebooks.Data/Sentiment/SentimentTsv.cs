using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// Tab-separated labelled sentences, one per line: <c>sentence&lt;TAB&gt;label</c> as the UCI files have them, with an
/// optional third column, the kind (the bundled set's files). The label is 0 or 1. A line without a text or a label is
/// skipped and reported with its 1-based line number; a blank line is such a line (the end of the file is not).
/// </summary>
public static class SentimentTsv
{
    /// <summary>The sentences of a UTF-8 file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The set's name; null for the file's name without extension.</param>
    public static SentimentSet Read(string path, string? name = null)
    {
        using var reader = File.OpenText(path);
        return Read(reader, Path.GetFileName(path), name ?? Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>The sentences a reader holds.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="fileName">The file's name, for the skipped records.</param>
    /// <param name="name">The set's name.</param>
    public static SentimentSet Read(TextReader reader, string fileName, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var examples = new List<SentimentExample>();
        var skipped = new List<SkippedRecord>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var (example, reason) = Parse(line);
            if (example is not null)
            {
                examples.Add(example);
            }
            else
            {
                skipped.Add(new SkippedRecord(fileName, "line", lineNumber, reason!));
            }
        }
        return new SentimentSet(name, examples, skipped);
    }

    /// <summary>Writes examples as <c>text&lt;TAB&gt;label&lt;TAB&gt;kind</c> lines (UTF-8, '\n'), the form of data/sentiment.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="examples">The examples; a text must not hold a tab or a line break.</param>
    public static void Write(string path, IEnumerable<SentimentExample> examples) =>
        File.WriteAllText(path, Format(examples), new UTF8Encoding(false));

    /// <summary>The text <see cref="Write"/> writes.</summary>
    /// <param name="examples">The examples.</param>
    /// <exception cref="ArgumentException">A text holds a tab or a line break (the message names the example).</exception>
    public static string Format(IEnumerable<SentimentExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var text = new StringBuilder();
        foreach (var (e, i) in examples.Select((e, i) => (e, i)))
        {
            if (e.Text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
            {
                throw new ArgumentException($"example {i} ('{e.Text}') holds a tab or a line break; one line per sentence.", nameof(examples));
            }
            text.Append(e.Text).Append('\t').Append(e.Label).Append('\t').Append(e.Kind).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The example of one line, or the reason it is not one.</summary>
    private static (SentimentExample? Example, string? Reason) Parse(string line)
    {
        var columns = line.Split('\t');
        string text = columns[0].Trim();
        string? label = columns.Length > 1 ? columns[1].Trim() : null;
        string? kind = columns.Length > 2 && columns[2].Trim() is { Length: > 0 } k ? k : null;
        return SentimentLabels.Check(text, label) is { } reason
            ? (null, reason)
            : (new SentimentExample(text, label == "1" ? 1 : 0, kind), null);
    }
}
