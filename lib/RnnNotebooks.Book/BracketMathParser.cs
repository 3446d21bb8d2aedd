using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace RnnNotebooks.Book;

/// <summary>
/// Reads LaTeX's <c>\(...\)</c> (inline) and <c>\[...\]</c> (display) math delimiters in markdown, which
/// Jupyter accepts beside <c>$</c>; Markdig alone would read <c>\(</c> as an escaped parenthesis. It runs
/// before Markdig's escapes; a <c>\(</c> with no closing <c>\)</c> in the paragraph stays an escape.
/// </summary>
internal sealed class BracketMathParser : InlineParser
{
    /// <summary>Starts on a backslash.</summary>
    public BracketMathParser() => OpeningCharacters = ['\\'];

    /// <inheritdoc />
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var (opener, closer) = slice.PeekChar() switch
        {
            '(' => ("\\(", "\\)"),
            '[' => ("\\[", "\\]"),
            _ => (null, null),
        };
        if (opener is null || closer is null)
        {
            return false;
        }
        int contentStart = slice.Start + opener.Length;
        if (contentStart > slice.End + 1)
        {
            return false;
        }
        int close = slice.Text.IndexOf(closer, contentStart, slice.End - contentStart + 1, StringComparison.Ordinal);
        if (close < 0)
        {
            return false;
        }
        int start = processor.GetSourcePosition(slice.Start, out int line, out int column);
        processor.Inline = new MathInline
        {
            Delimiter = '\\',
            DelimiterCount = opener == "\\[" ? 2 : 1,
            Content = new StringSlice(slice.Text, contentStart, close - 1),
            Span = new SourceSpan(start, start + close + closer.Length - 1 - slice.Start),
            Line = line,
            Column = column,
        };
        slice.Start = close + closer.Length;
        return true;
    }
}
