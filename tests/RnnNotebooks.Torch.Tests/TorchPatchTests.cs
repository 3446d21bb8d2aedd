using System.Diagnostics;
using System.Runtime.Versioning;
using RnnNotebooks.TorchPatch;
using RnnNotebooks.TorchPatch.Elf;
using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

/// <summary>The install step (lib/RnnNotebooks.TorchPatch): the program on a packages folder of its own, and what the build left on this machine.</summary>
[SupportedOSPlatform("linux")] // ELF files and /proc/self/maps
public sealed class TorchPatchTests(ITestOutputHelper output) : IDisposable
{
    private const string Version = LibTorchSharpPatcher.RequiredVersion;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static bool MachineLacksVersion => !LibStdCxx.Defines(LibStdCxx.LoadedPath()!, Version);

    [LinuxFact]
    public void The_process_libstdcxx_is_found_and_its_versions_read()
    {
        string? path = LibStdCxx.LoadedPath();

        Assert.NotNull(path);
        Assert.True(File.Exists(path), path);
        Assert.True(LibStdCxx.Defines(path, "GLIBCXX_3.4"));
        Assert.True(LibStdCxx.Defines(path, "CXXABI_1.3"));
        Assert.False(LibStdCxx.Defines(path, "GLIBCXX_99.0"));
    }

    [LinuxFact]
    public void The_program_patches_a_packages_folder_and_an_app_folder_where_libstdcxx_lacks_the_version()
    {
        string packaged = PristineLibrary.WriteTo(Directory.CreateDirectory(Path.Combine(temp.Path, "packages/torchsharp/0.107.0/runtimes/linux-x64/native")).FullName);
        string copied = PristineLibrary.WriteTo(Directory.CreateDirectory(Path.Combine(temp.Path, "bin/runtimes/linux-x64/native")).FullName);

        var (exitCode, stdout) = RunProgram("--packages", Path.Combine(temp.Path, "packages"), Path.Combine(temp.Path, "bin"));

        output.WriteLine(stdout);
        Assert.Equal(0, exitCode);
        foreach (string path in new[] { packaged, copied })
        {
            var need = ElfVersions.Needs(ElfImage.Load(path)).Single(n => n.Name == Version);
            Assert.Equal(MachineLacksVersion, need.IsWeak);
            Assert.Contains(MachineLacksVersion ? $"Patched: {path}" : "present: nothing to patch", stdout);
        }
    }

    [LinuxFact]
    public void The_program_rejects_a_file_that_is_not_ELF_and_an_unknown_option()
    {
        string bad = temp.Touch("packages/torchsharp/0.107.0/runtimes/linux-x64/native/libLibTorchSharp.so");
        File.WriteAllText(bad, "not a library");

        var (badFile, _) = RunProgram("--packages", Path.Combine(temp.Path, "packages"));
        var (badOption, _) = RunProgram("--package", temp.Path);

        Assert.Equal(MachineLacksVersion ? 1 : 0, badFile);
        Assert.Equal("not a library", File.ReadAllText(bad));
        Assert.Equal(2, badOption);
    }

    [LinuxFact]
    public void The_build_left_every_copy_this_test_run_may_load_with_a_weak_need()
    {
        var copies = LibTorchSharpFiles.Find(PristineLibrary.NuGetRoot, [AppContext.BaseDirectory]);

        Assert.Contains(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "runtimes/linux-x64/native/libLibTorchSharp.so")), copies);
        Assert.Contains(Path.GetFullPath(Path.Combine(PristineLibrary.NuGetRoot, "torchsharp", PristineLibrary.Version, "runtimes/linux-x64/native/libLibTorchSharp.so")), copies);
        if (MachineLacksVersion)
        {
            Assert.All(copies, path => Assert.All(ElfVersions.Needs(ElfImage.Load(path)).Where(n => n.Name == Version), n => Assert.True(n.IsWeak, path)));
        }
    }

    [Fact]
    public void The_Torch_library_does_not_reference_the_patcher()
    {
        Assert.DoesNotContain(typeof(TorchSetup).Assembly.GetReferencedAssemblies(), name => name.Name == "RnnNotebooks.TorchPatch");
        Assert.DoesNotContain(typeof(TorchSetup).Assembly.GetTypes(), type => type.Name.Contains("Elf", StringComparison.Ordinal));
    }

    /// <summary>Runs RnnNotebooks.TorchPatch.dll (copied beside the tests) with <paramref name="arguments"/>; its exit code and standard output.</summary>
    private static (int ExitCode, string Output) RunProgram(params string[] arguments)
    {
        string host = Environment.ProcessPath is { } self && Path.GetFileName(self) == "dotnet" ? self : "dotnet"; // the test host runs under dotnet
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RnnNotebooks.TorchPatch.dll"));
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
