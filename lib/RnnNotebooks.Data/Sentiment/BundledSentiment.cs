namespace RnnNotebooks.Data;

/// <summary>
/// The project's own sentiment set, data/sentiment in the repository (see its README): train.tsv, dev.tsv and test.tsv,
/// written by <see cref="SentimentReviewGenerator"/>, lines of <c>sentence&lt;TAB&gt;label&lt;TAB&gt;kind</c>.
/// </summary>
public static class BundledSentiment
{
    /// <summary>The file names of the three splits.</summary>
    public static IReadOnlyList<string> Files { get; } = ["train.tsv", "dev.tsv", "test.tsv"];

    /// <summary>The three splits.</summary>
    /// <param name="folder">The data/sentiment folder, or null to find it above the running program.</param>
    /// <exception cref="InvalidDataException">A line of a file has no text or no label (the message names file and line).</exception>
    public static SentimentSplits Load(string? folder = null)
    {
        folder ??= FindFolder();
        var sets = Files.Select(f => SentimentTsv.Read(Path.Combine(folder, f))).ToList();
        if (sets.SelectMany(s => s.Skipped).FirstOrDefault() is { } bad)
        {
            throw new InvalidDataException($"{Path.Combine(folder, bad.File)} line {bad.Position}: {bad.Reason}; the bundled files have none.");
        }
        return new SentimentSplits(sets[0].Examples, sets[1].Examples, sets[2].Examples);
    }

    /// <summary>Writes the splits of <see cref="SentimentReviewGenerator.Generate"/> into a folder, as the committed files are made.</summary>
    /// <param name="folder">The folder (made when missing).</param>
    /// <param name="splits">The splits.</param>
    public static void Write(string folder, SentimentSplits splits)
    {
        ArgumentNullException.ThrowIfNull(splits);
        Directory.CreateDirectory(folder);
        SentimentTsv.Write(Path.Combine(folder, Files[0]), splits.Train);
        SentimentTsv.Write(Path.Combine(folder, Files[1]), splits.Dev);
        SentimentTsv.Write(Path.Combine(folder, Files[2]), splits.Test);
    }

    /// <summary>data/sentiment in the repository: walks up from <paramref name="start"/> to the folder that holds RnnNotebooks.sln.</summary>
    /// <param name="start">Where to start, or null for the running program's folder, then the current folder.</param>
    /// <exception cref="DirectoryNotFoundException">No folder above holds RnnNotebooks.sln.</exception>
    public static string FindFolder(string? start = null) =>
        Path.Combine(Path.GetDirectoryName(BundledNer.FindFolder(start))!, "sentiment");
}
