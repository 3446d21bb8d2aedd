using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// What a Jupyter connection file tells a kernel: where to bind its five sockets and how to sign messages.
/// Jupyter writes the file and passes its path as <c>{connection_file}</c> in the kernelspec's argv.
/// </summary>
/// <param name="Transport">Only <c>tcp</c> is supported.</param>
/// <param name="Ip">The address to bind; <c>127.0.0.1</c> when the file names none.</param>
/// <param name="ShellPort">Requests (execute, complete, ...).</param>
/// <param name="ControlPort">Interrupt and shutdown, served while a cell runs.</param>
/// <param name="IopubPort">Outputs and status, broadcast to every client.</param>
/// <param name="StdinPort">Input requests (bound, not used: cells cannot read from the notebook).</param>
/// <param name="HeartbeatPort">Echoes pings so clients know the kernel is alive.</param>
/// <param name="Key">The HMAC key; empty means messages are not signed.</param>
/// <param name="SignatureScheme">Only <c>hmac-sha256</c> is supported.</param>
public sealed record ConnectionInfo(
    string Transport, string Ip, int ShellPort, int ControlPort, int IopubPort, int StdinPort, int HeartbeatPort,
    string Key, string SignatureScheme)
{
    /// <summary>The only signature scheme this kernel speaks.</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>The address bound when the connection file names none: this machine only.</summary>
    public const string Loopback = "127.0.0.1";

    /// <summary>The ZeroMQ address of a port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Address(int port) => $"{Transport}://{(Ip is "0.0.0.0" or "" ? "*" : Ip)}:{port}";

    /// <summary>Reads and checks the connection file at <paramref name="path"/>.</summary>
    /// <exception cref="ConnectionFileException">The file is missing, not JSON, or a field is absent or wrong.</exception>
    public static ConnectionInfo Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConnectionFileException(path, "no such file.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses connection-file JSON; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ConnectionFileException">Not JSON, or a field is absent or wrong.</exception>
    public static ConnectionInfo Parse(string json, string path)
    {
        JsonObject file;
        try
        {
            file = JsonNode.Parse(json) as JsonObject ?? throw new ConnectionFileException(path, "the top level is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ConnectionFileException(path, $"not valid JSON: {e.Message}");
        }
        var reader = new Fields(file, path);
        var transport = reader.Text("transport", "tcp");
        if (transport != "tcp")
        {
            throw new ConnectionFileException(path, $"transport '{transport}' is not supported; only 'tcp' is.");
        }
        var scheme = reader.Text("signature_scheme", HmacSha256);
        if (scheme != HmacSha256)
        {
            throw new ConnectionFileException(path, $"signature_scheme '{scheme}' is not supported; only '{HmacSha256}' is.");
        }
        return new ConnectionInfo(transport, reader.Text("ip", Loopback),
            reader.Port("shell_port"), reader.Port("control_port"), reader.Port("iopub_port"), reader.Port("stdin_port"), reader.Port("hb_port"),
            reader.Text("key", ""), scheme);
    }

    /// <summary>Reads typed fields of the file, naming the field and the file in errors.</summary>
    private sealed class Fields(JsonObject file, string path)
    {
        public string Text(string name, string fallback) => file[name] switch
        {
            null => fallback,
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => throw new ConnectionFileException(path, $"'{name}' must be a string."),
        };

        public int Port(string name) => file[name] is JsonValue value && value.TryGetValue(out int port) && port is > 0 and <= 65535
            ? port
            : throw new ConnectionFileException(path, $"'{name}' is missing or is not a port number (1-65535).");
    }
}
