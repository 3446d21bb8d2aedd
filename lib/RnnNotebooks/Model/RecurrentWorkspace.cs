namespace RnnNotebooks;

/// <summary>
/// The scratch buffers of a <see cref="RecurrentLayer"/>'s backward pass for one Tx, m and model size, made once and
/// reused so that the backward time loop allocates nothing. Nothing here is a result: the gradients go to
/// <see cref="RecurrentGradients"/>.
/// </summary>
internal sealed class RecurrentWorkspace
{
    private double[]? xAllT;

    /// <summary>Buffers for the cell's G gates over Tx = <paramref name="tx"/> steps of a batch of <paramref name="m"/>.</summary>
    public RecurrentWorkspace(IRecurrentCell cell, int tx, int nX, int nA, int nY, int m)
    {
        int rows = cell.Gates * nA;
        Length = tx;
        BatchSize = m;
        dA = new Matrix(nA, m);
        dANext = new Matrix(nA, m);
        dCNext = new Matrix(cell.HasCellState ? nA : 0, m);
        dZY = new Matrix(nY, m);
        dGx = new Matrix(rows, m);
        dGa = cell.SharesGateGradient ? dGx : new Matrix(rows, m);
        WaaT = new Matrix(nA, rows);
        WaxT = new Matrix(nX, rows);
        WyaT = new Matrix(nA, nY);
        dGxAll = new double[rows * tx * m];
        SharedGateRows = cell.SharedGateRows(nA);
        dGaAll = SharedGateRows == rows ? dGxAll : new double[(rows - SharedGateRows) * tx * m];
        dZYAll = new double[nY * tx * m];
    }

    /// <summary>Tx, the number of steps.</summary>
    public int Length { get; }

    /// <summary>m, the batch size.</summary>
    public int BatchSize { get; }

    /// <summary>dL/da&lt;t&gt; (n_a, m).</summary>
    public Matrix dA { get; }

    /// <summary>dL/da&lt;t-1&gt; through the recurrence (n_a, m).</summary>
    public Matrix dANext { get; }

    /// <summary>dL/dc&lt;t-1&gt; through the cell state (LSTM), (n_a, m); (0, m) for a cell without one.</summary>
    public Matrix dCNext { get; }

    /// <summary>dz_y&lt;t&gt;, dL/dz of the output layer at step t (n_y, m).</summary>
    public Matrix dZY { get; }

    /// <summary>dL/d(Wax x&lt;t&gt; + bax), the input side of every gate's pre-activation (G n_a, m); the RNN's dz&lt;t&gt;.</summary>
    public Matrix dGx { get; }

    /// <summary>dL/d(Waa a&lt;t-1&gt; + baa), the recurrent side (G n_a, m): the same matrix as dGx when the cell shares them.</summary>
    public Matrix dGa { get; }

    /// <summary>Waa^T (n_a, G n_a), transposed once per backward pass.</summary>
    public Matrix WaaT { get; }

    /// <summary>Wax^T (n_x, G n_a), transposed only when dx&lt;t&gt; is asked for.</summary>
    public Matrix WaxT { get; }

    /// <summary>Wya^T (n_a, n_y).</summary>
    public Matrix WyaT { get; }

    /// <summary>[dGx&lt;1&gt; ... dGx&lt;Tx&gt;] side by side, (G n_a, Tx m): the weight gradients are one product with it.</summary>
    public double[] dGxAll { get; }

    /// <summary>The leading rows of dGa that equal dGx's (<see cref="IRecurrentCell.SharedGateRows"/>): <see cref="dGaAll"/> leaves them out.</summary>
    public int SharedGateRows { get; }

    /// <summary>
    /// Rows <see cref="SharedGateRows"/> .. G n_a of [dGa&lt;1&gt; ... dGa&lt;Tx&gt;] side by side, (G n_a - shared, Tx m):
    /// the GRU's n block, the rest being dGxAll's; the same array as dGxAll when the cell shares every row.
    /// </summary>
    public double[] dGaAll { get; }

    /// <summary>[dz_y&lt;1&gt; ... dz_y&lt;Tx&gt;] side by side, (n_y, Tx m).</summary>
    public double[] dZYAll { get; }

    /// <summary>[x&lt;1&gt;^T; ... x&lt;Tx&gt;^T] stacked, (Tx m, n_x), made on the first backward pass over dense inputs.</summary>
    public double[] XAllT() => xAllT ??= new double[Length * BatchSize * WaxT.Rows];

    /// <summary>True when these buffers serve a model of these sizes over Tx steps of m samples.</summary>
    public bool Fits(int tx, int nX, int nA, int nY, int m) =>
        Length == tx && BatchSize == m && dA.Rows == nA && dZY.Rows == nY && WaxT.Rows == nX;
}
