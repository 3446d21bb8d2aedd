using System.Security.Cryptography;
using RnnNotebooks.Shared;

namespace RnnNotebooks.Data;

/// <summary>
/// Finds real public datasets: first in the folder the environment variable RNNNOTEBOOKS_DATA names, then in a
/// per-user cache, else downloads them from their original address into that cache. Every file is checked
/// against its pinned SHA-256 before it is used.
/// </summary>
public sealed class DataFolder
{
    /// <summary>The environment variable that names a folder holding the datasets (CI sets it), or <see cref="Off"/>.</summary>
    public const string EnvironmentVariable = "RNNNOTEBOOKS_DATA";

    /// <summary>
    /// RNNNOTEBOOKS_DATA's value that switches real datasets off: nothing is looked up, read from the cache or downloaded,
    /// and notebooks use their bundled sets (a reader's offline run, or a test of the bundled path).
    /// </summary>
    public const string Off = "none";

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient { Timeout = TimeSpan.FromSeconds(60) });

    private readonly HttpClient http;

    /// <summary>A data folder with explicit places (tests use this).</summary>
    /// <param name="environmentFolder">The folder to look in first, or null for none.</param>
    /// <param name="cacheFolder">The cache to look in next and to download into.</param>
    /// <param name="http">The client for downloads.</param>
    public DataFolder(string? environmentFolder, string cacheFolder, HttpClient http)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheFolder);
        ArgumentNullException.ThrowIfNull(http);
        EnvironmentFolder = string.IsNullOrEmpty(environmentFolder) ? null : environmentFolder;
        CacheFolder = cacheFolder;
        this.http = http;
    }

    /// <summary>The folder RNNNOTEBOOKS_DATA names, or null.</summary>
    public string? EnvironmentFolder { get; }

    /// <summary>The per-user cache.</summary>
    public string CacheFolder { get; }

    /// <summary>True when RNNNOTEBOOKS_DATA is <see cref="Off"/>: no real dataset is found or downloaded.</summary>
    public bool IsOff => EnvironmentFolder == Off;

    /// <summary>The data folder of this user: RNNNOTEBOOKS_DATA, <see cref="DefaultCacheFolder"/>, a shared client.</summary>
    /// <param name="http">The client for downloads, or null for a shared one with a 60 s timeout.</param>
    public static DataFolder FromEnvironment(HttpClient? http = null) =>
        new(Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultCacheFolder(), http ?? SharedHttp.Value);

    /// <summary>
    /// The per-user cache: %LOCALAPPDATA%\rnnnotebooks on Windows; $XDG_CACHE_HOME/rnnnotebooks, else
    /// ~/.cache/rnnnotebooks, on Linux and macOS.
    /// </summary>
    public static string DefaultCacheFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "rnnnotebooks");
        }
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "rnnnotebooks");
    }

    /// <summary>The file of a dataset, found or downloaded, with its SHA-256 checked.</summary>
    /// <param name="source">The dataset.</param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="DataUnavailableException">Not found and not downloadable (offline, say).</exception>
    /// <exception cref="Sha256MismatchException">A file or a download that is not the pinned one.</exception>
    public async Task<DataFile> GetAsync(DataSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (IsOff)
        {
            throw new DataUnavailableException($"real datasets are switched off ({EnvironmentVariable}={Off}), so {source.Name} was not looked for");
        }
        if (await TryFindAsync(source, cancellationToken) is { } found)
        {
            return found;
        }
        string cached = PathIn(CacheFolder, source);
        await DownloadAsync(source, cached, cancellationToken);
        return new DataFile(cached, DataOrigin.Download);
    }

    /// <summary>
    /// The file of a dataset when it is on this machine already (in RNNNOTEBOOKS_DATA's folder or the cache, with its
    /// pinned SHA-256), without downloading it; null when it is in neither.
    /// </summary>
    /// <param name="source">The dataset.</param>
    /// <param name="cancellationToken">Cancels the hashing.</param>
    /// <exception cref="Sha256MismatchException">The file in RNNNOTEBOOKS_DATA's folder is not the pinned one.</exception>
    public async Task<DataFile?> TryFindAsync(DataSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (IsOff)
        {
            return null;
        }
        if (EnvironmentFolder is not null && File.Exists(PathIn(EnvironmentFolder, source)))
        {
            string path = PathIn(EnvironmentFolder, source);
            await CheckHashAsync(path, source, cancellationToken);
            return new DataFile(path, DataOrigin.EnvironmentFolder);
        }
        string cached = PathIn(CacheFolder, source);
        return File.Exists(cached) && await HashAsync(cached, source, cancellationToken) == source.Sha256
            ? new DataFile(cached, DataOrigin.Cache)
            : null;
    }

    private static string PathIn(string folder, DataSource source) =>
        Path.Combine([folder, .. source.RelativePath.Split('/')]);

    private async Task DownloadAsync(DataSource source, string target, CancellationToken cancellationToken)
    {
        await AtomicFile.ReplaceAsync(target, async temp =>
        {
            await CopyToFileAsync(source, temp, cancellationToken);
            await CheckHashAsync(temp, source, cancellationToken, what: source.Address.ToString()); // a file that fails its pin never lands
        });
    }

    private async Task CopyToFileAsync(DataSource source, string temp, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(source.Address, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var file = File.Create(temp);
            await response.Content.CopyToAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new DataUnavailableException(
                $"{source.Name} is not in {Where()} and could not be downloaded from {source.Address} ({e.Message})", e);
        }
    }

    private string Where() => EnvironmentFolder is null
        ? $"the cache {CacheFolder} ({EnvironmentVariable} is not set)"
        : $"{EnvironmentVariable}={EnvironmentFolder} or the cache {CacheFolder}";

    private static async Task CheckHashAsync(string path, DataSource source, CancellationToken cancellationToken, string? what = null)
    {
        string actual = await HashAsync(path, source, cancellationToken);
        if (actual != source.Sha256)
        {
            throw new Sha256MismatchException(what ?? path, source.Sha256, actual);
        }
    }

    /// <summary>The SHA-256 of the file's bytes, or of its records when the source has a <see cref="DataSource.Fingerprint"/>.</summary>
    private static async Task<string> HashAsync(string path, DataSource source, CancellationToken cancellationToken)
    {
        if (source.Fingerprint is { } fingerprint)
        {
            try
            {
                return fingerprint(path);
            }
            catch (InvalidDataException e)
            {
                return $"(none: unreadable, {e.Message})";
            }
        }
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
