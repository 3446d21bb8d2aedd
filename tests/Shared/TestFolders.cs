using System.Collections.Concurrent;

namespace RnnNotebooks.Testing;

/// <summary>
/// Temporary folders for tests that have no fixture to clean up after them: each is deleted, with everything in it, when
/// the test process exits (a test may still read its folder after the method that made it), so that repeated test
/// runs do not fill the disk. Linked into the test projects that do not reference RnnNotebooks.TestSupport.
/// </summary>
internal static class TestFolders
{
    private static readonly ConcurrentQueue<string> Made = new();

    static TestFolders() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        while (Made.TryDequeue(out var folder))
        {
            try
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"could not delete the temporary folder {folder}: {e.Message}");
            }
        }
    };

    /// <summary>A new empty folder under the system's temporary folder, named <paramref name="prefix"/> and a random suffix.</summary>
    public static DirectoryInfo New(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        Made.Enqueue(folder.FullName);
        return folder;
    }
}
