using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// <c>complete_request</c> and <c>inspect_request</c>, answered by the C# kernel's own completion list and hover
/// text (Roslyn's), at the cursor's position in the cell.
/// </summary>
internal sealed class LanguageServices(Microsoft.DotNet.Interactive.Kernel kernel)
{
    /// <summary>The <c>complete_reply</c> content: the names that complete the identifier before the cursor.</summary>
    public async Task<JsonObject> CompleteAsync(JupyterMessage request)
    {
        var code = request.Text("code");
        int cursor = CursorPosition.ToIndex(code, request.Number("cursor_pos", int.MaxValue));
        int start = CursorPosition.IdentifierStart(code, cursor);
        var prefix = code[start..cursor];
        var result = await kernel.SendAsync(new RequestCompletions(code, CursorPosition.ToLinePosition(code, cursor)));
        var items = result.Events.OfType<CompletionsProduced>().SelectMany(produced => produced.Completions)
            .Select(item => (Text: item.FilterText ?? item.DisplayText, item.Kind, Order: item.SortText ?? item.DisplayText))
            .Where(item => item.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(item => item.Text)
            .OrderBy(item => item.Text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(item => item.Order, StringComparer.OrdinalIgnoreCase)
            .ToList();
        int replyStart = CursorPosition.ToCodePoint(code, start), replyEnd = CursorPosition.ToCodePoint(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(items.Select(item => (JsonNode)item.Text).ToArray()),
            ["cursor_start"] = replyStart,
            ["cursor_end"] = replyEnd,
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray(items.Select(item => (JsonNode)new JsonObject
                {
                    ["start"] = replyStart, ["end"] = replyEnd, ["text"] = item.Text, ["type"] = item.Kind.ToLowerInvariant(),
                }).ToArray()),
            },
        };
    }

    /// <summary>The <c>inspect_reply</c> content: the hover text (signature and documentation) of the name at the cursor.</summary>
    public async Task<JsonObject> InspectAsync(JupyterMessage request)
    {
        var code = request.Text("code");
        int cursor = CursorPosition.ToIndex(code, request.Number("cursor_pos", int.MaxValue));
        var text = await HoverAsync(code, cursor);
        if (text is null && cursor > 0)
        {
            text = await HoverAsync(code, cursor - 1); // a cursor just after a name is on the name
        }
        var data = new JsonObject();
        if (text is not null)
        {
            data[MimeTypes.PlainText] = text;
            data[MimeTypes.Markdown] = text;
        }
        return new JsonObject { ["status"] = "ok", ["found"] = text is not null, ["data"] = data, ["metadata"] = new JsonObject() };
    }

    private async Task<string?> HoverAsync(string code, int index)
    {
        var result = await kernel.SendAsync(new RequestHoverText(code, CursorPosition.ToLinePosition(code, index)));
        var text = string.Join("\n\n", result.Events.OfType<HoverTextProduced>().SelectMany(hover => hover.Content).Select(value => value.Value));
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }
}
