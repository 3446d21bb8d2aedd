using System.Net;
using System.Text;
using Deedle.Internal;
using Microsoft.DotNet.Interactive.Formatting;

namespace RnnNotebooks.Engine;

/// <summary>
/// Shows Deedle frames as HTML tables, from Deedle's own <see cref="IFrameFormattable.InteractiveFormat"/> grid
/// (it already elides the middle of long frames with "..."),
/// less the "->" column it puts between row keys and values; as text, Deedle's own table (not the plain-text
/// formatter's walk through every property, megabytes for a small frame).
/// </summary>
internal static class DeedleFormatter
{
    /// <summary>The most rows and columns shown; Deedle elides the rest.</summary>
    public const int MaxRows = 20, MaxColumns = 20;

    /// <summary>Registers the table as the frames' text/html, and Deedle's own text table as their text/plain.</summary>
    public static void Register()
    {
        Formatter.Register<IFrameFormattable>((frame, writer) => writer.Write(ToHtml(frame)), Documents.MimeTypes.Html);
        Formatter.Register<IFrameFormattable>((frame, writer) => writer.Write(frame is IFsiFormattable text ? text.Format() : frame.ToString()), Documents.MimeTypes.PlainText);
    }

    /// <summary>The frame as an HTML table: header rows from the column keys, row keys as row headers.</summary>
    public static string ToHtml(IFrameFormattable frame)
    {
        var grid = frame.InteractiveFormat(MaxRows, MaxColumns, false);
        int headerRows = frame.GetColLevels(), keyColumns = frame.GetRowLevels();
        var (rows, columns) = frame.GetDimensions();
        bool hasArrows = grid.Skip(headerRows).Any(row => row.Length > keyColumns && row[keyColumns] == "->");
        var html = new StringBuilder("<table class=\"deedle-frame\">");
        html.Append("<caption>").Append(rows).Append(" rows × ").Append(columns).Append(" columns</caption>");
        for (int r = 0; r < grid.Length; r++)
        {
            html.Append(r == 0 ? "<thead>" : r == headerRows ? "<tbody>" : "").Append("<tr>");
            for (int c = 0; c < grid[r].Length; c++)
            {
                if (hasArrows && c == keyColumns)
                {
                    continue; // Deedle's "->" between the row keys and the values
                }
                var tag = r < headerRows || c < keyColumns ? "th" : "td";
                html.Append('<').Append(tag).Append('>').Append(WebUtility.HtmlEncode(grid[r][c])).Append("</").Append(tag).Append('>');
            }
            html.Append("</tr>").Append(r == headerRows - 1 ? "</thead>" : "");
        }
        return html.Append(grid.Length > headerRows ? "</tbody>" : "").Append("</table>").ToString();
    }
}
