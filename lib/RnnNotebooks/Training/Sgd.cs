namespace RnnNotebooks;

/// <summary>Stochastic gradient descent, optionally with momentum: v = mu v + g; W -= alpha v.</summary>
/// <param name="learningRate">alpha.</param>
/// <param name="momentum">mu in [0, 1); 0 is plain SGD (W -= alpha g).</param>
public sealed class Sgd(double learningRate, double momentum = 0.0) : IOptimizer
{
    private readonly OptimizerState velocity = new();

    /// <inheritdoc />
    public double LearningRate { get; set; } = learningRate;

    /// <summary>mu, the momentum coefficient.</summary>
    public double Momentum { get; } = momentum is >= 0 and < 1
        ? momentum
        : throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "momentum must be in [0, 1).");

    /// <inheritdoc />
    public void Step(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients)
    {
        OptimizerState.CheckPairs(parameters, gradients);
        for (int k = 0; k < parameters.Count; k++)
        {
            var w = parameters[k].Values;
            var g = gradients[k].Values;
            if (Momentum == 0)
            {
                for (int i = 0; i < w.Length; i++)
                {
                    w[i] -= LearningRate * g[i]; // W -= alpha dW
                }
                continue;
            }
            var v = velocity.For(k, w.Length);
            for (int i = 0; i < w.Length; i++)
            {
                v[i] = Momentum * v[i] + g[i];   // v = mu v + dW
                w[i] -= LearningRate * v[i];     // W -= alpha v
            }
        }
    }
}
