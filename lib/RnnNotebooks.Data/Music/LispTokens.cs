namespace RnnNotebooks.Data;

/// <summary>The parentheses and atoms of a Lisp-like text, each with its line, read one at a time.</summary>
internal sealed class LispTokens
{
    private readonly List<(string Text, int Line)> tokens = [];
    private readonly string sourceName;
    private int next;

    /// <summary>Splits <paramref name="text"/> into '(' , ')' and atoms separated by white space.</summary>
    public LispTokens(string text, string sourceName)
    {
        this.sourceName = sourceName;
        int line = 1;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add((c.ToString(), line));
                i++;
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')'))
                {
                    i++;
                }
                tokens.Add((text[start..i], line));
            }
        }
    }

    /// <summary>True when every token has been read.</summary>
    public bool AtEnd => next >= tokens.Count;

    /// <summary>The line of the next token (or of the last one at the end).</summary>
    public int Line => tokens.Count == 0 ? 1 : tokens[Math.Min(next, tokens.Count - 1)].Line;

    /// <summary>The next token without reading it, or null at the end.</summary>
    public string? Peek() => AtEnd ? null : tokens[next].Text;

    /// <summary>Reads the next token.</summary>
    /// <exception cref="DataFormatException">There is none.</exception>
    public (string Text, int Line) Take() =>
        AtEnd ? throw Error(Line, "", "the text ends in the middle of a chorale.") : tokens[next++];

    /// <summary>Reads the next token, which must be <paramref name="expected"/>.</summary>
    public void Expect(string expected, string what)
    {
        var (text, line) = Take();
        if (text != expected)
        {
            throw Error(line, text, $"expected '{expected}': {what}.");
        }
    }

    /// <summary>An error at a line and token of this text.</summary>
    public DataFormatException Error(int line, string token, string problem) => new(sourceName, line, problem, token);
}
