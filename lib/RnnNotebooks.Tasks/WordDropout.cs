namespace RnnNotebooks.Tasks;

/// <summary>Word dropout for training: each word id is read as &lt;unk&gt; with probability p, so &lt;unk&gt; learns what an unseen word does.</summary>
internal static class WordDropout
{
    /// <summary>The map of ids: <see cref="WordVocabulary.UnknownId"/> with probability p; null for p = 0.</summary>
    /// <param name="p">The probability, in [0, 1).</param>
    /// <param name="random">Draws it; needed when p &gt; 0.</param>
    /// <exception cref="ArgumentException">p is outside [0, 1), or p &gt; 0 without a Random.</exception>
    public static Func<int, int>? Of(double p, Random? random)
    {
        if (p == 0)
        {
            return null;
        }
        if (p is < 0 or >= 1 || random is null)
        {
            throw new ArgumentException($"word dropout {p} needs a probability in [0, 1) and a Random to draw it (random is {(random is null ? "null" : "set")}).", nameof(p));
        }
        return id => random.NextDouble() < p ? WordVocabulary.UnknownId : id;
    }
}
