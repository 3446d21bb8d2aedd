namespace RnnNotebooks.Tests;

/// <summary>A fresh folder under the system's temporary folder (made when first written to), deleted with everything in it on Dispose.</summary>
internal sealed class TemporaryFolder(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rnnnotebooks-{name}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
