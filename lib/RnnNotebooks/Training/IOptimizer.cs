namespace RnnNotebooks;

/// <summary>
/// Updates parameters from their gradients. Pass the same lists, in the same order, at every step
/// (e.g. <see cref="RecurrentParameters.Tensors"/> and <see cref="RecurrentGradients.Tensors"/>): per-parameter state
/// such as momentum is kept by position.
/// </summary>
public interface IOptimizer
{
    /// <summary>The learning rate alpha.</summary>
    double LearningRate { get; set; }

    /// <summary>One update: parameters[i] -= (a step computed from gradients[i]).</summary>
    void Step(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients);
}
