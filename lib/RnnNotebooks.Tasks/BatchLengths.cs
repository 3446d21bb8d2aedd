namespace RnnNotebooks.Tasks;

/// <summary>The real lengths of the token lists of a batch, refusing an empty batch or an empty sentence.</summary>
internal static class BatchLengths
{
    /// <summary>T_x^(j) of each of the m sentences.</summary>
    /// <param name="sentences">m token lists.</param>
    /// <exception cref="ArgumentException">There is no sentence, or sentence j has no tokens (named by its index).</exception>
    public static int[] Of(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            throw new ArgumentException("no sentences: a batch needs at least one.", nameof(sentences));
        }
        var lengths = new int[sentences.Count];
        for (int j = 0; j < lengths.Length; j++)
        {
            lengths[j] = sentences[j]?.Count ?? 0;
            if (lengths[j] == 0)
            {
                throw new ArgumentException($"sentence {j} has no tokens; every sentence needs at least one.", nameof(sentences));
            }
        }
        return lengths;
    }
}
