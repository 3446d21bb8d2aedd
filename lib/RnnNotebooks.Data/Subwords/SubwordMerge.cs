namespace RnnNotebooks.Data;

/// <summary>One merge of byte-pair encoding: every adjacent <see cref="Left"/> <see cref="Right"/> inside a word becomes one symbol.</summary>
/// <param name="Left">The left symbol, e.g. "e".</param>
/// <param name="Right">The right symbol, e.g. "s▁".</param>
public readonly record struct SubwordMerge(string Left, string Right)
{
    /// <summary>The merged symbol: <see cref="Left"/> and <see cref="Right"/> joined, e.g. "es▁".</summary>
    public string Joined => Left + Right;

    /// <summary>"left right": how a merge is written in a file (a symbol never holds a space).</summary>
    public override string ToString() => Left + " " + Right;

    /// <summary>The merge written as "left right".</summary>
    /// <exception cref="FormatException">The text is not two symbols separated by one space (the message quotes it).</exception>
    public static SubwordMerge Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new FormatException($"a merge is two symbols separated by one space, not '{text}'.");
        }
        return new SubwordMerge(parts[0], parts[1]);
    }
}
