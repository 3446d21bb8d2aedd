namespace RnnNotebooks;

/// <summary>Adagrad, as in min-char-rnn: mem += g²; W -= alpha g / sqrt(mem + eps).</summary>
/// <param name="learningRate">alpha (min-char-rnn uses 0.1).</param>
/// <param name="epsilon">eps, keeps the division finite.</param>
public sealed class Adagrad(double learningRate, double epsilon = 1e-8) : IOptimizer
{
    private readonly OptimizerState memory = new();

    /// <inheritdoc />
    public double LearningRate { get; set; } = learningRate;

    /// <summary>eps.</summary>
    public double Epsilon { get; } = epsilon;

    /// <inheritdoc />
    public void Step(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients)
    {
        OptimizerState.CheckPairs(parameters, gradients);
        for (int k = 0; k < parameters.Count; k++)
        {
            var w = parameters[k].Values;
            var g = gradients[k].Values;
            var mem = memory.For(k, w.Length);
            for (int i = 0; i < w.Length; i++)
            {
                mem[i] += g[i] * g[i];                                   // mem += dW²
                w[i] -= LearningRate * g[i] / Math.Sqrt(mem[i] + Epsilon); // W -= alpha dW / sqrt(mem + eps)
            }
        }
    }
}
