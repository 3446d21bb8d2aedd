using System.Collections.Concurrent;

namespace RnnNotebooks.Testing;

/// <summary>
/// Removes the temporary folders tests make, so that repeated test runs do not fill the disk: a folder from
/// <see cref="New"/> is deleted, with everything in it, when the test process exits (a test may still read its folder
/// after the method that made it); a fixture that knows when it is done calls <see cref="Delete"/>. Linked into each
/// test project that needs it (tests/Shared).
/// </summary>
internal static class TestFolders
{
    private static readonly ConcurrentQueue<string> Made = new();

    static TestFolders() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        while (Made.TryDequeue(out var folder))
        {
            Delete(folder);
        }
    };

    /// <summary>A new empty folder under the system's temporary folder, named <paramref name="prefix"/> and a random suffix.</summary>
    public static DirectoryInfo New(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix);
        Made.Enqueue(folder.FullName);
        return folder;
    }

    /// <summary>
    /// Deletes <paramref name="folder"/> and everything in it. Cleaning up is not what a test checks: a file still held
    /// (on Windows, by a process that has not exited yet) leaves the folder behind rather than failing the test.
    /// </summary>
    public static void Delete(string folder)
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
}
