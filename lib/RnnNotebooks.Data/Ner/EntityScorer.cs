namespace RnnNotebooks.Data;

/// <summary>
/// Scores predicted tags against gold tags as CoNLL's conlleval does: a predicted entity counts only when a gold
/// entity has exactly its type, first token and last token. Spans are read with <see cref="IobTags.Spans"/>.
/// </summary>
public static class EntityScorer
{
    /// <summary>The per-type and micro-averaged precision, recall and F1, and the token accuracy.</summary>
    /// <param name="gold">The gold tags, one list per sentence.</param>
    /// <param name="predicted">The predicted tags, as many sentences and as many tags in each.</param>
    public static NerScores Score(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        CheckAligned(gold, predicted);
        var counts = IobTags.EntityTypes.ToDictionary(type => type, _ => new EntityCounts(0, 0, 0));
        int rightTags = 0, tokens = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            Count(IobTags.Spans(gold[s]), IobTags.Spans(predicted[s]), counts);
            rightTags += gold[s].Where((tag, i) => tag == predicted[s][i]).Count();
            tokens += gold[s].Count;
        }
        var micro = counts.Values.Aggregate((a, b) => a + b);
        return new NerScores(counts, micro, tokens == 0 ? 0 : (double)rightTags / tokens);
    }

    /// <summary>The scores of predicted tags for the gold sentences.</summary>
    /// <param name="gold">The sentences with their gold tags.</param>
    /// <param name="predicted">The predicted tags, one list per sentence.</param>
    public static NerScores Score(IReadOnlyList<NerSentence> gold, IReadOnlyList<IReadOnlyList<string>> predicted) =>
        Score(gold.Select(s => s.Tags).ToList(), predicted);

    private static void Count(IReadOnlyList<EntitySpan> gold, IReadOnlyList<EntitySpan> predicted, Dictionary<string, EntityCounts> counts)
    {
        var goldSet = gold.ToHashSet();
        foreach (var span in gold)
        {
            counts[span.Type] = Add(counts, span.Type, new EntityCounts(0, 0, 1));
        }
        foreach (var span in predicted)
        {
            counts[span.Type] = Add(counts, span.Type, new EntityCounts(goldSet.Contains(span) ? 1 : 0, 1, 0));
        }
    }

    private static EntityCounts Add(Dictionary<string, EntityCounts> counts, string type, EntityCounts more) =>
        counts.TryGetValue(type, out var sofar) ? sofar + more : more;

    private static void CheckAligned(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold sentences and {predicted.Count} predicted: need as many.", nameof(predicted));
        }
        for (int s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count)
            {
                throw new ArgumentException($"sentence {s}: {gold[s].Count} gold tags and {predicted[s].Count} predicted.", nameof(predicted));
            }
        }
    }
}
