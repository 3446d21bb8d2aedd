using System.Reflection;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>The <c>kernel_info_reply</c>: who the kernel is and the language it runs.</summary>
internal static class KernelInfo
{
    /// <summary>The implementation's name.</summary>
    public const string Implementation = "rnnnotebooks";

    /// <summary>The reply content.</summary>
    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Implementation,
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "csharp",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"C# (RnnNotebooks): the course's notebook engine (.NET {Environment.Version}) as a Jupyter kernel",
        ["help_links"] = new JsonArray(new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" }),
        ["debugger"] = false,
    };
}
