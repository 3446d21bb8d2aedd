namespace RnnNotebooks.Torch.Tests;

public sealed class LibTorchSharpLocatorTests : IDisposable
{
    private const string Version = "0.107.0";
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string GlobalPackages => Path.Combine(temp.Path, "global-packages");

    [Fact]
    public void A_build_output_has_it_under_runtimes_linux_x64_native()
    {
        string assembly = temp.Touch("bin/TorchSharp.dll");
        string native = temp.Touch("bin/runtimes/linux-x64/native/libLibTorchSharp.so");
        temp.Touch("bin/runtimes/win-x64/native/LibTorchSharp.dll");

        var found = LibTorchSharpLocator.Candidates(assembly, null, GlobalPackages, Version);

        Assert.Equal([native], found);
    }

    [Fact]
    public void A_build_output_also_gets_TorchSharps_fallback_sources_and_copies()
    {
        string assembly = temp.Touch("bin/TorchSharp.dll");
        string native = temp.Touch("bin/runtimes/linux-x64/native/libLibTorchSharp.so");
        string global = temp.Touch($"global-packages/torchsharp/{Version}/runtimes/linux-x64/native/libLibTorchSharp.so");
        string consolidated = temp.Touch("bin/cpu/libLibTorchSharp.so");
        temp.Touch("global-packages/torchsharp/0.106.0/runtimes/linux-x64/native/libLibTorchSharp.so");

        var found = LibTorchSharpLocator.Candidates(assembly, null, GlobalPackages, Version);

        Assert.Equal([native, global, consolidated], found);
    }

    [Fact]
    public void The_native_search_directories_are_searched_once_each()
    {
        string assembly = temp.Touch("bin/TorchSharp.dll");
        string native = temp.Touch("bin/runtimes/linux-x64/native/libLibTorchSharp.so");
        string dirs = string.Join(Path.PathSeparator, Path.GetDirectoryName(native), Path.Combine(temp.Path, "missing"), Path.GetDirectoryName(native) + "/");

        var found = LibTorchSharpLocator.Candidates(assembly, dirs, GlobalPackages, Version);

        Assert.Equal([native], found);
    }

    [Fact]
    public void A_published_app_has_it_next_to_the_assembly()
    {
        string assembly = temp.Touch("app/TorchSharp.dll");
        string native = temp.Touch("app/libLibTorchSharp.so");

        Assert.Equal([native], LibTorchSharpLocator.Candidates(assembly, null, GlobalPackages, Version));
    }

    [Fact]
    public void A_NuGet_package_folder_gives_the_package_natives_and_the_consolidated_copy_not_the_global_folder()
    {
        temp.Touch($"packages/torchsharp/{Version}/torchsharp.nuspec");
        string assembly = temp.Touch($"packages/torchsharp/{Version}/lib/net8.0/TorchSharp.dll");
        string packaged = temp.Touch($"packages/torchsharp/{Version}/runtimes/linux-x64/native/libLibTorchSharp.so");
        string consolidated = temp.Touch($"packages/torchsharp/{Version}/lib/net8.0/cpu/libLibTorchSharp.so");
        temp.Touch($"global-packages/torchsharp/{Version}/runtimes/linux-x64/native/libLibTorchSharp.so");

        var found = LibTorchSharpLocator.Candidates(assembly, null, GlobalPackages, Version);

        Assert.Equal([packaged, consolidated], found);
    }

    [Fact]
    public void A_folder_without_a_torchsharp_nuspec_is_not_taken_for_a_package()
    {
        string assembly = temp.Touch($"other/{Version}/lib/net8.0/TorchSharp.dll");
        temp.Touch($"other/{Version}/runtimes/linux-x64/native/libLibTorchSharp.so");

        Assert.Empty(LibTorchSharpLocator.Candidates(assembly, null, GlobalPackages, Version));
    }

    [Fact]
    public void In_this_test_run_the_build_outputs_copy_is_a_candidate()
    {
        string expected = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        Assert.Contains(Path.GetFullPath(expected), LibTorchSharpLocator.Candidates());
    }
}
