namespace RnnNotebooks.Torch.Elf;

/// <summary>Replaces a file's contents all at once: write a temporary file beside it, flush it to disk, rename it over.</summary>
internal static class AtomicFile
{
    /// <summary>Makes <paramref name="path"/> hold <paramref name="bytes"/>, keeping its Unix permissions.</summary>
    /// <exception cref="IOException">The directory is not writable or the rename failed; the original is untouched.</exception>
    public static void Replace(string path, byte[] bytes)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
            }
            File.Move(temp, path, overwrite: true); // rename(2): readers see the old file or the new one, never a mix
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            throw new IOException($"could not replace {path} (through the temporary file {temp}): {e.Message}", e);
        }
    }
}
