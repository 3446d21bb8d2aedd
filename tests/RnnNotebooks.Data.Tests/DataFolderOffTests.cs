namespace RnnNotebooks.Data.Tests;

/// <summary>RNNNOTEBOOKS_DATA=none: real datasets switched off, as in an offline reader's run of the bundled path.</summary>
public sealed class DataFolderOffTests
{
    private static readonly DataSource Source = new("a test set", "sets/test.txt", new Uri("http://127.0.0.1:9/never"),
        "0000000000000000000000000000000000000000000000000000000000000000");

    [Fact]
    public async Task Off_finds_nothing_even_in_the_cache_and_never_downloads()
    {
        var cache = TestFolders.New("rnnbook-cache-").FullName;
        Directory.CreateDirectory(Path.Combine(cache, "sets"));
        File.WriteAllText(Path.Combine(cache, "sets", "test.txt"), "cached");
        using var http = new HttpClient(new RefusingHandler());
        var folder = new DataFolder(DataFolder.Off, cache, http);

        Assert.True(folder.IsOff);
        Assert.Null(await folder.TryFindAsync(Source));
        var e = await Assert.ThrowsAsync<DataUnavailableException>(() => folder.GetAsync(Source));
        Assert.Equal("real datasets are switched off (RNNNOTEBOOKS_DATA=none), so a test set was not looked for", e.Reason);
    }

    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"no download may happen with real data off, but {request.RequestUri} was asked for");
    }
}
