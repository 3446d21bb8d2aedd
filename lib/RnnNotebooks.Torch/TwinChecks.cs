namespace RnnNotebooks.Torch;

/// <summary>The checks a twin makes before building tensors; messages name the input, the expected and actual value.</summary>
internal static class TwinChecks
{
    /// <summary>Throws unless the model can be twinned: n_y &gt; 0 and an elementwise g1.</summary>
    public static void Model(Rnn model, string twin, params Activation[] g1Allowed)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Parameters.nY == 0)
        {
            throw new ArgumentException($"{twin} needs an output layer; this model has n_y = 0.", nameof(model));
        }
        if (!g1Allowed.Contains(model.G1))
        {
            throw new ArgumentException($"{twin} supports g1 = {string.Join(" or ", g1Allowed)}; this model's g1 is {model.G1}.", nameof(model));
        }
    }

    /// <summary>Throws unless x, y and a0 fit the parameters and g2.</summary>
    public static void Inputs(RecurrentParameters p, Activation g2, SequenceBatch x, SequenceTargets y, Matrix? a0)
    {
        ArgumentNullException.ThrowIfNull(y);
        p.CheckInputs(x, a0);
        y.Validate(p.nY, g2, x.Length, x.BatchSize);
    }
}
