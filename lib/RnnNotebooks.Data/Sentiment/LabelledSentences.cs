using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// UCI "Sentiment Labelled Sentences" (Kotzias et al. 2015, CC BY 4.0): 1,000 review sentences from each of three
/// sites, Amazon (phones and accessories), IMDb (films) and Yelp (restaurants), half positive. Read in either form:
/// <list type="bullet">
/// <item>the original distribution, <c>sentiment labelled sentences.zip</c> from UCI (dataset 331), which holds
/// <c>amazon_cells_labelled.txt</c>, <c>imdb_labelled.txt</c>, <c>yelp_labelled.txt</c> of <c>sentence&lt;TAB&gt;0|1</c> lines
/// (<see cref="SentimentTsv"/>); its pin is the SHA-256 of the parsed records (<see cref="Fingerprint"/>), not of the
/// zip's bytes;</item>
/// <item>the JSON form, <c>sentiment/{amazon,imdb,yelp}.json</c>, arrays of <c>{"text", "class"}</c> (<see cref="SentimentJson"/>),
/// each file pinned by its bytes.</item>
/// </list>
/// Records without a text or a label are skipped and reported with their file and position. Never part of the repository.
/// </summary>
public static class LabelledSentences
{
    /// <summary>The three sites, in the order the sets come back: amazon, imdb, yelp.</summary>
    public static IReadOnlyList<string> Sites { get; } = ["amazon", "imdb", "yelp"];

    /// <summary>The file of each site in the original zip.</summary>
    public static IReadOnlyDictionary<string, string> ZipEntries { get; } = new Dictionary<string, string>
    {
        ["amazon"] = "amazon_cells_labelled.txt",
        ["imdb"] = "imdb_labelled.txt",
        ["yelp"] = "yelp_labelled.txt",
    };

    /// <summary>The dataset, its authors, licence and source, as the notebooks print it beside results computed from it.</summary>
    public const string Credit = "UCI Sentiment Labelled Sentences (Kotzias et al. 2015, CC BY 4.0; archive.ics.uci.edu dataset 331)";

    /// <summary>
    /// The original zip: its address at UCI and the SHA-256 of its parsed records (<see cref="Fingerprint"/>). The pin was
    /// computed from the JSON form's records (the same sentences); a test checks that the JSON form gives this value.
    /// </summary>
    public static DataSource ZipSource { get; } = new(
        "UCI sentiment labelled sentences",
        "sentiment/sentiment labelled sentences.zip",
        new Uri("https://archive.ics.uci.edu/static/public/331/sentiment+labelled+sentences.zip"),
        "9ed526596bec286e22f10116429d99f013d2f790e7eb656a5bb0eeec96211b35")
    {
        Fingerprint = path => Fingerprint(ReadZip(path)),
    };

    /// <summary>The JSON file of each site, pinned by its bytes. Its address is the original zip's: only the zip is downloaded.</summary>
    public static IReadOnlyList<DataSource> JsonSources { get; } =
    [
        Json("amazon", "bc5eb0cac49fc45987301f1dc2d02cf5ca356ba6c882be179dce77d74e666ed9"),
        Json("imdb", "44a7b9082ed732ee2de3c858ea5ee2e99aca34f239a1c4359d3a300bf099bdb5"),
        Json("yelp", "9f3f47983f21eeb819380767b74bfa648eca208f156241111454b3e122773ff7"),
    ];

    /// <summary>
    /// The three sites: the JSON form when all three files are on this machine (RNNNOTEBOOKS_DATA's folder or the cache),
    /// else the zip, found or downloaded from UCI and checked against the SHA-256 of its records.
    /// </summary>
    /// <param name="folder">Where to look, or null for <see cref="DataFolder.FromEnvironment"/>.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <returns>One set per site (amazon, imdb, yelp), and the files read.</returns>
    /// <exception cref="DataUnavailableException">Neither form is there and the zip cannot be downloaded, or a file is not the pinned one.</exception>
    public static async Task<(IReadOnlyList<SentimentSet> Sites, IReadOnlyList<DataFile> Files)> LoadAsync(
        DataFolder? folder = null, CancellationToken cancellationToken = default)
    {
        folder ??= DataFolder.FromEnvironment();
        var json = new List<DataFile>();
        foreach (var source in JsonSources)
        {
            if (await folder.TryFindAsync(source, cancellationToken) is { } file)
            {
                json.Add(file);
            }
        }
        if (json.Count == JsonSources.Count)
        {
            return (json.Select((f, i) => SentimentJson.Read(f.Path, Sites[i])).ToList(), json);
        }
        var zip = await folder.GetAsync(ZipSource, cancellationToken);
        return (ReadZip(zip.Path), [zip]);
    }

    /// <summary>The three sites from the original zip (entries found by file name in any folder, macOS "._" copies ignored).</summary>
    /// <param name="path">The zip.</param>
    /// <exception cref="InvalidDataException">Not a zip, or a site's file is missing from it (the message names it).</exception>
    public static IReadOnlyList<SentimentSet> ReadZip(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        return Sites.Select(site => ReadEntry(archive, path, site)).ToList();
    }

    /// <summary>
    /// The SHA-256 of the records of the three sites, the same for either form: over the UTF-8 lines
    /// <c>site&lt;TAB&gt;text&lt;TAB&gt;label\n</c> of every kept record (text trimmed) in file order, sites in the order given.
    /// </summary>
    /// <param name="sites">The sets, e.g. from <see cref="ReadZip"/>.</param>
    public static string Fingerprint(IEnumerable<SentimentSet> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var text = new StringBuilder();
        foreach (var site in sites)
        {
            foreach (var e in site.Examples)
            {
                text.Append(site.Name).Append('\t').Append(e.Text).Append('\t').Append(e.Label).Append('\n');
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static SentimentSet ReadEntry(ZipArchive archive, string path, string site)
    {
        string name = ZipEntries[site];
        var entry = archive.Entries.FirstOrDefault(e => e.Name == name && !e.FullName.StartsWith("__MACOSX", StringComparison.Ordinal))
            ?? throw new InvalidDataException($"{path}: no entry named {name} (the {site} sentences) in the zip.");
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return SentimentTsv.Read(reader, name, site);
    }

    private static DataSource Json(string site, string sha256) =>
        new($"UCI sentiment labelled sentences ({site}, JSON)", $"sentiment/{site}.json",
            new Uri("https://archive.ics.uci.edu/static/public/331/sentiment+labelled+sentences.zip"), sha256);
}
