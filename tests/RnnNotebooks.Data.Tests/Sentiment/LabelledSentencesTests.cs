using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using RnnNotebooks.Data;
using RnnNotebooks.Data.Tests.Ner;

namespace RnnNotebooks.Data.Tests.Sentiment;

public sealed class LabelledSentencesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), $"labelled-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A zip of the original's form: a folder with the three files (and a macOS "._" copy to ignore).</summary>
    private static byte[] SmallZip(string amazon = "So there is no way to plug it in.\t0\nGood case, Excellent value.\t1\n")
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "__MACOSX/sentiment labelled sentences/._amazon_cells_labelled.txt", "\0\0junk");
            Add(zip, "sentiment labelled sentences/amazon_cells_labelled.txt", amazon);
            Add(zip, "sentiment labelled sentences/imdb_labelled.txt", "A very, very slow-moving, aimless movie.  \t0\n\t\nThe best scene.\t1\n");
            Add(zip, "sentiment labelled sentences/yelp_labelled.txt", "Wow... Loved this place.\t1\nCrust is not good.\t0\nNo label\n");
            Add(zip, "sentiment labelled sentences/readme.txt", "Sentiment Labelled Sentences Data Set");
        }
        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private string WriteZip(byte[] bytes)
    {
        Directory.CreateDirectory(root);
        string path = Path.Combine(root, "sentiment labelled sentences.zip");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void The_original_zip_gives_the_three_sites_in_order_with_bad_lines_reported_by_file_and_line()
    {
        var sites = LabelledSentences.ReadZip(WriteZip(SmallZip()));

        Assert.Equal(["amazon", "imdb", "yelp"], sites.Select(s => s.Name));
        Assert.Equal([2, 2, 2], sites.Select(s => s.Examples.Count));
        Assert.Equal(new SentimentExample("A very, very slow-moving, aimless movie.", 0), sites[1].Examples[0]);
        Assert.Equal(["imdb_labelled.txt line 2: no text and no label", "yelp_labelled.txt line 3: no label"],
            sites.SelectMany(s => s.Skipped).Select(s => s.ToString()));
    }

    [Fact]
    public void A_zip_without_a_site_s_file_names_the_missing_file()
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "amazon_cells_labelled.txt", "Good.\t1\n");
        }

        var e = Assert.Throws<InvalidDataException>(() => LabelledSentences.ReadZip(WriteZip(memory.ToArray())));

        Assert.Contains("imdb_labelled.txt", e.Message);
    }

    [Fact]
    public async Task A_downloaded_zip_is_checked_by_the_sha256_of_its_records_not_of_its_bytes()
    {
        byte[] zip = SmallZip();
        string records = LabelledSentences.Fingerprint(LabelledSentences.ReadZip(WriteZip(zip)));
        var source = LabelledSentences.ZipSource with { Sha256 = records };
        var cache = Path.Combine(root, "cache");

        var file = await new DataFolder(null, cache, new HttpClient(new ServedBytes(zip))).GetAsync(source);
        var again = await new DataFolder(null, cache, new HttpClient(new ServedBytes(null))).GetAsync(source);

        Assert.Equal(DataOrigin.Download, file.Origin);
        Assert.Equal(DataOrigin.Cache, again.Origin);
        Assert.NotEqual(records, Convert.ToHexStringLower(SHA256.HashData(zip)));
        var other = SmallZip(amazon: "Good case, Excellent value.\t0\n");
        var e = await Assert.ThrowsAsync<Sha256MismatchException>(() =>
            new DataFolder(null, Path.Combine(root, "other"), new HttpClient(new ServedBytes(other))).GetAsync(source));
        Assert.Equal(records, e.Expected);
        var corrupt = await Assert.ThrowsAsync<Sha256MismatchException>(() =>
            new DataFolder(null, Path.Combine(root, "corrupt"), new HttpClient(new ServedBytes([1, 2, 3]))).GetAsync(source));
        Assert.Contains("unreadable", corrupt.Actual);
    }

    [Fact]
    public async Task Without_the_json_files_the_zip_is_used_and_offline_the_reason_names_uci()
    {
        var offline = new DataFolder(Path.Combine(root, "empty"), Path.Combine(root, "cache"), new HttpClient(new ServedBytes(null)));

        var e = await Assert.ThrowsAsync<DataUnavailableException>(() => LabelledSentences.LoadAsync(offline));

        Assert.Contains("could not be downloaded from https://archive.ics.uci.edu/", e.Reason);
    }

    [RealDataFact("sentiment/amazon.json")]
    public async Task The_real_json_files_hold_1000_sentences_per_site_and_one_empty_record_each_at_index_1000()
    {
        var (sites, files) = await LabelledSentences.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));

        Assert.All(files, f => Assert.Equal(DataOrigin.EnvironmentFolder, f.Origin));
        Assert.Equal([1000, 1000, 1000], sites.Select(s => s.Examples.Count));
        Assert.Equal([500, 500, 500], sites.Select(s => s.Positives));
        Assert.Equal(["amazon.json record 1000: no text and no label", "imdb.json record 1000: no text and no label",
            "yelp.json record 1000: no text and no label"], sites.SelectMany(s => s.Skipped).Select(s => s.ToString()));
    }

    [RealDataFact("sentiment/amazon.json")]
    public async Task The_records_of_the_json_form_have_the_sha256_pinned_for_the_original_zip()
    {
        var (sites, _) = await LabelledSentences.LoadAsync(DataFolder.FromEnvironment(new HttpClient(new ServedBytes(null))));

        Assert.Equal(LabelledSentences.ZipSource.Sha256, LabelledSentences.Fingerprint(sites));
    }
}
