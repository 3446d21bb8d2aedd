namespace RnnNotebooks;

/// <summary>
/// What any recurrent layer's backward pass returns (<see cref="RnnGradients"/>, <see cref="GatedGradients"/>): the
/// parameter gradients as a tensor list in the order of <see cref="IParameterSet.Tensors"/>, dL/da&lt;0&gt;, dL/dc&lt;0&gt;
/// (LSTM), and dL/dx&lt;t&gt;, dL/da&lt;t&gt; when asked for.
/// </summary>
public interface IRecurrentGradients
{
    /// <summary>The parameter gradients with names and shapes, paired by position with the parameters' Tensors.</summary>
    IReadOnlyList<ParameterView> Tensors { get; }

    /// <summary>dL/dWya, shape (n_y, n_a).</summary>
    Matrix dWya { get; }

    /// <summary>dL/dby, shape (n_y).</summary>
    double[] dBy { get; }

    /// <summary>dL/da&lt;0&gt;, shape (n_a, m).</summary>
    Matrix dA0 { get; }

    /// <summary>dL/dc&lt;0&gt;, shape (n_a, m), for an LSTM; null for a cell without a cell state.</summary>
    Matrix? dC0 { get; }

    /// <summary>dL/dx&lt;t&gt; at [t - 1], each (n_x, m), when <see cref="BackwardOptions.ComputeDX"/> was set; else null.</summary>
    Matrix[]? dX { get; }

    /// <summary>dL/da&lt;t&gt; at [t - 1], each (n_a, m), when <see cref="BackwardOptions.KeepDA"/> was set; else null.</summary>
    Matrix[]? dA { get; }

    /// <summary>sqrt of the sum of squares over all parameter gradients.</summary>
    double GlobalNorm();
}
