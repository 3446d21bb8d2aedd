namespace RnnNotebooks;

/// <summary>
/// The note's activation functions: g1 (hidden, <see cref="Tanh"/> or <see cref="Relu"/>) and g2 (output,
/// <see cref="Softmax"/>, <see cref="Sigmoid"/> or <see cref="Identity"/>).
/// </summary>
public enum Activation
{
    /// <summary>tanh(z), the usual g1.</summary>
    Tanh,

    /// <summary>max(0, z), the other g1.</summary>
    Relu,

    /// <summary>1 / (1 + e^-z), elementwise: g2 for binary or multi-label outputs (with binary cross-entropy).</summary>
    Sigmoid,

    /// <summary>e^z_i / sum_k e^z_k over the n_y outputs of each sample: g2 for classification (with cross-entropy).</summary>
    Softmax,

    /// <summary>z itself: g2 for regression (with squared error).</summary>
    Identity,
}
