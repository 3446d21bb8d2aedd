namespace RnnNotebooks;

/// <summary>
/// The parameters of one recurrent layer of any cell kind: <see cref="RnnParameters"/> (Waa (n_a, n_a), Wax (n_a, n_x), ba)
/// or <see cref="GatedParameters"/> (Wax (G n_a, n_x), Waa (G n_a, n_a), bax, baa), both with the output layer
/// Wya (n_y, n_a), by (n_y). <see cref="RecurrentLayers.Over"/> makes the layer that runs them.
/// </summary>
public interface IRecurrentParameters : IParameterSet
{
    /// <summary>The cell these parameters belong to.</summary>
    RecurrentCell Cell { get; }

    /// <summary>n_x, the input size.</summary>
    int nX { get; }

    /// <summary>n_a, the number of hidden units.</summary>
    int nA { get; }

    /// <summary>n_y, the output size (0: no output layer).</summary>
    int nY { get; }

    /// <summary>Wya, shape (n_y, n_a): the output layer's weights, yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by).</summary>
    Matrix Wya { get; }

    /// <summary>by, shape (n_y): the output layer's bias.</summary>
    double[] By { get; }
}
