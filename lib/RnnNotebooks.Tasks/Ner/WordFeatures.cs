namespace RnnNotebooks.Tasks;

/// <summary>
/// What the form of a token says, for a word the vocabulary does not know: the fixed features f&lt;t&gt; (0 or 1, not
/// learned) and the suffix key whose learned vector the tagger appends to E[word&lt;t&gt;].
/// <code>
/// f&lt;t&gt; = [onehot(capitalisation pattern) (5); has digit; has hyphen; has period; first in sentence]   (n_f = 9)
/// </code>
/// Why these: in English a name is capitalised, and the one capitalised word that is not a name is the first of the
/// sentence ("Yesterday"), so the pattern with "first in sentence" carries most of what an unseen word's form tells;
/// digits and hyphens or periods mark dates, numbers and abbreviations ("U.S.", "Jr."). The last
/// <see cref="SuffixLength"/> letters (lower case) carry the rest: "-ese", "-ian", "-ish" are nationalities and
/// languages (MISC), "-ton", "-burg", "-ia" places, "-son" surnames, "Inc"/"Ltd"/"Corp" companies. A suffix table costs
/// one more gather per token, where a character-level encoder would run a second RNN over every word and take most of
/// the notebook's time budget for a few points of F1.
/// </summary>
public static class WordFeatures
{
    /// <summary>n_f, the number of fixed features: 5 for the pattern, then digit, hyphen, period, first.</summary>
    public const int Count = 9;

    /// <summary>How many letters a suffix key keeps (fewer when the word is shorter).</summary>
    public const int SuffixLength = 3;

    /// <summary>The capitalisation pattern of a token.</summary>
    /// <param name="word">A token as written.</param>
    public static CapitalisationPattern Pattern(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        int letters = 0, upper = 0, upperInside = 0;
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]))
            {
                letters++;
                bool isUpper = char.IsUpper(word[i]);
                upper += isUpper ? 1 : 0;
                upperInside += isUpper && i > 0 && char.IsLetter(word[i - 1]) ? 1 : 0; // "McDonald": D follows a letter
            }
        }
        bool startsUpper = word.FirstOrDefault(char.IsLetter) is char first && char.IsUpper(first);
        return (letters, upper) switch
        {
            (0, _) => CapitalisationPattern.NoLetters,
            (_, 0) => CapitalisationPattern.Lower,
            _ when upper == letters && letters >= 2 => CapitalisationPattern.AllCaps,
            _ when startsUpper && upperInside == 0 => CapitalisationPattern.Initial,
            _ => CapitalisationPattern.Mixed,
        };
    }

    /// <summary>Writes f&lt;t&gt; of the token at <paramref name="position"/> into <paramref name="f"/> (length <see cref="Count"/>).</summary>
    /// <param name="word">The token as written.</param>
    /// <param name="position">Its 0-based position in the sentence (0: first).</param>
    /// <param name="f">n_f values, overwritten with 0s and 1s.</param>
    public static void Write(string word, int position, Span<double> f)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (f.Length != Count)
        {
            throw new ArgumentException($"f has {f.Length} values; the word-form features are n_f = {Count}.", nameof(f));
        }
        f.Clear();
        f[(int)Pattern(word)] = 1;
        f[5] = word.Any(char.IsDigit) ? 1 : 0;
        f[6] = word.Contains('-') ? 1 : 0;
        f[7] = word.Contains('.') ? 1 : 0;
        f[8] = position == 0 ? 1 : 0;
    }

    /// <summary>f&lt;t&gt; as a new array (for display and tests).</summary>
    /// <param name="word">The token as written.</param>
    /// <param name="position">Its 0-based position in the sentence.</param>
    public static double[] Of(string word, int position)
    {
        var f = new double[Count];
        Write(word, position, f);
        return f;
    }

    /// <summary>The suffix key: the last <see cref="SuffixLength"/> characters of the normalised word (<see cref="WordVocabulary.Normalize"/>).</summary>
    /// <param name="word">The token as written.</param>
    public static string Suffix(string word)
    {
        string key = WordVocabulary.Normalize(word);
        return key.Length <= SuffixLength ? key : key[^SuffixLength..];
    }
}
