namespace RnnNotebooks;

/// <summary>
/// Checks BPTT against the definition of a derivative: for every value θ of every parameter,
/// dL/dθ ≈ (L(θ + ε) - L(θ - ε)) / 2ε. The error of this central difference is O(ε²).
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Compares <see cref="RecurrentLayer.Backward"/> with central differences for Waa, Wax, Wya, ba, by, and also for
    /// a&lt;0&gt; (when given) and x (when the inputs are dense). The model is restored exactly afterwards.
    /// </summary>
    /// <param name="model">The model (its parameters are perturbed and restored).</param>
    /// <param name="x">Inputs.</param>
    /// <param name="y">Targets.</param>
    /// <param name="a0">a&lt;0&gt;, or null for zeros (then a0 is not checked).</param>
    /// <param name="epsilon">ε, the perturbation.</param>
    public static IReadOnlyList<GradientCheckResult> Run(Rnn model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, double epsilon = 1e-5) =>
        Run((RecurrentLayer)model, x, y, a0, null, epsilon);

    /// <summary>
    /// Compares the backward pass of any recurrent layer (<see cref="Rnn"/>, <see cref="Gru"/>, <see cref="Lstm"/>) with
    /// central differences for every parameter, for a&lt;0&gt; and c&lt;0&gt; (when given) and for x (when the inputs are
    /// dense). The layer is restored exactly afterwards.
    /// </summary>
    /// <param name="layer">The layer (its parameters are perturbed and restored).</param>
    /// <param name="x">Inputs.</param>
    /// <param name="y">Targets.</param>
    /// <param name="a0">a&lt;0&gt;, or null for zeros (then a0 is not checked).</param>
    /// <param name="c0">c&lt;0&gt; of an LSTM, or null for zeros (then c0 is not checked).</param>
    /// <param name="epsilon">ε, the perturbation.</param>
    public static IReadOnlyList<GradientCheckResult> Run(RecurrentLayer layer, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null,
        double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(x);
        var cache = layer.Forward(x, a0, c0, null);
        layer.Loss(cache, y);
        var g = layer.Backward(cache, y, new BackwardOptions { ComputeDX = !x.IsOneHot }, null);
        double L() => layer.Loss(layer.Forward(x, a0, c0, null), y);

        var results = new List<GradientCheckResult>(Run(layer.Parameters.Tensors, g.Tensors, L, epsilon));
        foreach (var (state, gradient, name) in new[] { (a0, g.dA0, "a0"), (c0, g.dC0, "c0") })
        {
            if (state is not null)
            {
                results.Add(Compare(name, state.Data, (double[])gradient!.Data.Clone(), L, epsilon));
            }
        }
        AddInputs(results, x, g.dX, L, epsilon);
        return results;
    }

    /// <summary>
    /// Compares a <see cref="BidirectionalRnn"/>'s backward pass with central differences for every parameter of both
    /// directions and of the output layer, and for x when the inputs are dense. The model is restored exactly afterwards.
    /// </summary>
    /// <param name="model">The model (its parameters are perturbed and restored).</param>
    /// <param name="x">Inputs, padded at the end.</param>
    /// <param name="y">Targets, with weights 0 on the padding.</param>
    /// <param name="lengths">The real length of each sample; null when none is padded.</param>
    /// <param name="epsilon">ε, the perturbation.</param>
    public static IReadOnlyList<GradientCheckResult> Run(BidirectionalRnn model, SequenceBatch x, SequenceTargets y,
        IReadOnlyList<int>? lengths = null, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var cache = model.Forward(x, lengths);
        var g = model.Backward(cache, y, computeDX: !x.IsOneHot);
        double L() => model.Loss(model.Forward(x, lengths), y);
        var results = new List<GradientCheckResult>(Run(model.Parameters.Tensors, g.Tensors, L, epsilon));
        AddInputs(results, x, g.dX, L, epsilon);
        return results;
    }

    /// <summary>
    /// Compares each gradient with central differences of <paramref name="loss"/> over its parameter: the check for any
    /// model whose parameters and gradients are <see cref="ParameterView"/> lists in the same order (an embedding below an
    /// RNN, a bidirectional RNN, ...). Each parameter is perturbed in place and restored exactly.
    /// </summary>
    /// <param name="parameters">The parameters θ, named as the report names them.</param>
    /// <param name="gradients">The claimed dL/dθ, paired with <paramref name="parameters"/> by position.</param>
    /// <param name="loss">Computes L from the current parameters (a forward pass and the loss).</param>
    /// <param name="epsilon">ε.</param>
    public static IReadOnlyList<GradientCheckResult> Run(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients,
        Func<double> loss, double epsilon = 1e-5)
    {
        OptimizerState.CheckPairs(parameters, gradients);
        var results = new List<GradientCheckResult>(parameters.Count);
        for (int k = 0; k < parameters.Count; k++)
        {
            results.Add(Compare(parameters[k].Name, parameters[k].Values, gradients[k].Values, loss, epsilon));
        }
        return results;
    }

    /// <summary>For dense inputs, one result per step x&lt;t&gt; against dX[t - 1]; nothing for one-hot inputs.</summary>
    private static void AddInputs(List<GradientCheckResult> results, SequenceBatch x, Matrix[]? dX, Func<double> loss, double epsilon)
    {
        if (x.IsOneHot)
        {
            return;
        }
        for (int t = 1; t <= x.Length; t++)
        {
            var analytic = (double[])dX![t - 1].Data.Clone();
            results.Add(Compare($"x<{t}>", x.DenseStep(t).Data, analytic, loss, epsilon));
        }
    }

    /// <summary>
    /// Compares <paramref name="analytic"/> with central differences of <paramref name="loss"/> over every value
    /// of <paramref name="values"/>, which are perturbed in place and restored exactly.
    /// </summary>
    /// <param name="name">A name for the report.</param>
    /// <param name="values">The values θ the loss depends on.</param>
    /// <param name="analytic">The claimed dL/dθ, same length.</param>
    /// <param name="loss">Computes L from the current values.</param>
    /// <param name="epsilon">ε.</param>
    public static GradientCheckResult Compare(string name, double[] values, double[] analytic, Func<double> loss, double epsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(analytic);
        ArgumentNullException.ThrowIfNull(loss);
        if (values.Length != analytic.Length)
        {
            throw new ArgumentException($"{name}: {analytic.Length} analytic values for {values.Length} parameters.", nameof(analytic));
        }
        double lossAtValues = loss();
        double diff2 = 0, a2 = 0, n2 = 0, maxAbs = 0;
        for (int i = 0; i < values.Length; i++)
        {
            double saved = values[i];
            values[i] = saved + epsilon;
            double plus = loss();
            values[i] = saved - epsilon;
            double minus = loss();
            values[i] = saved;
            double numeric = (plus - minus) / (2 * epsilon); // dL/dθ ≈ (L(θ+ε) - L(θ-ε)) / 2ε
            double d = analytic[i] - numeric;
            diff2 += d * d;
            a2 += analytic[i] * analytic[i];
            n2 += numeric * numeric;
            maxAbs = Math.Max(maxAbs, Math.Abs(d));
        }
        // Rounding limits a central difference to about 1e-16 |L| / ε ≈ 1e-11 |L| per value, so a ratio
        // against a gradient much smaller than that measures noise: the denominator has a floor of
        // 1e-4 max(1, |L|), a million times the noise.
        double floor = 1e-4 * Math.Max(1.0, Math.Abs(lossAtValues));
        double relative = Math.Sqrt(diff2) / Math.Max(Math.Sqrt(a2) + Math.Sqrt(n2), floor);
        return new GradientCheckResult(name, values.Length, relative, maxAbs, Math.Sqrt(a2));
    }
}
