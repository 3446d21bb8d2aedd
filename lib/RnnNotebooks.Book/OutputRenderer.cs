using System.Net;
using RnnNotebooks.Book.Tex;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>A code cell's outputs as HTML: text, HTML (tables, Plotly charts), images, audio, markdown, errors.</summary>
internal static class OutputRenderer
{
    /// <summary>The MIME types shown, richest first; a value is shown in the first of these it has.</summary>
    private static readonly string[] Preferred =
        [MimeTypes.Html, MimeTypes.Svg, "image/png", "image/jpeg", "image/gif", MimeTypes.Markdown, MimeTypes.PlainText];

    /// <summary>The HTML of every output, in order; formulas in markdown outputs that cannot be drawn go to <paramref name="onMathError"/>.</summary>
    public static string ToHtml(IEnumerable<CellOutput> outputs, Action<string, TexError> onMathError) =>
        string.Concat(outputs.Select(output => ToHtml(output, onMathError)));

    private static string ToHtml(CellOutput output, Action<string, TexError> onMathError) => output switch
    {
        StreamOutput stream => Pre(stream.Name, stream.Text),
        ErrorOutput error => Pre("error", string.Join("\n", [$"{error.Name}: {error.Value}", .. error.Traceback])),
        DataOutput data => DataToHtml(data.Data, onMathError),
        _ => "",
    };

    private static string DataToHtml(IReadOnlyDictionary<string, string> data, Action<string, TexError> onMathError)
    {
        var audio = data.Keys.FirstOrDefault(mime => mime.StartsWith("audio/", StringComparison.Ordinal));
        var mime = Preferred.FirstOrDefault(data.ContainsKey) ?? audio;
        if (mime is null)
        {
            return data.Count == 0 ? "" : Pre("unshown", $"(output in {string.Join(", ", data.Keys)}: not shown in the book)");
        }
        var value = data[mime];
        return mime switch
        {
            MimeTypes.Html or MimeTypes.Svg => $"<div class=\"output-html\">{value}</div>",
            MimeTypes.Markdown => $"<div class=\"output-markdown\">{MarkdownRenderer.ToHtml(value, onMathError)}</div>",
            MimeTypes.PlainText => Pre("text", value),
            _ when mime == audio => $"<audio controls src=\"data:{mime};base64,{Base64(value)}\"></audio>",
            _ => $"<img alt=\"output image\" src=\"data:{mime};base64,{Base64(value)}\">",
        };
    }

    private static string Base64(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    private static string Pre(string kind, string text) =>
        $"<pre class=\"{kind}\">{WebUtility.HtmlEncode(text.TrimEnd('\n'))}</pre>";
}
