using RnnNotebooks.Shared;

namespace RnnNotebooks.Tests;

/// <summary>The one atomic-write helper (lib/Shared/AtomicFile.cs): a file is replaced whole or not at all, and no temporary stays.</summary>
public sealed class AtomicFileTests
{
    private static string NewFolder() => Directory.CreateTempSubdirectory("rnn-atomic-").FullName;

    [Fact]
    public void A_write_that_throws_keeps_the_old_file_and_leaves_no_temporary()
    {
        var folder = NewFolder();
        var path = Path.Combine(folder, "model.safetensors");
        File.WriteAllText(path, "old");

        var e = Assert.Throws<InvalidOperationException>(() => AtomicFile.Replace(path, temporary =>
        {
            File.WriteAllText(temporary, "half");
            throw new InvalidOperationException("disk gone");
        }));

        Assert.Equal("disk gone", e.Message);
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_replace_creates_the_folder_writes_the_bytes_and_leaves_no_temporary()
    {
        var folder = Path.Combine(NewFolder(), "new", "deeper");
        var path = Path.Combine(folder, "weights.bin");

        AtomicFile.Replace(path, [1, 2, 3]);
        AtomicFile.Replace(path, [4, 5]);

        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_target_that_is_a_folder_is_named_in_the_error_and_the_temporary_is_removed()
    {
        var folder = NewFolder();
        var path = Path.Combine(folder, "taken");
        Directory.CreateDirectory(path);

        var e = Assert.Throws<IOException>(() => AtomicFile.Replace(path, [1]));

        Assert.Contains(path, e.Message);
        Assert.Empty(Directory.GetFiles(folder));
    }
}
