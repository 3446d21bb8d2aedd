namespace RnnNotebooks.Engine.Documents;

/// <summary>The MIME types the engine and the book know by name.</summary>
public static class MimeTypes
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML (tables, Plotly charts).</summary>
    public const string Html = "text/html";

    /// <summary>Markdown.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>SVG images.</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>True for JSON payloads (<c>application/json</c>, <c>application/vnd.*+json</c>), stored as JSON, not text.</summary>
    public static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    /// <summary>True for base64-encoded binary payloads: images other than SVG, audio and video.</summary>
    public static bool IsBase64(string mimeType) =>
        (mimeType.StartsWith("image/", StringComparison.Ordinal) && mimeType != Svg)
        || mimeType.StartsWith("audio/", StringComparison.Ordinal)
        || mimeType.StartsWith("video/", StringComparison.Ordinal);
}
