namespace RnnNotebooks.Data;

/// <summary>
/// The note's 'Harry' ... 'he' example as a toy task: tag each word of a sentence with 1 when it is a name, or a
/// pronoun ('he', 'she') that refers back to the name earlier in the sentence (same gender, later position),
/// and with 0 otherwise. The other words are random fillers. Where the name may stand is a parameter, so a
/// model can be trained on names early in the sentence and tested on names later (positions it never saw)
/// or on longer sentences (lengths it never saw).
/// </summary>
public static class NameTagging
{
    /// <summary>The padding token's id (<c>"&lt;pad&gt;"</c>), used after the end of a shorter sentence.</summary>
    public const int Pad = 0;

    /// <summary>The names that take "he".</summary>
    public static IReadOnlyList<string> MaleNames { get; } = ["harry", "ron", "neville", "draco"];

    /// <summary>The names that take "she".</summary>
    public static IReadOnlyList<string> FemaleNames { get; } = ["hermione", "ginny", "luna", "minerva"];

    private static readonly string[] Fillers =
        ["the", "a", "new", "old", "spell", "map", "owl", "castle", "found", "saw", "in", "with", "and", "then", "said", "book"];

    /// <summary>Every word, by id: "&lt;pad&gt;" (0), the names, "he", "she", then the fillers.</summary>
    public static IReadOnlyList<string> Words { get; } =
        ["<pad>", .. MaleNames, .. FemaleNames, "he", "she", .. Fillers];

    /// <summary>n_x: the number of words, padding included.</summary>
    public static int VocabularySize => Words.Count;

    private static int He => 1 + MaleNames.Count + FemaleNames.Count;

    /// <summary>
    /// <paramref name="count"/> sentences with one name each, at a position drawn from
    /// [<paramref name="firstNamePosition"/>, <paramref name="lastNamePosition"/>]; three in four also hold a
    /// pronoun of random gender at a random other position.
    /// </summary>
    /// <param name="count">How many sentences.</param>
    /// <param name="minLength">The shortest sentence, in words (at least 2).</param>
    /// <param name="maxLength">The longest sentence.</param>
    /// <param name="firstNamePosition">The earliest 1-based position of the name.</param>
    /// <param name="lastNamePosition">The latest 1-based position of the name (a shorter sentence caps it at its length).</param>
    /// <param name="seed">The seed: the same arguments give the same sentences.</param>
    public static IReadOnlyList<TaggedSentence> Generate(int count, int minLength, int maxLength, int firstNamePosition, int lastNamePosition, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (minLength < 2 || maxLength < minLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxLength), $"lengths {minLength}..{maxLength}: need 2 <= minLength <= maxLength.");
        }
        if (firstNamePosition < 1 || lastNamePosition < firstNamePosition || firstNamePosition > maxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(firstNamePosition),
                $"name positions {firstNamePosition}..{lastNamePosition}: need 1 <= first <= last and first <= maxLength = {maxLength}.");
        }
        var random = new Random(seed);
        var sentences = new TaggedSentence[count];
        for (int i = 0; i < count; i++)
        {
            int length = random.Next(Math.Max(minLength, firstNamePosition), maxLength + 1);
            int namePosition = random.Next(firstNamePosition, Math.Min(lastNamePosition, length) + 1);
            sentences[i] = Sentence(random, length, namePosition);
        }
        return sentences;
    }

    /// <summary>
    /// The sentences as an RNN batch: x padded with <see cref="Pad"/> to the longest, y one sigmoid target
    /// (n_y = 1) per step, masked (weight 0) after each sentence's end.
    /// </summary>
    public static (SequenceBatch X, SequenceTargets Y) ToRnnBatch(IReadOnlyList<TaggedSentence> sentences)
    {
        CheckNotEmpty(sentences);
        int tx = sentences.Max(s => s.Length), m = sentences.Count;
        var x = SequenceBatch.OneHotPadded(VocabularySize, sentences.Select(s => s.Tokens).ToArray(), Pad);
        var y = new Matrix[tx];
        for (int t = 1; t <= tx; t++)
        {
            y[t - 1] = new Matrix(1, m);
            for (int j = 0; j < m; j++)
            {
                y[t - 1][0, j] = t <= sentences[j].Length ? sentences[j].Tags[t - 1] : 0; // y<t> of sentence j
            }
        }
        var mask = SequenceTargets.Mask(sentences.Select(s => s.Length).ToArray(), tx);
        return (x, SequenceTargets.Dense(y, mask));
    }

    /// <summary>
    /// The sentences as a feed-forward batch of fixed width T: each padded or cut to T words and flattened to
    /// one (T n_x)-vector (<see cref="FixedWidth.OneHotColumns"/>), with the T tags as a (T, m) target.
    /// </summary>
    public static (Matrix X, Matrix Y) ToFeedForwardBatch(IReadOnlyList<TaggedSentence> sentences, int width)
    {
        CheckNotEmpty(sentences);
        var x = FixedWidth.OneHotColumns(sentences.Select(s => s.Tokens).ToArray(), width, VocabularySize, Pad);
        var y = FixedWidth.Columns(sentences.Select(s => s.Tags).ToArray(), width, 0);
        return (x, y);
    }

    private static TaggedSentence Sentence(Random random, int length, int namePosition)
    {
        var tokens = new int[length];
        var tags = new int[length];
        for (int t = 0; t < length; t++)
        {
            tokens[t] = Words.Count - Fillers.Length + random.Next(Fillers.Length);
        }
        bool male = random.Next(2) == 0;
        var names = male ? MaleNames : FemaleNames;
        tokens[namePosition - 1] = 1 + (male ? 0 : MaleNames.Count) + random.Next(names.Count);
        tags[namePosition - 1] = 1;
        int pronounPosition = 0;
        if (random.Next(4) != 0)
        {
            pronounPosition = random.Next(1, length);                  // any position but the name's
            pronounPosition += pronounPosition >= namePosition ? 1 : 0;
            bool he = random.Next(2) == 0;
            tokens[pronounPosition - 1] = he ? He : He + 1;
            tags[pronounPosition - 1] = pronounPosition > namePosition && he == male ? 1 : 0; // refers back to the name
        }
        return new TaggedSentence(tokens, tags, namePosition, pronounPosition);
    }

    private static void CheckNotEmpty(IReadOnlyList<TaggedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.Count == 0)
        {
            throw new ArgumentException("sentences is empty; a batch needs at least one sentence (m >= 1).", nameof(sentences));
        }
    }
}
