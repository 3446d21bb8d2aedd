namespace RnnNotebooks.Benchmarks;

/// <summary>The parts <c>--profile</c> splits a forward + BPTT pass into.</summary>
internal enum Part
{
    /// <summary>The products inside the time loop: Waa a&lt;t-1&gt; and Wya a&lt;t&gt; forward, Wya^T dz_y and Waa^T dG backward
    /// (<see cref="Blas.MulAdd(Matrix, Matrix, Matrix)"/>: tiled kernels for m ≥ 2, Reductions.AddRowDots for m = 1).</summary>
    Products,

    /// <summary>Element-wise code: activations and gate arithmetic forward and backward, softmax, the loss and its gradient.</summary>
    GateCode,

    /// <summary>Copies, clears and transposes: one-hot gathers bax + Wax x&lt;t&gt;, column blocks, Waa^T.</summary>
    Copies,

    /// <summary>The weight gradients: dWaa and dWya as one product each after the time loop, the bias row sums, and the one-hot dWax scatter.</summary>
    WeightGradients,

    /// <summary>Input checks and the finite checks of a&lt;t&gt; and the parameters.</summary>
    Checks,
}
