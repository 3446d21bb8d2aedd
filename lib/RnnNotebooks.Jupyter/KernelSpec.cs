using System.Text.Json;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// The kernelspec Jupyter, JupyterLab, VS Code and Binder list: a folder named <see cref="Name"/> holding
/// <c>kernel.json</c> and two logos. The notebooks' metadata name this kernelspec.
/// </summary>
public static class KernelSpec
{
    /// <summary>The kernelspec's name, as in every notebook's <c>metadata.kernelspec.name</c>.</summary>
    public const string Name = NotebookWriter.KernelName;

    /// <summary>The name front ends show.</summary>
    public const string DisplayName = NotebookWriter.KernelDisplayName;

    /// <summary>The language.</summary>
    public const string Language = "csharp";

    /// <summary>The placeholder Jupyter replaces with the connection file's path.</summary>
    public const string ConnectionFilePlaceholder = "{connection_file}";

    /// <summary>The kernel.json of a kernel started by <paramref name="command"/> + <c>kernel run --connection-file {connection_file}</c>.</summary>
    public static JsonObject KernelJson(IEnumerable<string> command) => new()
    {
        ["argv"] = new JsonArray([.. command.Append("kernel").Append("run").Append("--connection-file").Append(ConnectionFilePlaceholder).Select(arg => (JsonNode)arg)]),
        ["display_name"] = DisplayName,
        ["language"] = Language,
        // interrupt_request on the control channel rather than SIGINT: the kernel stops the running cell itself.
        ["interrupt_mode"] = "message",
        ["metadata"] = new JsonObject { ["debugger"] = false },
    };

    /// <summary>Writes kernel.json and the logos into <paramref name="kernelsFolder"/>/<see cref="Name"/>; returns that folder.</summary>
    public static string WriteTo(string kernelsFolder, IEnumerable<string> command)
    {
        var folder = Directory.CreateDirectory(Path.Combine(kernelsFolder, Name)).FullName;
        File.WriteAllText(Path.Combine(folder, "kernel.json"), KernelJson(command).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        foreach (var size in new[] { 32, 64 })
        {
            File.WriteAllBytes(Path.Combine(folder, $"logo-{size}x{size}.png"), KernelLogo.Png(size));
        }
        return folder;
    }
}
