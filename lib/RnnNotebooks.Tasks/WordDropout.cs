namespace RnnNotebooks.Tasks;

/// <summary>
/// Word dropout for training: each word id is read as &lt;unk&gt; with probability p, so &lt;unk&gt; learns what an unseen word does.
/// Words seen only once in training (singletons) may have a probability of their own (Lample et al. 2016 replace each
/// singleton by &lt;unk&gt; with probability 0.5 and keep every other word): a singleton keeps its own vector, which helps
/// when it comes back at test time, and still trains &lt;unk&gt; on the rare words an unseen word resembles.
/// </summary>
internal static class WordDropout
{
    /// <summary>
    /// The map of ids: <see cref="WordVocabulary.UnknownId"/> with probability <paramref name="p"/>, or
    /// <paramref name="pSingleton"/> for an id in <paramref name="singletons"/>; null when nothing is ever dropped.
    /// One draw per word whatever its probability, so the same seed draws the same sequence with or without singletons.
    /// </summary>
    /// <param name="p">The probability for every word, in [0, 1).</param>
    /// <param name="random">Draws it; needed when a probability is above 0.</param>
    /// <param name="singletons">The ids of the words seen once in training; null or empty for none.</param>
    /// <param name="pSingleton">The probability for a singleton (in place of <paramref name="p"/>), in [0, 1).</param>
    /// <exception cref="ArgumentException">A probability is outside [0, 1), or one is above 0 without a Random.</exception>
    public static Func<int, int>? Of(double p, Random? random, IReadOnlySet<int>? singletons = null, double pSingleton = 0)
    {
        Check(p, nameof(p));
        Check(pSingleton, nameof(pSingleton));
        bool bySingleton = singletons is { Count: > 0 } && pSingleton != p;
        if (p == 0 && !(bySingleton && pSingleton > 0))
        {
            return null;
        }
        if (random is null)
        {
            throw new ArgumentException($"word dropout {p} (singletons {pSingleton}) needs a Random to draw it (random is null).", nameof(random));
        }
        return bySingleton
            ? id => random.NextDouble() < (singletons!.Contains(id) ? pSingleton : p) ? WordVocabulary.UnknownId : id
            : id => random.NextDouble() < p ? WordVocabulary.UnknownId : id;
    }

    private static void Check(double p, string name)
    {
        if (p is < 0 or >= 1 || double.IsNaN(p))
        {
            throw new ArgumentException($"word dropout {name} = {p} is not a probability in [0, 1).", name);
        }
    }
}
