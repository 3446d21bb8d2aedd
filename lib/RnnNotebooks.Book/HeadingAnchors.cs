using System.Text.RegularExpressions;

namespace RnnNotebooks.Book;

/// <summary>
/// Gives every heading of a page a unique id and a '#' link to itself (shown on hover), and collects the headings for
/// the page's table of contents and the search index.
/// </summary>
internal sealed partial class HeadingAnchors
{
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    /// <summary>Anchors for one page; <paramref name="reserved"/> are ids the page already uses (the cells' ids).</summary>
    public HeadingAnchors(IEnumerable<string> reserved) => used.UnionWith(reserved);

    /// <summary>
    /// <paramref name="html"/> (one cell's markdown, rendered) with its headings anchored, split at them: the text
    /// before the first heading, then each heading with the HTML up to the next one.
    /// </summary>
    public (string Html, string Before, List<(Heading Heading, string After)> Sections) Apply(string html)
    {
        var matches = HeadingElement().Matches(html);
        var sections = new List<(Heading, string)>();
        var result = new System.Text.StringBuilder();
        int position = 0;
        foreach (Match match in matches)
        {
            result.Append(html, position, match.Index - position);
            var heading = Anchor(match);
            result.Append($"<h{heading.Level} id=\"{heading.Id}\">{heading.Html}<a class=\"anchor\" href=\"#{heading.Id}\" aria-label=\"Link to this section\">#</a></h{heading.Level}>");
            position = match.Index + match.Length;
            sections.Add((heading, ""));
        }
        result.Append(html, position, html.Length - position);
        for (int i = 0; i < matches.Count; i++)
        {
            int start = matches[i].Index + matches[i].Length, end = i + 1 < matches.Count ? matches[i + 1].Index : html.Length;
            sections[i] = (sections[i].Item1, html[start..end]);
        }
        return (result.ToString(), matches.Count == 0 ? html : html[..matches[0].Index], sections);
    }

    private Heading Anchor(Match match)
    {
        int level = match.Groups["level"].Value[0] - '0';
        var inner = match.Groups["inner"].Value;
        var text = PlainText.Of(inner);
        var wanted = match.Groups["id"].Success && match.Groups["id"].Value.Length > 0 ? match.Groups["id"].Value : Slug(text);
        var id = wanted;
        for (int n = 2; !used.Add(id); n++)
        {
            id = $"{wanted}-{n}";
        }
        return new Heading(level, id, inner, text);
    }

    /// <summary>A heading's text as an id: lower case letters and digits joined by '-' (e.g. "2. The cell" -> "2-the-cell").</summary>
    public static string Slug(string text)
    {
        var slug = NotWord().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "section" : slug;
    }

    [GeneratedRegex(@"<h(?<level>[1-6])(?:\s+id=""(?<id>[^""]*)"")?\s*>(?<inner>.*?)</h\k<level>>", RegexOptions.Singleline)]
    private static partial Regex HeadingElement();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotWord();
}
