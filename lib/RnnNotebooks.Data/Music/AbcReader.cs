namespace RnnNotebooks.Data;

/// <summary>
/// Reads the subset of ABC notation (abcnotation.com, standard 2.1) that the course's tunes use: the header fields X:, T:,
/// O:, S:, C:, R:, N:, Z:, M:, L:, K: (the key signature is applied), and in the body notes A-G a-g with accidentals
/// (^ ^^ _ __ =, for the rest of the bar), octave marks (' ,), lengths (2, /2, /, 3/2), rests z, ties -, broken rhythm
/// (&gt; &lt;), bar lines (| || |] [|), repeats (|: :| ::) with first and second endings ([1 [2 |1 :|2), chord symbols in
/// quotes (skipped), slurs and the decorations ~ and . (ignored). Tunes are separated by blank lines or X:. Anything else
/// (tuplets, grace notes, chords, inline fields) is refused with the file, line and token.
/// </summary>
public static class AbcReader
{
    /// <summary>The tunes of an ABC file.</summary>
    /// <param name="path">The .abc file.</param>
    /// <exception cref="DataFormatException">Something in the file is not in the subset read here, or is wrong.</exception>
    public static IReadOnlyList<Melody> Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The tunes of ABC text.</summary>
    /// <param name="text">The ABC text.</param>
    /// <param name="sourceName">The name used in error messages (a file name).</param>
    /// <exception cref="DataFormatException">Something in the text is not in the subset read here, or is wrong.</exception>
    public static IReadOnlyList<Melody> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tunes = new List<Melody>();
        AbcTuneBuilder? tune = null;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int lineNumber = i + 1;
            string line = StripComment(lines[i]).TrimEnd();
            if (line.Length == 0)
            {
                if (tune is { InBody: true })
                {
                    tunes.Add(tune.Finish());
                    tune = null;
                }
                continue;
            }
            if (IsField(line) && line[0] == 'X')
            {
                if (tune is not null)
                {
                    tunes.Add(tune.Finish());
                }
                tune = new AbcTuneBuilder(sourceName, lineNumber);
                continue;
            }
            if (tune is null)
            {
                if (IsField(line))
                {
                    continue; // fields before the first tune belong to the file header
                }
                throw new DataFormatException(sourceName, lineNumber, "music outside a tune: a tune starts with an X: line.", First(line));
            }
            if (IsField(line))
            {
                tune.Field(line[0], line[2..].Trim(), lineNumber);
            }
            else
            {
                tune.Body(line, lineNumber);
            }
        }
        if (tune is not null)
        {
            tunes.Add(tune.Finish());
        }
        return tunes;
    }

    private static bool IsField(string line) => line.Length >= 2 && line[1] == ':' && char.IsAsciiLetter(line[0]) && line[0] is not ('z' or 'x');

    private static string StripComment(string line)
    {
        int percent = line.IndexOf('%');
        return percent < 0 ? line : line[..percent];
    }

    private static string First(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
