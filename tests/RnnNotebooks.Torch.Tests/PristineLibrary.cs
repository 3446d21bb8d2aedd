using System.IO.Compression;
using System.Reflection;

namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// libLibTorchSharp.so exactly as TorchSharp ships it, read from the torchsharp .nupkg in the package folder: the
/// copies in bin/ and in the extracted package may already be patched by the loader.
/// </summary>
public static class PristineLibrary
{
    public const string Entry = "runtimes/linux-x64/native/libLibTorchSharp.so";

    private static readonly Lazy<byte[]> bytes = new(Read);

    public static string NuGetRoot =>
        typeof(PristineLibrary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NuGetPackageRoot").Value!;

    /// <summary>The torchsharp package version of the TorchSharp.dll the tests run against, e.g. "0.107.0".</summary>
    public static string Version => typeof(TorchSharp.torch).Assembly.GetName().Version!.ToString(3);

    public static string Package => Path.Combine(NuGetRoot, "torchsharp", Version, $"torchsharp.{Version}.nupkg");

    /// <summary>The file's bytes (a fresh copy each call).</summary>
    public static byte[] Bytes() => (byte[])bytes.Value.Clone();

    /// <summary>Writes the pristine library (or <paramref name="contents"/>) as libLibTorchSharp.so in <paramref name="directory"/>.</summary>
    public static string WriteTo(string directory, byte[]? contents = null)
    {
        string path = Path.Combine(directory, "libLibTorchSharp.so");
        File.WriteAllBytes(path, contents ?? Bytes());
        return path;
    }

    private static byte[] Read()
    {
        using var zip = ZipFile.OpenRead(Package);
        var entry = zip.GetEntry(Entry) ?? throw new InvalidOperationException($"{Package} has no {Entry}.");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
