namespace RnnNotebooks;

/// <summary>
/// Adam (Kingma and Ba 2015): m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g²;
/// W -= alpha mHat / (sqrt(vHat) + eps), with the bias corrections mHat = m / (1 - b1^k), vHat = v / (1 - b2^k).
/// </summary>
/// <param name="learningRate">alpha (0.001 is the usual start).</param>
/// <param name="beta1">b1, decay of the first moment.</param>
/// <param name="beta2">b2, decay of the second moment.</param>
/// <param name="epsilon">eps.</param>
public sealed class Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private readonly OptimizerState first = new();
    private readonly OptimizerState second = new();
    private int steps;

    /// <inheritdoc />
    public double LearningRate { get; set; } = learningRate;

    /// <inheritdoc />
    public void Step(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients)
    {
        OptimizerState.CheckPairs(parameters, gradients);
        steps++;
        double c1 = 1 - CanonicalMath.PowInt(beta1, steps); // 1 - beta1^t, by squaring: no libm pow
        double c2 = 1 - CanonicalMath.PowInt(beta2, steps);
        for (int k = 0; k < parameters.Count; k++)
        {
            var w = parameters[k].Values;
            var g = gradients[k].Values;
            var m = first.For(k, w.Length);
            var v = second.For(k, w.Length);
            for (int i = 0; i < w.Length; i++)
            {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];        // first moment
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]; // second moment
                w[i] -= LearningRate * (m[i] / c1) / (Math.Sqrt(v[i] / c2) + epsilon);
            }
        }
    }
}
