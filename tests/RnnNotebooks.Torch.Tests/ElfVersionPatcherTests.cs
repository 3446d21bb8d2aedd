using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using RnnNotebooks.TorchPatch;
using RnnNotebooks.TorchPatch.Elf;

namespace RnnNotebooks.Torch.Tests;

[SupportedOSPlatform("linux")] // ELF files, file modes and dlopen
public sealed class ElfVersionPatcherTests : IDisposable
{
    private const string Version = LibTorchSharpPatcher.RequiredVersion;
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void The_shipped_library_needs_GLIBCXX_3_4_32_of_libstdcxx_and_not_weakly()
    {
        var need = Assert.Single(ElfVersions.Needs(ElfImage.Parse(PristineLibrary.Bytes(), "pristine")), n => n.Name == Version);

        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.IsWeak);
    }

    [Fact]
    public void MarkWeak_sets_the_weak_bit_of_that_one_vna_flags_and_changes_no_other_byte()
    {
        string path = PristineLibrary.WriteTo(temp.Path);
        byte[] before = File.ReadAllBytes(path);
        var needsBefore = ElfVersions.Needs(ElfImage.Parse(before, path));
        var target = needsBefore.Single(n => n.Name == Version);

        var outcome = ElfVersionPatcher.MarkWeak(path, Version);

        byte[] after = File.ReadAllBytes(path);
        Assert.Equal(PatchOutcome.Patched, outcome);
        Assert.Equal(before.Length, after.Length);
        int changed = Assert.Single(Enumerable.Range(0, before.Length), i => before[i] != after[i]);
        Assert.Equal(target.FlagsOffset, changed); // the low byte of the little-endian vna_flags
        Assert.Equal(before[changed] | ElfVersionNeed.VerFlgWeak, after[changed]);
        var needsAfter = ElfVersions.Needs(ElfImage.Parse(after, path));
        Assert.Equal(needsBefore.Select(n => n.Name == Version ? n with { Flags = ElfVersionNeed.VerFlgWeak } : n), needsAfter);
    }

    [Fact]
    public void A_second_MarkWeak_is_a_no_op_that_does_not_rewrite_the_file()
    {
        string path = PristineLibrary.WriteTo(temp.Path);
        Assert.Equal(PatchOutcome.Patched, ElfVersionPatcher.MarkWeak(path, Version));
        byte[] once = File.ReadAllBytes(path);
        var written = File.GetLastWriteTimeUtc(path);

        var outcome = ElfVersionPatcher.MarkWeak(path, Version);

        Assert.Equal(PatchOutcome.AlreadyWeak, outcome);
        Assert.Equal(once, File.ReadAllBytes(path));
        Assert.Equal(written, File.GetLastWriteTimeUtc(path)); // a rewrite would bring a new modification time
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [LinuxFact]
    public void MarkWeak_replaces_the_file_by_rename_and_keeps_its_permissions()
    {
        string path = PristineLibrary.WriteTo(temp.Path);
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute;
        File.SetUnixFileMode(path, mode);
        string oldName = Path.Combine(temp.Path, "old-inode.so");
        Assert.Equal(0, link(path, oldName)); // a second name for the original file

        ElfVersionPatcher.MarkWeak(path, Version);

        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal(PristineLibrary.Bytes(), File.ReadAllBytes(oldName)); // the old file was never written to ...
        Assert.NotEqual(PristineLibrary.Bytes(), File.ReadAllBytes(path)); // ... a new one was renamed over its name
        Assert.Equal(new[] { path, oldName }.Order(), Directory.GetFiles(temp.Path).Order());
    }

    [Fact]
    public void MarkWeak_of_a_version_the_file_does_not_need_leaves_it_untouched()
    {
        string path = PristineLibrary.WriteTo(temp.Path);

        var outcome = ElfVersionPatcher.MarkWeak(path, "GLIBCXX_9.9.9");

        Assert.Equal(PatchOutcome.NotRequired, outcome);
        Assert.Equal(PristineLibrary.Bytes(), File.ReadAllBytes(path));
    }

    [LinuxFact]
    public void The_patched_copy_loads_where_the_shipped_one_does_not()
    {
        TorchSetup.EnsureLoaded(); // libtorch, libc10, libtorch_cpu are in the process: the copy finds them by soname
        string path = PristineLibrary.WriteTo(temp.Path);
        string libStdCxx = LibStdCxx.LoadedPath()!;
        if (!LibStdCxx.Defines(libStdCxx, Version))
        {
            Assert.False(NativeLibrary.TryLoad(path, out _), $"{path} loaded unpatched, yet {libStdCxx} lacks {Version}");
        }

        ElfVersionPatcher.MarkWeak(path, Version);

        Assert.True(NativeLibrary.TryLoad(path, out var handle), $"the patched {path} did not load");
        Assert.True(NativeLibrary.TryGetExport(handle, "THSTorch_manual_seed", out _));
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string oldPath, string newPath);
}
