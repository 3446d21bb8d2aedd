namespace RnnNotebooks.Book.Tex;

/// <summary>A cursor over the tokens of one formula.</summary>
internal sealed class TexReader(IReadOnlyList<TexToken> tokens)
{
    private int index;

    /// <summary>The next token, not consumed (the End token once everything is read).</summary>
    public TexToken Peek => tokens[index];

    /// <summary>The token after the next one, not consumed (End at the end).</summary>
    public TexToken PeekSecond => tokens[Math.Min(index + 1, tokens.Count - 1)];

    /// <summary>Consumes and returns the next token; stays on the End token.</summary>
    public TexToken Next()
    {
        var token = tokens[index];
        if (token.Kind != TexTokenKind.End)
        {
            index++;
        }
        return token;
    }

    /// <summary>Consumes white space; returns the next token after it, not consumed.</summary>
    public TexToken SkipSpaces()
    {
        while (Peek.Kind == TexTokenKind.Space)
        {
            index++;
        }
        return Peek;
    }

    /// <summary>Consumes the next token (after white space) when it is the character <paramref name="text"/>; true if it was.</summary>
    public bool Accept(string text)
    {
        if (SkipSpaces().Kind != TexTokenKind.Other || Peek.Text != text)
        {
            return false;
        }
        index++;
        return true;
    }
}
