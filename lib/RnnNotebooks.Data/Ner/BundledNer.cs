namespace RnnNotebooks.Data;

/// <summary>
/// The project's own named-entity set, data/ner in the repository (see its README): train.conll and
/// train.generated.conll (the output of <see cref="NerSentenceGenerator"/>) to train, dev.conll, test.conll.
/// </summary>
public static class BundledNer
{
    /// <summary>The hand-written training sentences.</summary>
    public const string TrainFile = "train.conll";

    /// <summary>The generated training sentences.</summary>
    public const string GeneratedTrainFile = "train.generated.conll";

    /// <summary>The development sentences.</summary>
    public const string DevFile = "dev.conll";

    /// <summary>The test sentences: hand-written, with no entity string that occurs in train or dev.</summary>
    public const string TestFile = "test.conll";

    /// <summary>The three splits, read with <see cref="ConllReader"/>.</summary>
    /// <param name="folder">The data/ner folder, or null to find it above the running program (<see cref="FindFolder"/>).</param>
    public static NerSplits Load(string? folder = null)
    {
        folder ??= FindFolder();
        return new NerSplits(
            [.. Read(folder, TrainFile), .. Read(folder, GeneratedTrainFile)],
            Read(folder, DevFile),
            Read(folder, TestFile));
    }

    /// <summary>
    /// data/ner in the repository: walks up from <paramref name="start"/> to the folder that holds RnnNotebooks.sln.
    /// </summary>
    /// <param name="start">Where to start, or null for the running program's folder, then the current folder.</param>
    /// <exception cref="DirectoryNotFoundException">No folder above holds RnnNotebooks.sln.</exception>
    public static string FindFolder(string? start = null)
    {
        foreach (string from in start is null ? [AppContext.BaseDirectory, Environment.CurrentDirectory] : new[] { start })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RnnNotebooks.sln")))
                {
                    return Path.Combine(dir.FullName, "data", "ner");
                }
            }
        }
        throw new DirectoryNotFoundException($"no folder above {start ?? AppContext.BaseDirectory} holds RnnNotebooks.sln: pass data/ner's path.");
    }

    private static IReadOnlyList<NerDocument> Read(string folder, string file) => ConllReader.Read(Path.Combine(folder, file));
}
