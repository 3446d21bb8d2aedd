namespace RnnNotebooks.Shared;

/// <summary>
/// The project's one way to replace a file: write a temporary file beside it, then rename it over the target, so a reader
/// sees the old file or the new one, never a half-written one, and a failed write leaves the old file and no temporary.
/// One source file, compiled into each library that writes files (its csproj links lib/Shared/AtomicFile.cs).
/// </summary>
internal static class AtomicFile
{
    /// <summary>Makes <paramref name="path"/> hold what <paramref name="write"/> writes to the temporary file, creating its folder.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="write">Writes the new contents to the temporary file whose path it is given; throwing leaves <paramref name="path"/> as it was.</param>
    /// <exception cref="IOException">Writing or the rename failed (the message names the file); the original is untouched.</exception>
    public static void Replace(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ReplaceAsync(path, temporary =>
        {
            write(temporary);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Makes <paramref name="path"/> hold <paramref name="bytes"/>, flushed to disk, keeping the Unix permissions of a file it replaces.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="bytes">The new contents.</param>
    public static void Replace(string path, byte[] bytes) => Replace(path, temporary =>
    {
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(temporary, File.GetUnixFileMode(path)); // a patched native library stays executable
        }
    });

    /// <summary>As <see cref="Replace(string, Action{string})"/>, for a writer that downloads or checks asynchronously.</summary>
    /// <param name="path">The file to replace or create.</param>
    /// <param name="write">Writes the new contents to the temporary file whose path it is given.</param>
    public static async Task ReplaceAsync(string path, Func<string, Task> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            await write(temporary);
            File.Move(temporary, full, overwrite: true); // rename(2): atomic on one file system
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"could not replace {full} (through the temporary file {temporary}): {e.Message}", e);
        }
        finally
        {
            File.Delete(temporary); // nothing left behind if the write or the move failed; a no-op after the move
        }
    }
}
