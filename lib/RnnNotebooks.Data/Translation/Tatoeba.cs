namespace RnnNotebooks.Data;

/// <summary>
/// English-French sentence pairs from Tatoeba (tatoeba.org, CC BY 2.0 FR), as manythings.org/anki lists them: one pair a
/// line, <c>english TAB french TAB attribution</c>, the credit kept on every pair. Found through <see cref="DataFolder"/> as
/// <c>translation/eng-fra-tatoeba.txt</c>, the list's first 5,000 pairs (its shortest sentences); never part of the repository.
/// </summary>
public static class Tatoeba
{
    /// <summary>The longest sentence kept, in tokens (<see cref="SentenceTokens"/>), on either side: 10, as the PyTorch tutorial.</summary>
    public const int MaxTokens = 10;

    /// <summary>The file, its original address and its pinned SHA-256.</summary>
    public static DataSource Source { get; } = new(
        "Tatoeba English-French",
        "translation/eng-fra-tatoeba.txt",
        new Uri("https://www.manythings.org/anki/fra-eng.zip"),
        "d952b56a181da5270b7bb4ded3f3bbe61e67a9b1de0e0fbc1d46438c71fb55a7");

    /// <summary>The pairs, filtered to at most <see cref="MaxTokens"/> tokens a side and split by <see cref="Split"/>, and where the file was found.</summary>
    /// <param name="folder">Where to look, or null for <see cref="DataFolder.FromEnvironment"/>.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="DataUnavailableException">The file is not there and cannot be downloaded.</exception>
    public static async Task<(TranslationSplits Splits, DataFile File)> LoadAsync(DataFolder? folder = null, CancellationToken cancellationToken = default)
    {
        var file = await (folder ?? DataFolder.FromEnvironment()).GetAsync(Source, cancellationToken);
        var pairs = Read(file.Path).Where(p => SentenceTokens.Of(p.English).Count <= MaxTokens && SentenceTokens.Of(p.French).Count <= MaxTokens).ToList();
        return (Split(pairs), file);
    }

    /// <summary>Reads every line as <c>english TAB french TAB attribution</c>.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <exception cref="TranslationFormatException">A line has not three fields or an empty sentence (the message names file and line).</exception>
    public static IReadOnlyList<TranslationPair> Read(string path)
    {
        var pairs = new List<TranslationPair>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new TranslationFormatException(path, number, $"expected 'english<TAB>french<TAB>attribution' with both sentences non-empty; found {fields.Length} field(s).");
            }
            pairs.Add(new TranslationPair(fields[0].Trim(), fields[1].Trim(), fields[2].Trim()));
        }
        return pairs;
    }

    /// <summary>
    /// Splits by English sentence, never by pair: the distinct English sentences are shuffled with the seed, and every pair
    /// of the last <paramref name="testShare"/> of them is held out (with all its translations, the references BLEU uses).
    /// </summary>
    /// <param name="pairs">The pairs.</param>
    /// <param name="testShare">The share of English sentences held out.</param>
    /// <param name="seed">Random seed.</param>
    public static TranslationSplits Split(IReadOnlyList<TranslationPair> pairs, double testShare = 0.1, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var english = pairs.Select(p => p.English).Distinct().ToArray();
        new Random(seed).Shuffle(english);
        var held = english.Skip(english.Length - (int)Math.Round(english.Length * testShare)).ToHashSet();
        return new TranslationSplits(pairs.Where(p => !held.Contains(p.English)).ToList(), pairs.Where(p => held.Contains(p.English)).ToList());
    }
}
