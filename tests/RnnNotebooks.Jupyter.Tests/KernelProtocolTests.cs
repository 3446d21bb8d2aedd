using System.Text;
using System.Text.Json.Nodes;
using RnnNotebooks.Jupyter;

namespace RnnNotebooks.Jupyter.Tests;

/// <summary>The kernel's pieces without Jupyter: connection files, signatures, the wire format, cursor positions, is_complete.</summary>
public sealed class KernelProtocolTests
{
    private const string Good = """{"shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-sha256"}""";

    [Fact]
    public void A_connection_file_without_ip_binds_to_loopback()
    {
        var connection = ConnectionInfo.Parse(Good, "c.json");

        Assert.Equal("tcp://127.0.0.1:1", connection.Address(connection.ShellPort));
        Assert.Equal("k", connection.Key);
    }

    [Theory]
    [InlineData("[]", "the top level is not a JSON object.")]
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"shell_port": 1}""", "'control_port' is missing or is not a port number (1-65535).")]
    [InlineData("""{"shell_port": 70000, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "'shell_port' is missing or is not a port number (1-65535).")]
    [InlineData("""{"transport": "ipc", "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "transport 'ipc' is not supported; only 'tcp' is.")]
    [InlineData("""{"signature_scheme": "hmac-md5", "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "signature_scheme 'hmac-md5' is not supported; only 'hmac-sha256' is.")]
    [InlineData("""{"key": 5, "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5}""", "'key' must be a string.")]
    public void A_bad_connection_file_is_refused_naming_the_file_and_the_field(string json, string problem)
    {
        var e = Assert.Throws<ConnectionFileException>(() => ConnectionInfo.Parse(json, "/run/kernel-1.json"));

        Assert.StartsWith("/run/kernel-1.json: ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_missing_connection_file_is_named()
    {
        Assert.Equal("no/such.json: no such file.", Assert.Throws<ConnectionFileException>(() => ConnectionInfo.Read("no/such.json")).Message);
    }

    [Fact]
    public void Encoded_messages_decode_under_the_same_key_and_are_refused_under_another()
    {
        var messages = new MessageFactory("session-1");
        var request = new JupyterMessage([Encoding.ASCII.GetBytes("client")], new JsonObject { ["msg_id"] = "r1", ["msg_type"] = "execute_request" }, [], [], [], []);
        var reply = messages.Reply(request, "execute_reply", new JsonObject { ["status"] = "ok" });
        var frames = new WireCodec(new MessageSigner("secret")).Encode(reply);

        var decoded = new WireCodec(new MessageSigner("secret")).Decode(frames);

        Assert.Equal("execute_reply", decoded.Type);
        Assert.Equal("r1", (string)decoded.ParentHeader["msg_id"]!);
        Assert.Equal("client", Encoding.ASCII.GetString(decoded.Identities.Single()));
        Assert.Equal("5.3", (string)decoded.Header["version"]!);
        var forged = Assert.Throws<InvalidMessageException>(() => new WireCodec(new MessageSigner("other")).Decode(frames));
        Assert.Equal("the signature does not match the connection file's key.", forged.Message);
    }

    [Theory]
    [InlineData(0, "no <IDS|MSG> delimiter frame.")]
    [InlineData(1, "frames after the delimiter; expected at least 5")]
    public void Malformed_frames_are_refused_saying_what_is_wrong(int shape, string problem)
    {
        List<byte[]> frames = shape == 0 ? [Encoding.ASCII.GetBytes("{}")] : [WireCodec.Delimiter, Encoding.ASCII.GetBytes("sig")];

        Assert.Contains(problem, Assert.Throws<InvalidMessageException>(() => new WireCodec(new MessageSigner("")).Decode(frames)).Message);
    }

    [Fact]
    public void Cursor_positions_count_code_points_as_Jupyter_does()
    {
        var code = "var 😀 = 1;\nMath.Sq";

        int index = CursorPosition.ToIndex(code, 18); // 18 code points: the emoji is one, two UTF-16 units

        Assert.Equal(code.Length, index);
        Assert.Equal(18, CursorPosition.ToCodePoint(code, index));
        Assert.Equal((1, 7), (CursorPosition.ToLinePosition(code, index).Line, CursorPosition.ToLinePosition(code, index).Character));
        Assert.Equal(code.Length - 2, CursorPosition.IdentifierStart(code, index));
    }

    [Theory]
    [InlineData("var x = 1;", "complete", "")]
    [InlineData("1 + 1", "complete", "")]
    [InlineData("for (int i = 0; i < 3; i++) {", "incomplete", "    ")]
    [InlineData("void F() { if (true) {", "incomplete", "        ")]
    [InlineData("int x = 1 2;", "invalid", "")]
    public void Is_complete_follows_Roslyns_rule(string code, string status, string indent)
    {
        Assert.Equal((status, indent), CodeCompleteness.Of(code));
    }
}
