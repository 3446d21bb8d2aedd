namespace RnnNotebooks.Book.Tex;

/// <summary>
/// TeX math to MathML, at render time and with no script: <c>$...$</c> becomes an inline <c>&lt;math&gt;</c>,
/// <c>$$...$$</c> a <c>&lt;math display="block"&gt;</c>. TeX it cannot convert (an unknown command, unbalanced
/// braces, ...) becomes a visible error in the page and a <see cref="TexError"/> for the caller to report.
/// </summary>
internal static class TexToMathMl
{
    /// <summary>The HTML for the formula <paramref name="tex"/> (without its <c>$</c> delimiters).</summary>
    /// <param name="tex">The TeX source.</param>
    /// <param name="display">True for display math (a centred block), false for inline math.</param>
    public static TexConversion Convert(string tex, bool display)
    {
        try
        {
            return new TexConversion(MathMlWriter.Document(TexParser.Parse(tex), display, tex), null);
        }
        catch (TexException e)
        {
            return new TexConversion(ErrorHtml(tex, e.Error, display), e.Error);
        }
    }

    private static string ErrorHtml(string tex, TexError error, bool display)
    {
        var delimiter = display ? "$$" : "$";
        return $"<span class=\"math-error{(display ? " display" : "")}\" role=\"alert\" title=\"{MathMlText.Escape(error.ToString())}\">"
            + $"<code>{MathMlText.Escape(delimiter + tex + delimiter)}</code> "
            + $"<span class=\"reason\">TeX error: {MathMlText.Escape(error.ToString())}</span></span>";
    }
}
