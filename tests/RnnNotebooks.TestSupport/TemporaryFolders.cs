namespace RnnNotebooks.TestSupport;

/// <summary>Removes the temporary folders tests make, so that repeated test runs do not fill the disk.</summary>
public static class TemporaryFolders
{
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
