namespace RnnNotebooks.Torch;

/// <summary>
/// Checks the from-scratch core against TorchSharp: runs both on the same weights and batch and compares yHat, L and
/// every gradient element by element, passing when |core - twin| &lt;= tolerance * max(1, |twin|).
/// </summary>
public static class Parity
{
    /// <summary>The default relative tolerance: float64 sums in another order differ by far less on these sizes.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Runs the core and a fresh twin of <paramref name="model"/> and compares them.</summary>
    /// <param name="model">The core model (its weights are copied into the twin).</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense (dense inputs also compare dx).</param>
    /// <param name="y">Targets and optional weights w&lt;t&gt;_j.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="twin">Which twin: torch.nn.RNN or the hand-written cell loop.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(Rnn model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null,
        TwinKind twin = TwinKind.NnRnn, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        using IRnnTwin torchModel = twin == TwinKind.CellLoop ? new TorchCellLoopTwin(model) : new TorchRnnTwin(model);
        return Compare(RnnOutputs.FromCore(model, x, y, a0), torchModel.Run(x, y, a0), torchModel.Name, tolerance);
    }

    /// <summary>Compares two sets of outputs quantity by quantity.</summary>
    /// <param name="core">The core's outputs.</param>
    /// <param name="twin">The twin's outputs (the reference for each element's scale).</param>
    /// <param name="twinName">The twin's name for the report.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(RnnOutputs core, RnnOutputs twin, string twinName, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(twin);
        return Compare(core.Quantities(), twin.Quantities(), twinName, tolerance);
    }

    /// <summary>Runs a core GRU or LSTM and a fresh TorchSharp twin (<c>nn.GRU</c> / <c>nn.LSTM</c>) and compares them.</summary>
    /// <param name="model">The core model (its weights are copied into the twin).</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense (dense inputs also compare dx).</param>
    /// <param name="y">Targets and optional weights w&lt;t&gt;_j.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM only), (n_a, m); null for zeros.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(RecurrentLayer model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null,
        double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var torchModel = new TorchGatedTwin(model);
        return Compare(GatedOutputs.FromCore(model, x, y, a0, c0).Quantities(), torchModel.Run(x, y, a0, c0).Quantities(), torchModel.Name, tolerance);
    }

    /// <summary>Compares two lists of named quantities, name by name (the twin's values set each element's scale).</summary>
    /// <param name="core">The core's quantities.</param>
    /// <param name="twin">The twin's quantities.</param>
    /// <param name="twinName">The twin's name for the report.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(IReadOnlyList<(string Name, double[] Values)> core, IReadOnlyList<(string Name, double[] Values)> twin,
        string twinName, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var theirs = twin.ToDictionary(q => q.Name, q => q.Values);
        var entries = core
            .Select(q => ParityEntry.Compare(q.Name, q.Values,
                theirs.TryGetValue(q.Name, out var values) ? values : throw new ArgumentException($"the twin has no {q.Name}.", nameof(twin)),
                tolerance))
            .ToList();
        return new ParityReport(twinName, tolerance, entries);
    }
}
