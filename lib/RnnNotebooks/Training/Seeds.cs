namespace RnnNotebooks;

/// <summary>
/// Where the library's model randomness gets its generators: initial weights, dropout, minibatch order and windows,
/// sampling. Data randomness (generated datasets, train/test splits, the bundled sets' shuffles) does not come from here,
/// so shifting <see cref="Offset"/> trains other models on the same data: whether a notebook's figure holds beyond its
/// one seed (<c>rnnbook sweep</c>).
/// </summary>
public static class Seeds
{
    /// <summary>
    /// The <see cref="AppContext"/> key that holds <see cref="Offset"/>. AppContext is process-wide, so a notebook whose
    /// <c>#r</c> loaded a second copy of this assembly beside its host's sees the host's offset.
    /// </summary>
    public const string OffsetKey = "RnnNotebooks.Seeds.Offset";

    /// <summary>
    /// Added to every model seed: 0 (the default) gives the bits every notebook and test states. Only a seed sweep
    /// (<c>rnnbook sweep</c>) sets it, and sets it back to 0 after; process-wide, so never while other code trains.
    /// </summary>
    public static int Offset
    {
        get => AppContext.GetData(OffsetKey) is int offset ? offset : 0;
        set => AppContext.SetData(OffsetKey, value);
    }

    /// <summary>The generator for a model's <paramref name="seed"/>: <c>new Random(seed + Offset)</c>.</summary>
    /// <param name="seed">The seed the caller was given (a weight initialisation's, a training run's, a sampler's).</param>
    public static Random Random(int seed) => new(unchecked(seed + Offset));
}
