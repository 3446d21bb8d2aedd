using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

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

    /// <summary>How many pairs the course reads: the first 5,000 lines of the list (its shortest sentences).</summary>
    public const int PairCount = 5000;

    /// <summary>The dataset, its authors, licence and source, as the notebooks print it beside results computed from it (each pair also carries its own credit line).</summary>
    public const string Credit = "Tatoeba English-French pairs (tatoeba.org contributors, CC BY 2.0 FR; via manythings.org/anki)";

    /// <summary>The SHA-256 of the course's pairs: of the UTF-8 bytes of the list's first <see cref="PairCount"/> lines, each ending in '\n'.</summary>
    public const string PairsSha256 = "d952b56a181da5270b7bb4ded3f3bbe61e67a9b1de0e0fbc1d46438c71fb55a7";

    /// <summary>The extracted pairs (<c>translation/eng-fra-tatoeba.txt</c>), pinned by its bytes; only looked for, never downloaded.</summary>
    public static DataSource Source { get; } = new(
        "Tatoeba English-French",
        "translation/eng-fra-tatoeba.txt",
        new Uri("https://www.manythings.org/anki/fra-eng.zip"),
        PairsSha256);

    /// <summary>
    /// The original download, manythings.org's <c>fra-eng.zip</c> holding <c>fra.txt</c>, pinned by its first
    /// <see cref="PairCount"/> lines (<see cref="PairsSha256"/>): the list grows as Tatoeba does, so the zip's own bytes
    /// change while the shortest pairs at its head are the ones the course reads.
    /// </summary>
    public static DataSource ZipSource { get; } = new(
        "Tatoeba English-French (manythings.org zip)",
        "translation/fra-eng.zip",
        new Uri("https://www.manythings.org/anki/fra-eng.zip"),
        PairsSha256)
    {
        Fingerprint = path => Sha256Of(HeadOfZip(path)),
    };

    /// <summary>The pairs, filtered to at most <see cref="MaxTokens"/> tokens a side and split by <see cref="Split"/>, and where the file was found.</summary>
    /// <param name="folder">Where to look, or null for <see cref="DataFolder.FromEnvironment"/>.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="DataUnavailableException">The file is not there and cannot be downloaded.</exception>
    public static async Task<(TranslationSplits Splits, DataFile File)> LoadAsync(DataFolder? folder = null, CancellationToken cancellationToken = default)
    {
        folder ??= DataFolder.FromEnvironment();
        DataFile file;
        IReadOnlyList<TranslationPair> all;
        if (await folder.TryFindAsync(Source, cancellationToken) is { } extracted)
        {
            (file, all) = (extracted, Read(extracted.Path));
        }
        else
        {
            file = await folder.GetAsync(ZipSource, cancellationToken);
            all = Parse(HeadOfZip(file.Path), file.Path + "!fra.txt");
        }
        var pairs = all.Where(p => SentenceTokens.Of(p.English).Count <= MaxTokens && SentenceTokens.Of(p.French).Count <= MaxTokens).ToList();
        return (Split(pairs), file);
    }

    /// <summary>Reads every line as <c>english TAB french TAB attribution</c>.</summary>
    /// <param name="path">The file (UTF-8).</param>
    /// <exception cref="DataFormatException">A line has not three fields or an empty sentence (the message names file and line).</exception>
    public static IReadOnlyList<TranslationPair> Read(string path) => Parse(File.ReadLines(path), path);

    /// <summary>The first <see cref="PairCount"/> lines of <c>fra.txt</c> in manythings.org's zip.</summary>
    /// <param name="path">The zip.</param>
    /// <exception cref="InvalidDataException">Not a zip, or no <c>fra.txt</c> in it (the message names the file).</exception>
    public static IReadOnlyList<string> HeadOfZip(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entry = archive.Entries.FirstOrDefault(e => e.Name == "fra.txt")
            ?? throw new InvalidDataException($"{path}: no fra.txt in the zip (manythings.org's fra-eng.zip holds the pairs in fra.txt).");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        var lines = new List<string>(PairCount);
        while (lines.Count < PairCount && reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>The SHA-256 of lines as a file holds them: UTF-8, each line ending in '\n'.</summary>
    public static string Sha256Of(IEnumerable<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n")))));

    private static IReadOnlyList<TranslationPair> Parse(IEnumerable<string> lines, string path)
    {
        var pairs = new List<TranslationPair>();
        int number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = line.Split('\t');
            if (fields.Length != 3 || fields[0].Trim().Length == 0 || fields[1].Trim().Length == 0)
            {
                throw new DataFormatException(path, number, $"expected 'english<TAB>french<TAB>attribution' with both sentences non-empty; found {fields.Length} field(s).");
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
