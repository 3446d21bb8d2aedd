namespace RnnNotebooks.Data;

/// <summary>
/// Reads named-entity corpora in CoNLL form: one token per line with its tag in the last column ("token TAG", or
/// "token POS CHUNK TAG" as in CoNLL-2003), a blank line after each sentence, and a line "-DOCSTART- ..." between
/// documents. Tags may be IOB1 or IOB2 and come back as IOB2; they are limited to O and B-/I- of PER, LOC, ORG, MISC.
/// </summary>
public static class ConllReader
{
    /// <summary>The first column of the line that separates documents.</summary>
    public const string DocumentStart = "-DOCSTART-";

    /// <summary>The documents of a file (UTF-8), in order.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="DataFormatException">A malformed line, an unknown tag, or no sentence at all.</exception>
    public static IReadOnlyList<NerDocument> Read(string path)
    {
        using var reader = File.OpenText(path);
        return Read(reader, path);
    }

    /// <summary>The documents a reader holds, in order.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">The name errors give for the text (a file name).</param>
    /// <exception cref="DataFormatException">A malformed line, an unknown tag, or no sentence at all.</exception>
    public static IReadOnlyList<NerDocument> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var documents = new List<NerDocument>();
        var sentences = new List<NerSentence>();
        var tokens = new List<string>();
        var tags = new List<string>();
        int lineNumber = 0;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith(DocumentStart, StringComparison.Ordinal))
            {
                EndSentence(tokens, tags, sentences);
                if (!string.IsNullOrWhiteSpace(line))
                {
                    EndDocument(sentences, documents);
                }
                continue;
            }
            var (token, tag) = ParseLine(line, sourceName, lineNumber);
            tokens.Add(token);
            tags.Add(tag);
        }
        EndSentence(tokens, tags, sentences);
        EndDocument(sentences, documents);
        if (documents.Count == 0)
        {
            throw new DataFormatException(sourceName, lineNumber + 1,
                lineNumber == 0 ? "the file is empty." : "no sentence: need 'token TAG' lines.");
        }
        return documents;
    }

    private static (string Token, string Tag) ParseLine(string line, string sourceName, int lineNumber)
    {
        if (char.IsWhiteSpace(line[0]))
        {
            throw new DataFormatException(sourceName, lineNumber, $"empty token: the line '{line}' starts with a space.");
        }
        var columns = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (columns.Length < 2)
        {
            throw new DataFormatException(sourceName, lineNumber, $"one column '{line}': need 'token TAG' (the tag last).");
        }
        string tag = columns[^1];
        if (!IobTags.IsKnown(tag))
        {
            throw new DataFormatException(sourceName, lineNumber,
                $"unknown tag '{tag}': need one of {string.Join(", ", IobTags.All)}.");
        }
        return (columns[0], tag);
    }

    private static void EndSentence(List<string> tokens, List<string> tags, List<NerSentence> sentences)
    {
        if (tokens.Count > 0)
        {
            sentences.Add(new NerSentence(tokens.ToArray(), IobTags.ToIob2(tags)));
            tokens.Clear();
            tags.Clear();
        }
    }

    private static void EndDocument(List<NerSentence> sentences, List<NerDocument> documents)
    {
        if (sentences.Count > 0)
        {
            documents.Add(new NerDocument(sentences.ToArray()));
            sentences.Clear();
        }
    }
}
