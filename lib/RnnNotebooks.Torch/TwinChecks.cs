namespace RnnNotebooks.Torch;

/// <summary>The checks a twin makes before building tensors; messages name the input, the expected and actual value.</summary>
internal static class TwinChecks
{
    /// <summary>
    /// Throws unless the layer can be twinned: n_y &gt; 0 and, for an RNN, a g1 in <paramref name="g1Allowed"/>
    /// (a GRU's and an LSTM's activations are fixed and always fit).
    /// </summary>
    /// <param name="model">The core layer.</param>
    /// <param name="twin">The twin's name, for the message.</param>
    /// <param name="g1Allowed">The RNN activations g1 the twin can run.</param>
    public static void Model(RecurrentLayer model, string twin, params Activation[] g1Allowed)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Parameters.nY == 0)
        {
            throw new ArgumentException($"{twin} needs an output layer; this model has n_y = 0.", nameof(model));
        }
        if (model.Cell == RecurrentCell.Rnn && !g1Allowed.Contains(model.G1))
        {
            throw new ArgumentException($"{twin} supports g1 = {string.Join(" or ", g1Allowed)}; this model's g1 is {model.G1}.", nameof(model));
        }
    }

    /// <summary>Throws unless x, y, a0 and c0 fit the parameters and g2 (c0 only for an LSTM).</summary>
    public static void Inputs(RecurrentParameters p, Activation g2, SequenceBatch x, SequenceTargets y, Matrix? a0, Matrix? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        p.CheckInputs(x, a0, c0);
        if (c0 is not null && p.Cell != RecurrentCell.Lstm)
        {
            throw new ArgumentException($"c0 was given ({c0.Rows}, {c0.Cols}), but a {p.Cell.ToString().ToUpperInvariant()} has no cell state c<t>: pass null (only an LSTM takes c0).", nameof(c0));
        }
        y.Validate(p.nY, g2, x.Length, x.BatchSize);
    }
}
