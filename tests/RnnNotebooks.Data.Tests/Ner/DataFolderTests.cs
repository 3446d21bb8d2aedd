using System.Security.Cryptography;
using System.Text;
using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

public sealed class DataFolderTests : IDisposable
{
    private static readonly byte[] Bytes = Encoding.UTF8.GetBytes("Paris B-LOC\n\n");

    private static readonly DataSource Source = new("tiny", "ner/tiny.conll",
        new Uri("https://example.org/tiny.conll"), Convert.ToHexStringLower(SHA256.HashData(Bytes)));

    private readonly string root = Path.Combine(Path.GetTempPath(), $"datafolder-{Guid.NewGuid():N}");

    private string Cache => Path.Combine(root, "cache");

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private DataFolder Folder(ServedBytes server, string? environmentFolder = null) =>
        new(environmentFolder, Cache, new HttpClient(server));

    [Fact]
    public async Task A_download_with_the_pinned_hash_lands_in_the_cache_and_is_found_there_next_time()
    {
        var server = new ServedBytes(Bytes);

        var first = await Folder(server).GetAsync(Source);
        var second = await Folder(server).GetAsync(Source);

        Assert.Equal(new DataFile(Path.Combine(Cache, "ner", "tiny.conll"), DataOrigin.Download), first);
        Assert.Equal(first with { Origin = DataOrigin.Cache }, second);
        Assert.Equal(Bytes, File.ReadAllBytes(first.Path));
        Assert.Equal(1, server.Requests);
        Assert.Equal(["tiny.conll"], Directory.GetFiles(Path.Combine(Cache, "ner")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_download_with_another_hash_is_deleted_and_named_with_both_hashes()
    {
        var wrong = Encoding.UTF8.GetBytes("Paris B-PER\n\n");

        var e = await Assert.ThrowsAsync<Sha256MismatchException>(() => Folder(new ServedBytes(wrong)).GetAsync(Source));

        Assert.Contains(Source.Sha256, e.Message);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(wrong)), e.Message);
        Assert.Contains("https://example.org/tiny.conll", e.Message);
        Assert.Empty(Directory.GetFiles(Path.Combine(Cache, "ner")));
    }

    [Fact]
    public async Task Offline_without_a_copy_says_why_in_one_clause()
    {
        var e = await Assert.ThrowsAsync<DataUnavailableException>(() => Folder(new ServedBytes(null)).GetAsync(Source));

        Assert.StartsWith("tiny is not in the cache", e.Reason);
        Assert.Contains("could not be downloaded from https://example.org/tiny.conll", e.Reason);
        Assert.DoesNotContain('\n', e.Reason);
    }

    [Fact]
    public async Task The_environment_folder_comes_first_and_a_wrong_file_there_is_refused()
    {
        string data = Path.Combine(root, "data");
        Directory.CreateDirectory(Path.Combine(data, "ner"));
        string path = Path.Combine(data, "ner", "tiny.conll");
        File.WriteAllBytes(path, Bytes);
        var server = new ServedBytes(Bytes);

        Assert.Equal(new DataFile(path, DataOrigin.EnvironmentFolder), await Folder(server, data).GetAsync(Source));
        File.WriteAllText(path, "changed O\n");
        await Assert.ThrowsAsync<Sha256MismatchException>(() => Folder(server, data).GetAsync(Source));
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task A_corrupt_cached_copy_is_downloaded_again()
    {
        Directory.CreateDirectory(Path.Combine(Cache, "ner"));
        File.WriteAllText(Path.Combine(Cache, "ner", "tiny.conll"), "truncated");
        var server = new ServedBytes(Bytes);

        var file = await Folder(server).GetAsync(Source);

        Assert.Equal(DataOrigin.Download, file.Origin);
        Assert.Equal(Bytes, File.ReadAllBytes(file.Path));
    }

    [Fact]
    public async Task Try_find_finds_a_copy_on_disk_but_never_downloads()
    {
        var server = new ServedBytes(Bytes);

        Assert.Null(await Folder(server).TryFindAsync(Source));
        Directory.CreateDirectory(Path.Combine(Cache, "ner"));
        File.WriteAllBytes(Path.Combine(Cache, "ner", "tiny.conll"), Bytes);

        Assert.Equal(new DataFile(Path.Combine(Cache, "ner", "tiny.conll"), DataOrigin.Cache), await Folder(server).TryFindAsync(Source));
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public void The_default_cache_follows_the_platform_rules()
    {
        string cache = DataFolder.DefaultCacheFolder();

        Assert.Equal("rnnnotebooks", Path.GetFileName(cache));
        if (!OperatingSystem.IsWindows() && Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is not { Length: > 0 })
        {
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rnnnotebooks"), cache);
        }
    }
}
