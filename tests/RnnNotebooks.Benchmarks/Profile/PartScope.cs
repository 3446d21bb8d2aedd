namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The time between its creation and its disposal, charged to a part of a <see cref="PartClock"/>:
/// <c>using (clock.Time(Part.Products)) Blas.MulAdd(...);</c>. A ref struct, so timing allocates nothing.
/// </summary>
internal readonly ref struct PartScope
{
    private readonly PartClock clock;
    private readonly Part part;
    private readonly Part? takenFrom;
    private readonly long start;

    /// <summary>Starts timing for <paramref name="part"/>; with <paramref name="takenFrom"/>, the time is also taken off that part.</summary>
    public PartScope(PartClock clock, Part part, Part? takenFrom)
    {
        this.clock = clock;
        this.part = part;
        this.takenFrom = takenFrom;
        start = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Stops and charges the time.</summary>
    public void Dispose() => clock.Charge(part, takenFrom, System.Diagnostics.Stopwatch.GetTimestamp() - start);
}
