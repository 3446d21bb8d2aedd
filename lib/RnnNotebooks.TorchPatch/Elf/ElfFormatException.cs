namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>
/// A file is not the ELF64 shared library the loader fix expects (wrong magic, class or byte order, a table that
/// runs past the end of the file, a broken version chain). The message names the file and what was wrong.
/// </summary>
public sealed class ElfFormatException : IOException
{
    /// <summary>An error about <paramref name="path"/>.</summary>
    /// <param name="path">The file that was read.</param>
    /// <param name="problem">What was wrong, e.g. "the section header table ends at 0x2000, past the end of the file (0x1000)".</param>
    public ElfFormatException(string path, string problem)
        : base($"{path} is not a usable ELF64 little-endian shared library: {problem}.")
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file that was read.</summary>
    public string FilePath { get; }

    /// <summary>What was wrong with it.</summary>
    public string Problem { get; }
}
