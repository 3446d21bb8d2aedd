namespace RnnNotebooks;

/// <summary>How <see cref="RecurrentParameters.Initialize"/> draws the weights (biases always start at 0).</summary>
public enum WeightInit
{
    /// <summary>Wax, Wya Xavier/Glorot uniform; Waa orthogonal (all singular values 1). The default.</summary>
    XavierOrthogonal,

    /// <summary>Xavier/Glorot uniform for all three matrices: U(-r, r), r = sqrt(6 / (fan_in + fan_out)).</summary>
    Xavier,

    /// <summary>Karpathy's min-char-rnn: 0.01 * N(0, 1) for all three matrices.</summary>
    SmallGaussian,
}
