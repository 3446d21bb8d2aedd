using System.Net;
using System.Text.RegularExpressions;

namespace RnnNotebooks.Book;

/// <summary>Rendered HTML as plain text for the search index: tags dropped, formulas as their TeX, spaces collapsed.</summary>
internal static partial class PlainText
{
    /// <summary>The text of <paramref name="html"/>; a MathML formula becomes the TeX of its annotation.</summary>
    public static string Of(string html)
    {
        var withTex = MathElement().Replace(html, math => " " + Annotation().Match(math.Value).Groups[1].Value + " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(withTex, " "));
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"<math\b.*?</math>", RegexOptions.Singleline)]
    private static partial Regex MathElement();

    [GeneratedRegex(@"<annotation\b[^>]*>(.*?)</annotation>", RegexOptions.Singleline)]
    private static partial Regex Annotation();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
