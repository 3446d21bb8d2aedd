namespace RnnNotebooks.Data;

/// <summary>Writes documents in the CoNLL form <see cref="ConllReader"/> reads: "token TAG" lines, "\n" line ends.</summary>
public static class ConllWriter
{
    /// <summary>
    /// Writes the documents: each but the first after a line "-DOCSTART- O" and a blank line, each sentence
    /// followed by a blank line.
    /// </summary>
    /// <param name="writer">Where to write (its NewLine is not used: lines end with "\n").</param>
    /// <param name="documents">The documents.</param>
    public static void Write(TextWriter writer, IEnumerable<NerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(documents);
        bool first = true;
        foreach (var document in documents)
        {
            if (!first)
            {
                writer.Write($"{ConllReader.DocumentStart} O\n\n");
            }
            first = false;
            foreach (var sentence in document.Sentences)
            {
                WriteSentence(writer, sentence);
            }
        }
    }

    private static void WriteSentence(TextWriter writer, NerSentence sentence)
    {
        for (int i = 0; i < sentence.Length; i++)
        {
            writer.Write($"{sentence.Tokens[i]} {sentence.Tags[i]}\n");
        }
        writer.Write('\n');
    }
}
