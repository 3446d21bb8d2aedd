using System.Diagnostics;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// Accumulates the time of each <see cref="Part"/> over one replayed pass, scope by scope, and takes off the cost of
/// the timing itself (one Stopwatch timestamp a scope, measured by <see cref="CalibrateOverhead"/>).
/// </summary>
internal sealed class PartClock
{
    private readonly long[] ticks = new long[Enum.GetValues<Part>().Length];
    private readonly int[] scopes = new int[Enum.GetValues<Part>().Length];

    /// <summary>Times a scope for <paramref name="part"/>.</summary>
    public PartScope Time(Part part) => new(this, part, null);

    /// <summary>
    /// Times a scope for <paramref name="part"/> and takes the same time off <paramref name="from"/>: for a call repeated
    /// on its own to split a library method that does two parts at once (e.g. a cell step = its product + its gate code).
    /// </summary>
    public PartScope Split(Part part, Part from) => new(this, part, from);

    /// <summary>Adds a scope's ticks (called by <see cref="PartScope.Dispose"/>).</summary>
    public void Charge(Part part, Part? takenFrom, long elapsed)
    {
        ticks[(int)part] += elapsed;
        scopes[(int)part]++;
        if (takenFrom is { } from)
        {
            ticks[(int)from] -= elapsed;
            scopes[(int)from]--;
        }
    }

    /// <summary>Clears every part.</summary>
    public void Reset()
    {
        Array.Clear(ticks);
        Array.Clear(scopes);
    }

    /// <summary>Microseconds of <paramref name="part"/> since the last reset, less <paramref name="overheadTicks"/> a scope.</summary>
    public double Microseconds(Part part, double overheadTicks) =>
        (ticks[(int)part] - scopes[(int)part] * overheadTicks) * 1e6 / Stopwatch.Frequency;

    /// <summary>Scopes timed for <paramref name="part"/> since the last reset.</summary>
    public int Scopes(Part part) => scopes[(int)part];

    /// <summary>
    /// The ticks an empty scope costs: the least mean of batches of 10,000, batch after batch for half a second, so that
    /// the scopes are timed as the replay will run them, compiled by the JIT's last tier.
    /// </summary>
    public static double CalibrateOverhead()
    {
        var clock = new PartClock();
        double least = double.MaxValue;
        var elapsed = Stopwatch.StartNew();
        while (elapsed.ElapsedMilliseconds < 500)
        {
            clock.Reset();
            for (int i = 0; i < 10_000; i++)
            {
                using (clock.Time(Part.Checks))
                {
                }
            }
            least = Math.Min(least, clock.ticks[(int)Part.Checks] / 10_000.0);
        }
        return least;
    }
}
