using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// A second pass over a tagger's output (after Krishnan and Manning 2006, in its simplest form): within one document,
/// every mention of the same words gets the type most of that string's mentions got. The spans stay where the tagger put
/// them; only types change, and a tie keeps each mention's own type. No gold tag is read.
/// With <c>propagate</c>, an untagged occurrence of a mentioned string that starts with a capital (every token of it O)
/// is tagged too, with the string's majority type (the first of the most frequent on a tie).
/// </summary>
public static class LabelConsistency
{
    /// <summary>The predicted tags with each mention's type made the majority type of its string in its document.</summary>
    /// <param name="sentences">The sentences, each knowing its <see cref="NerSentence.Document"/> (a sentence without one is its own document); their tags are not read.</param>
    /// <param name="predicted">The predicted IOB2 tags, one list per sentence, as long as it.</param>
    /// <param name="propagate">Also tag the untagged capitalised occurrences of every mentioned string in its document.</param>
    /// <returns>IOB2 tags, one list per sentence.</returns>
    /// <exception cref="ArgumentException">The counts or lengths differ (the message names the sentence).</exception>
    public static IReadOnlyList<IReadOnlyList<string>> Apply(IReadOnlyList<NerSentence> sentences, IReadOnlyList<IReadOnlyList<string>> predicted,
        bool propagate = false)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predicted);
        if (sentences.Count != predicted.Count)
        {
            throw new ArgumentException($"{predicted.Count} predicted tag lists for {sentences.Count} sentences.", nameof(predicted));
        }
        var mentions = Enumerable.Range(0, sentences.Count).Select(i => Mentions(sentences[i], predicted[i], i)).ToArray();
        var result = predicted.Select(tags => tags.ToArray()).ToArray();
        foreach (var document in Enumerable.Range(0, sentences.Count).GroupBy(i => (object?)sentences[i].Document ?? sentences[i], ReferenceEqualityComparer.Instance))
        {
            var votes = document.SelectMany(i => mentions[i]).GroupBy(m => m.Text, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.GroupBy(m => m.Span.Type).Select(t => (Type: t.Key, Count: t.Count())).ToList(), StringComparer.Ordinal);
            foreach (int i in document)
            {
                foreach (var (span, text) in mentions[i])
                {
                    int own = votes[text].First(v => v.Type == span.Type).Count;
                    var best = votes[text].MaxBy(v => v.Count); // the first of the most frequent
                    string type = best.Count > own ? best.Type : span.Type; // a tie keeps the mention's own type
                    for (int t = span.Start; t < span.End; t++)
                    {
                        result[i][t] = (t == span.Start ? "B-" : "I-") + type;
                    }
                }
            }
            if (propagate)
            {
                var strings = votes.Where(v => DocumentWordCounts.IsCapitalised(v.Key.Split(' ')[0]))
                    .Select(v => (Tokens: v.Key.Split(' '), v.Value.MaxBy(c => c.Count).Type)).OrderByDescending(v => v.Tokens.Length).ToList();
                foreach (int i in document)
                {
                    Propagate(sentences[i].Tokens, result[i], strings);
                }
            }
        }
        return result;
    }

    /// <summary>Tags each run of O tokens that spells one of <paramref name="strings"/> (the longest first, left to right) with its type.</summary>
    private static void Propagate(IReadOnlyList<string> tokens, string[] tags, IReadOnlyList<(string[] Tokens, string Type)> strings)
    {
        for (int t = 0; t < tokens.Count; t++)
        {
            foreach (var (words, type) in strings)
            {
                int n = words.Length;
                if (t + n <= tokens.Count && Enumerable.Range(t, n).All(k => tags[k] == IobTags.Outside && tokens[k] == words[k - t])
                    && (t + n == tokens.Count || !tags[t + n].StartsWith("I-", StringComparison.Ordinal)))
                {
                    for (int k = t; k < t + n; k++)
                    {
                        tags[k] = (k == t ? "B-" : "I-") + type;
                    }
                    t += n - 1;
                    break;
                }
            }
        }
    }

    private static List<(EntitySpan Span, string Text)> Mentions(NerSentence sentence, IReadOnlyList<string> tags, int index)
    {
        if (tags is null || tags.Count != sentence.Length)
        {
            throw new ArgumentException($"sentence {index} has {sentence.Length} tokens but {tags?.Count ?? 0} predicted tags.", nameof(tags));
        }
        return IobTags.Spans(tags).Select(span => (span, string.Join(' ', sentence.Tokens.Skip(span.Start).Take(span.End - span.Start)))).ToList();
    }
}
