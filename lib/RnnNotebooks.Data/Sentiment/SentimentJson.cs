using System.Text.Json;

namespace RnnNotebooks.Data;

/// <summary>
/// Labelled sentences as a JSON array of <c>{"text": "...", "class": 0 | 1}</c> objects (the form the npm package
/// <c>sentiment</c> ships the UCI sentences in). A record without a text or a class (null, missing, empty) is skipped
/// and reported with its 0-based index in the array.
/// </summary>
public static class SentimentJson
{
    /// <summary>The sentences of a UTF-8 JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="name">The set's name; null for the file's name without extension.</param>
    /// <exception cref="InvalidDataException">The file is not a JSON array (the message names the file).</exception>
    public static SentimentSet Read(string path, string? name = null) =>
        Read(File.ReadAllText(path), Path.GetFileName(path), name ?? Path.GetFileNameWithoutExtension(path));

    /// <summary>The sentences of a JSON text.</summary>
    /// <param name="json">The array.</param>
    /// <param name="fileName">The file's name, for messages and skipped records.</param>
    /// <param name="name">The set's name.</param>
    /// <exception cref="InvalidDataException">The text is not a JSON array.</exception>
    public static SentimentSet Read(string json, string fileName, string name)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: not JSON ({e.Message})", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{fileName}: expected a JSON array of {{\"text\", \"class\"}} records, found a {document.RootElement.ValueKind}.");
            }
            var examples = new List<SentimentExample>();
            var skipped = new List<SkippedRecord>();
            int index = 0;
            foreach (var record in document.RootElement.EnumerateArray())
            {
                string? text = Field(record, "text");
                string? label = Field(record, "class");
                if (SentimentLabels.Check(text, label) is { } reason)
                {
                    skipped.Add(new SkippedRecord(fileName, "record", index, reason));
                }
                else
                {
                    examples.Add(new SentimentExample(text!.Trim(), label!.Trim() == "1" ? 1 : 0));
                }
                index++;
            }
            return new SentimentSet(name, examples, skipped);
        }
    }

    /// <summary>A field as text: a string, a number's literal, or null when missing, null or of another kind.</summary>
    private static string? Field(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
