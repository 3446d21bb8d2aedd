namespace RnnNotebooks.Torch;

/// <summary>
/// Checks the from-scratch core against TorchSharp: runs both on the same weights and batch and compares yHat, L and
/// every gradient element by element, passing when |core - twin| &lt;= tolerance * max(1, |twin|).
/// </summary>
public static class Parity
{
    /// <summary>The default relative tolerance: float64 sums in another order differ by far less on these sizes.</summary>
    public const double DefaultTolerance = 1e-10;

    /// <summary>Runs the core and a fresh twin of <paramref name="model"/> (RNN, GRU or LSTM) and compares them.</summary>
    /// <param name="model">The core layer (its weights are copied into the twin).</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense (dense inputs also compare dx).</param>
    /// <param name="y">Targets and optional weights w&lt;t&gt;_j.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM only), (n_a, m); null for zeros.</param>
    /// <param name="twin">Which twin: torch.nn's RNN, GRU or LSTM module (<see cref="TorchTwin"/>), or the hand-written RNN cell loop.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(RecurrentLayer model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null,
        TwinKind twin = TwinKind.NnModule, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var torchModel = Twin(model, twin);
        return Compare(TwinOutputs.FromCore(model, x, y, a0, c0), torchModel.Run(x, y, a0, c0), torchModel.Name, tolerance);
    }

    /// <summary>A fresh twin of <paramref name="model"/> of the given kind.</summary>
    /// <param name="model">The core layer; the cell loop takes an <see cref="Rnn"/> only.</param>
    /// <param name="twin">Which twin.</param>
    public static ITorchTwin Twin(RecurrentLayer model, TwinKind twin = TwinKind.NnModule) => twin switch
    {
        TwinKind.NnModule => new TorchTwin(model),
        TwinKind.CellLoop => model is Rnn rnn ? new TorchCellLoopTwin(rnn)
            : throw new ArgumentException($"the cell loop writes out the RNN only; this model is a {model.Cell.ToString().ToUpperInvariant()}.", nameof(model)),
        _ => throw new ArgumentOutOfRangeException(nameof(twin), twin, $"twin is {twin}; expected NnModule or CellLoop."),
    };

    /// <summary>Compares two sets of outputs quantity by quantity.</summary>
    /// <param name="core">The core's outputs.</param>
    /// <param name="twin">The twin's outputs (the reference for each element's scale).</param>
    /// <param name="twinName">The twin's name for the report.</param>
    /// <param name="tolerance">The relative tolerance.</param>
    public static ParityReport Compare(TwinOutputs core, TwinOutputs twin, string twinName, double tolerance = DefaultTolerance)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(twin);
        return Compare(core.Quantities(), twin.Quantities(), twinName, tolerance);
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
