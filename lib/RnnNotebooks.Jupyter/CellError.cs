using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>A cell's error as Jupyter shows it: a name, a message, and traceback lines (the first is <c>name: message</c>).</summary>
/// <param name="Name">The exception's type name, <c>CompilationError</c>, or <c>Interrupted</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Traceback">The lines a front end prints.</param>
internal sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback)
{
    /// <summary>The fields of an <c>error</c> message and of an error <c>execute_reply</c>.</summary>
    public JsonObject ToContent() => new()
    {
        ["ename"] = Name,
        ["evalue"] = Value,
        ["traceback"] = new JsonArray(Traceback.Select(line => (JsonNode)line).ToArray()),
    };

    /// <summary>An error with <paramref name="name"/> and <paramref name="value"/>, and those as its traceback.</summary>
    public static CellError Of(string name, string value, IEnumerable<string>? stack = null) =>
        new(name, value, [$"{name}: {value}", .. stack ?? []]);
}
