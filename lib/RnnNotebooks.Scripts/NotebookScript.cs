using System.Globalization;
using System.Runtime.CompilerServices;
using Deedle.Internal;
using Plotly.NET;

namespace RnnNotebooks.Scripts;

/// <summary>
/// The kernel's display, for a notebook exported as a file-based app: <see cref="Show"/> prints a cell's last
/// value (charts are written as HTML files, Deedle frames as text tables), and <see cref="display"/> does the same.
/// Figures (<c>Report</c>) come from <see cref="Figures"/>, which cells import themselves.
/// </summary>
public static class NotebookScript
{
    private static string chartFolder = Path.Combine(Path.GetTempPath(), "rnnnotebooks-charts");
    private static int chartCount;

    /// <summary>
    /// Called first by an exported notebook: works in the notebook's folder (as in Jupyter, so its relative paths
    /// resolve), and writes charts to <c>charts/NAME/</c> beside the exported file.
    /// </summary>
    /// <param name="exportedFile">The exported file's path, filled in by the compiler.</param>
    public static void Start([CallerFilePath] string exportedFile = "")
    {
        var exportFolder = Path.GetDirectoryName(exportedFile)!;
        Environment.CurrentDirectory = Path.GetDirectoryName(exportFolder)!;
        chartFolder = Path.Combine(exportFolder, "charts", Path.GetFileNameWithoutExtension(exportedFile));
        chartCount = 0;
    }

    /// <summary>Shows <paramref name="value"/>, as a notebook shows a cell's last expression.</summary>
    public static void Show(object? value)
    {
        switch (value)
        {
            case GenericChart chart:
                Console.WriteLine($"chart: {WriteChart(chart)}");
                break;
            case AudioClip clip:
                Console.WriteLine($"{clip}: {WriteAudio(clip)}");
                break;
            case IFsiFormattable table:
                Console.WriteLine(table.Format());
                break;
            case string text:
                Console.WriteLine(text);
                break;
            case System.Collections.IEnumerable items:
                Console.WriteLine("[ " + string.Join(", ", items.Cast<object?>().Select(item => System.Convert.ToString(item, CultureInfo.InvariantCulture))) + " ]");
                break;
            default:
                Console.WriteLine(System.Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The kernel's <c>display(value)</c>: shows it now.</summary>
    public static void display(object? value) => Show(value);

    /// <summary>Writes the clip as a WAV file beside the charts; returns its path.</summary>
    private static string WriteAudio(AudioClip clip)
    {
        Directory.CreateDirectory(chartFolder);
        var path = Path.Combine(chartFolder, $"audio-{++chartCount}.wav");
        File.WriteAllBytes(path, clip.Wav);
        return path;
    }

    /// <summary>Writes the chart as an HTML page beside plotly.min.js (written once): it opens offline. Returns its path.</summary>
    private static string WriteChart(GenericChart chart)
    {
        Directory.CreateDirectory(chartFolder);
        var plotly = Path.Combine(chartFolder, "plotly.min.js");
        if (!File.Exists(plotly))
        {
            File.WriteAllText(plotly, PlotlyJs.Source);
        }
        var path = Path.Combine(chartFolder, $"chart-{++chartCount}.html");
        File.WriteAllText(path,
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><script src=\"plotly.min.js\"></script></head>\n<body><div id=\"chart\"></div>\n<script>\n" +
            $"var figure = {GenericChart.toJson(chart)};\nPlotly.newPlot('chart', figure.data, figure.layout, figure.config || {{}});\n</script></body></html>\n");
        return path;
    }
}
