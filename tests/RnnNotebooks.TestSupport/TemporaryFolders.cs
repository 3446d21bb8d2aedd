namespace RnnNotebooks.TestSupport;

/// <summary>Removes the temporary folders tests make, so that repeated test runs do not fill the disk.</summary>
public static class TemporaryFolders
{
    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> AtExit = new();

    static TemporaryFolders() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        while (AtExit.TryDequeue(out var folder))
        {
            Delete(folder);
        }
    };

    /// <summary>Deletes <paramref name="folder"/> when the test process ends (tests may still read it after the one that made it); returns it.</summary>
    public static string DeleteAtExit(string folder)
    {
        AtExit.Enqueue(folder);
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
