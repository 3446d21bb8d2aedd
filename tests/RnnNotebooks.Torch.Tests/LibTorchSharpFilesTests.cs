using RnnNotebooks.TorchPatch;

namespace RnnNotebooks.Torch.Tests;

public sealed class LibTorchSharpFilesTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Packages => Path.Combine(temp.Path, "packages");

    [Fact]
    public void Every_torchsharp_version_gives_its_package_natives_and_its_consolidated_copies()
    {
        string v107 = temp.Touch("packages/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so");
        string cpu = temp.Touch("packages/torchsharp/0.107.0/lib/net8.0/cpu/libLibTorchSharp.so");
        string v106 = temp.Touch("packages/torchsharp/0.106.0/runtimes/linux-x64/native/libLibTorchSharp.so");
        temp.Touch("packages/torchsharp/0.107.0/runtimes/win-x64/native/LibTorchSharp.dll");
        temp.Touch("packages/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native/libtorch.so");

        var found = LibTorchSharpFiles.Find(Packages, []);

        Assert.Equal([v106, v107, cpu], found);
    }

    [Fact]
    public void An_app_folder_gives_its_runtimes_copy_its_own_and_its_cpu_copy_once_each()
    {
        string native = temp.Touch("bin/runtimes/linux-x64/native/libLibTorchSharp.so");
        string published = temp.Touch("bin/libLibTorchSharp.so");
        string cpu = temp.Touch("bin/cpu/libLibTorchSharp.so");
        string bin = Path.Combine(temp.Path, "bin");

        var found = LibTorchSharpFiles.Find(Packages, [bin, bin + "/", Path.Combine(temp.Path, "missing")]);

        Assert.Equal([published, native, cpu], found);
    }

    [Fact]
    public void A_packages_folder_without_torchsharp_gives_nothing()
    {
        temp.Touch("packages/other/1.0.0/runtimes/linux-x64/native/libLibTorchSharp.so");

        Assert.Empty(LibTorchSharpFiles.Find(Packages, []));
        Assert.Empty(LibTorchSharpFiles.Find(Path.Combine(temp.Path, "no-such-folder"), []));
    }
}
