namespace RnnNotebooks.Torch.Tests;

/// <summary>A fresh directory under the system temp folder, deleted with everything in it on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rnn-torch-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Creates an empty file (and its directories) at a path relative to this directory; returns its full path.</summary>
    public string Touch(string relative)
    {
        string full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, []);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
