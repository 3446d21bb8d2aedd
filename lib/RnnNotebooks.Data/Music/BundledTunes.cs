namespace RnnNotebooks.Data;

/// <summary>
/// The course's own tunes, data/music/*.abc in the repository (see its README): traditional melodies in the public
/// domain, transcribed in ABC for this project. Read with <see cref="AbcReader"/>, files in name order.
/// </summary>
public static class BundledTunes
{
    /// <summary>Every tune of every .abc file of the folder, files in ordinal name order.</summary>
    /// <param name="folder">The data/music folder, or null to find it above the running program.</param>
    public static IReadOnlyList<Melody> Load(string? folder = null)
    {
        folder ??= FindFolder();
        return Directory.GetFiles(folder, "*.abc").Order(StringComparer.Ordinal).SelectMany(AbcReader.Read).ToList();
    }

    /// <summary>data/music in the repository around <paramref name="start"/> (or the running program).</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above holds RnnNotebooks.sln.</exception>
    public static string FindFolder(string? start = null) =>
        Path.Combine(Path.GetDirectoryName(BundledNer.FindFolder(start))!, "music");
}
