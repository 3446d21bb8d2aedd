using Plotly.NET;

namespace RnnNotebooks.Scripts;

/// <summary>plotly.js as Plotly.NET's assembly embeds it, so charts draw with no CDN and no network.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    /// <summary>The plotly.js version, from the embedded file's name (plotly-2.28.0.min.js: "2.28.0").</summary>
    public static string Version => ResourceName()["Plotly.NET.plotly-".Length..^".min.js".Length];

    private static string ResourceName() =>
        typeof(GenericChart).Assembly.GetManifestResourceNames().SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{typeof(GenericChart).Assembly.GetName()} carries no plotly-*.min.js resource; charts cannot draw offline.");

    private static string Read()
    {
        using var reader = new StreamReader(typeof(GenericChart).Assembly.GetManifestResourceStream(ResourceName())!);
        return reader.ReadToEnd();
    }
}
