using System.Globalization;

namespace RnnNotebooks.Scripts;

/// <summary>
/// <c>Report(name, value)</c>: a notebook states a figure about its own run (a final loss, an accuracy, a time). The
/// same call works wherever the cell runs: in <c>rnnbook run</c> and the Jupyter kernel the host shows it under the cell
/// and collects it (the run summary, the metadata's <c>expect</c> ranges); in an exported app it prints
/// <c>name = value</c>. Notebooks import it with <c>using static RnnNotebooks.Scripts.Figures;</c>.
/// </summary>
public static class Figures
{
    /// <summary>
    /// The <see cref="AppContext"/> key under which a host puts an <see cref="Action{String, Double}"/> that receives every
    /// figure. AppContext is process-wide, so the host sees the figure even when the notebook's <c>#r</c> loaded a second
    /// copy of this assembly beside the host's own.
    /// </summary>
    public const string ReceiverKey = "RnnNotebooks.Scripts.Figures.Receiver";

    /// <summary>
    /// The <see cref="AppContext"/> key of the host's receiver of times (<see cref="ReportSeconds"/>) while it stores
    /// outputs (<see cref="Timing.IsStoring"/>): it collects the figure like <see cref="ReceiverKey"/>'s but shows no value.
    /// </summary>
    public const string TimeReceiverKey = "RnnNotebooks.Scripts.Figures.TimeReceiver";

    /// <summary>Reports a figure; the host collects it, or it is printed as <c>name = value</c> (4 significant digits).</summary>
    /// <param name="name">What the figure is, e.g. <c>"accuracy"</c>.</param>
    /// <param name="value">Its value; must be finite.</param>
    /// <exception cref="ArgumentException">No name, or a value that is NaN or infinite.</exception>
    public static void Report(string name, double value) => Send(ReceiverKey, name, value);

    /// <summary>
    /// Reports a time in seconds (say, <c>"seconds to run"</c>): collected and checked like any figure, but while the host
    /// stores outputs it shows <see cref="Timing.NotStored"/> in place of the value, since no re-run repeats it.
    /// </summary>
    /// <param name="name">What the time is, e.g. <c>"seconds to run"</c>.</param>
    /// <param name="seconds">The time; must be finite.</param>
    /// <exception cref="ArgumentException">No name, or a value that is NaN or infinite.</exception>
    public static void ReportSeconds(string name, double seconds) =>
        Send(Timing.IsStoring && AppContext.GetData(TimeReceiverKey) is not null ? TimeReceiverKey : ReceiverKey, name, seconds);

    /// <summary>A figure as the course shows it: <c>name = value</c>, with up to 4 significant digits.</summary>
    public static string Format(string name, double value) => $"{name} = {value.ToString("G4", CultureInfo.InvariantCulture)}";

    private static void Send(string receiverKey, string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Report needs a name, e.g. Report(\"accuracy\", 0.93).", nameof(name));
        }
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Report(\"{name}\", {value}): the value is not finite.", nameof(value));
        }
        if (AppContext.GetData(receiverKey) is Action<string, double> receiver)
        {
            receiver(name.Trim(), value);
            return;
        }
        Console.WriteLine(Format(name.Trim(), value));
    }
}
