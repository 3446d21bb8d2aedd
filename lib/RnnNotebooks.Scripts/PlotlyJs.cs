using Plotly.NET;

namespace RnnNotebooks.Scripts;

/// <summary>plotly.js as Plotly.NET's assembly embeds it, so charts draw with no CDN and no network.</summary>
public static class PlotlyJs
{
    private static readonly Lazy<string> Text = new(Read);

    /// <summary>The minified plotly.js source.</summary>
    public static string Source => Text.Value;

    private static string Read()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{assembly.GetName()} carries no plotly-*.min.js resource; charts cannot draw offline.");
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    }
}
