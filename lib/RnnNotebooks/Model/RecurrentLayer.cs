using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// One recurrent layer of any cell with the note's output layer, as PyTorch's RNNBase in the note's symbols. Over
/// x&lt;1&gt; .. x&lt;Tx&gt; (m sequences of n_x-vectors) from (a&lt;0&gt;[, c&lt;0&gt;]):
/// <code>
/// (a&lt;t&gt;[, c&lt;t&gt;]) = cell(x&lt;t&gt;, a&lt;t-1&gt;[, c&lt;t-1&gt;])      (n_a, m) each: <see cref="RnnCell"/>, <see cref="GruCell"/>, <see cref="LstmCell"/>
/// yHat&lt;t&gt;         = g2(Wya a&lt;t&gt; + by)                         (n_y, m)
/// L                = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)     (w: per-step weights, 1 unless given)
/// </code>
/// <see cref="Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/> runs the first two lines, <see cref="Loss"/> the last, and <see cref="Backward"/> is
/// backpropagation through time to every weight and bias, the initial state(s) and (when asked) every x&lt;t&gt;. Every
/// gate's pre-activation has an input side Wax x&lt;t&gt; + bax and a recurrent side Waa a&lt;t-1&gt; + baa; the weight
/// gradients are sums over t of outer products with those sides' gradients dGx&lt;t&gt; and dGa&lt;t&gt;, computed after the
/// walk as one product each. <see cref="Rnn"/>, <see cref="Gru"/> and <see cref="Lstm"/> are this layer with their cell.
/// </summary>
public class RecurrentLayer
{
    /// <summary>A layer over the given parameters (not copied: training updates them), running their cell.</summary>
    /// <param name="parameters">Wax, Waa, bax (the RNN's ba), baa, Wya, by.</param>
    /// <param name="g1">The RNN's hidden activation: Tanh or Relu (Sigmoid and Identity also work); GRU and LSTM have theirs fixed and ignore it.</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    /// <exception cref="ArgumentException">g1 is Softmax (RNN).</exception>
    /// <exception cref="ArgumentOutOfRangeException">g1 or g2 is not an activation this layer takes (e.g. (Activation)42).</exception>
    public RecurrentLayer(RecurrentParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Recurrence = parameters.Cell switch
        {
            RecurrentCell.Rnn => new RnnCell(g1),
            RecurrentCell.Gru => GruCell.Instance,
            _ => LstmCell.Instance,
        };
        LossKind = Losses.For(g2);
        Parameters = parameters;
        G2 = g2;
    }

    /// <summary>The parameters Wax, Waa, bax, baa, Wya, by.</summary>
    public RecurrentParameters Parameters { get; }

    /// <summary>The cell run at every step, with its forward and backward step.</summary>
    public IRecurrentCell Recurrence { get; }

    /// <summary>Which cell this layer runs.</summary>
    public RecurrentCell Cell => Parameters.Cell;

    /// <summary>True for an LSTM, which carries a cell state c&lt;t&gt; besides a&lt;t&gt;.</summary>
    public bool HasCell => Recurrence.HasCellState;

    /// <summary>g1: the RNN's hidden activation; tanh, the candidate's, for a GRU or LSTM (whose gates are fixed).</summary>
    public Activation G1 => Recurrence is RnnCell rnn ? rnn.G1 : Activation.Tanh;

    /// <summary>g2, the output activation.</summary>
    public Activation G2 { get; }

    /// <summary>The per-step loss that goes with g2.</summary>
    public LossKind LossKind { get; }

    /// <summary>n_x, n_a, n_y.</summary>
    public (int nX, int nA, int nY) Sizes => (Parameters.nX, Parameters.nA, Parameters.nY);

    /// <summary>Zero gradients of this layer's parameters for one sample, in the order of their tensors (a backward pass over them replaces them).</summary>
    public RecurrentGradients ZeroGradients() => new(Cell, Parameters.nX, Parameters.nA, Parameters.nY, 1);

    /// <summary>"RNN", "GRU" or "LSTM", for messages (made once: the checks of every pass pass it along).</summary>
    private string Name => name ??= Cell.ToString().ToUpperInvariant();

    private string? name;

    /// <summary>
    /// Forward propagation over all Tx steps: the cell for t = 1 .. Tx and, when n_y &gt; 0, yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by)
    /// with its logits.
    /// </summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense).</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt;, shape (n_a, m), for an LSTM; null for zeros (and always null for a cell without one).</param>
    /// <param name="cache">A cache to reuse, overwritten when it fits this cell, Tx, m, n_a and n_y; otherwise, or when null, a new one is made.</param>
    /// <returns><paramref name="cache"/> when it was reused, else the new cache: a&lt;t&gt; (c&lt;t&gt;, the gates), the logits and yHat&lt;t&gt;.</returns>
    /// <exception cref="ArgumentException">x, a0 or c0 does not fit (the message names it and its expected shape), or c0 is given to a cell without a cell state.</exception>
    /// <exception cref="NonFiniteException">A parameter, a0 or c0 is NaN or infinite (x was checked when made), or a&lt;t&gt; diverged at step t.</exception>
    public RecurrentCache Forward(SequenceBatch x, Matrix? a0 = null, Matrix? c0 = null, RecurrentCache? cache = null)
    {
        cache = Start(x, a0, c0, cache);
        for (int t = 1; t <= x.Length; t++)
        {
            ForwardStep(cache, t, output: true);
        }
        return cache;
    }

    /// <summary>
    /// The checks of <see cref="Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>, and a&lt;0&gt; (c&lt;0&gt;) into
    /// <paramref name="cache"/> (reused when it fits), ready for <see cref="ForwardStep"/> at t = 1 .. Tx. A caller that
    /// makes x&lt;t&gt; from a&lt;t-1&gt; (the attention decoder) writes it into x's step t before that step.
    /// </summary>
    internal RecurrentCache Start(SequenceBatch x, Matrix? a0, Matrix? c0, RecurrentCache? cache)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!HasCell)
        {
            RecurrentLayers.NoCellState(c0, Name);
        }
        var p = Parameters;
        int tx = x.Length, m = x.BatchSize;
        p.CheckInputs(x, a0, c0);
        p.CheckFinite();
        if (cache is null || !cache.Fits(Cell, tx, p.nA, p.nY, m))
        {
            cache = new RecurrentCache(Recurrence, tx, p.nA, p.nY, m);
        }
        cache.X = x;
        SetInitial(cache.A(0), a0);
        if (HasCell)
        {
            SetInitial(cache.C(0), c0);
        }
        return cache;
    }

    /// <summary>Step t of the forward pass on <paramref name="cache"/> (from <see cref="Start"/>): the cell, and the output layer when asked and n_y &gt; 0.</summary>
    internal void ForwardStep(RecurrentCache cache, int t, bool output)
    {
        var p = Parameters;
        Recurrence.Forward(p.Weights, StepInput.At(cache.X, t), cache.Step(t)); // (a<t>[, c<t>]) = cell(x<t>, a<t-1>[, c<t-1>])
        CheckState(cache.A(t), t);
        if (output && p.nY > 0)
        {
            RnnCell.OutputUnchecked(p.Wya, p.By, G2, cache.A(t), cache.Logits(t), cache.YHat(t)); // yHat<t> = g2(Wya a<t> + by)
        }
    }

    /// <summary><see cref="Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/> from a&lt;0&gt; alone (c&lt;0&gt; = 0 for an LSTM), reusing <paramref name="cache"/>.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;.</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="cache">A cache to reuse when it fits; otherwise, or when null, a new one is made.</param>
    public RecurrentCache Forward(SequenceBatch x, Matrix? a0, RecurrentCache? cache) => Forward(x, a0, null, cache);

    /// <summary>A state for <see cref="Step"/> over a batch of m, at a&lt;0&gt; = 0 (and c&lt;0&gt; = 0); see <see cref="LayerState.Reset"/>.</summary>
    /// <param name="m">The batch size.</param>
    public LayerState NewState(int m = 1) => new(Recurrence, Parameters.nA, m);

    /// <summary>
    /// One step of the cell, (a&lt;t&gt;[, c&lt;t&gt;]) = cell(x&lt;t&gt;, a&lt;t-1&gt;[, c&lt;t-1&gt;]), the same arithmetic as a step of
    /// <see cref="Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>: <paramref name="state"/> goes from step t - 1 to
    /// step t in place, and nothing is allocated. The output layer is <see cref="Output"/>.
    /// </summary>
    /// <param name="x">x&lt;t&gt;: a dense (n_x, m) matrix or m token indices.</param>
    /// <param name="state">The state, made by <see cref="NewState"/> of this layer.</param>
    /// <exception cref="ArgumentException">x does not fit n_x or the state's m, or the state belongs to a layer of another cell or size.</exception>
    /// <exception cref="NonFiniteException">a&lt;t&gt; is NaN or infinite.</exception>
    public void Step(StepInput x, LayerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var next = state.Next();
        if (next.A.Rows != Parameters.nA || (next.C is null) == HasCell || (next.Gates?.Rows ?? Parameters.nA) != Parameters.Wax.Rows)
        {
            throw new ArgumentException($"the state was made by a layer of another cell or size than this {Name} (n_a = {Parameters.nA}).", nameof(state));
        }
        x.Check(Parameters.nX, state.BatchSize);
        Recurrence.Forward(Parameters.Weights, x, next); // (a<t>[, c<t>]) = cell(x<t>, a<t-1>[, c<t-1>])
        state.Advance();
        CheckState(state.A, null);
    }

    /// <summary>yHat = g2(Wya a + by) for a state a (n_a, m), with the logits z = Wya a + by: the output layer of one step.</summary>
    /// <param name="a">a&lt;t&gt;, shape (n_a, m).</param>
    /// <param name="logits">Written: z, shape (n_y, m).</param>
    /// <param name="yHat">Written: yHat&lt;t&gt;, shape (n_y, m).</param>
    public void Output(Matrix a, Matrix logits, Matrix yHat)
    {
        var p = Parameters;
        Guard.Shape(a, p.nA, a.Cols, "a", null, "(n_a, m)");
        Guard.Shape(logits, p.nY, a.Cols, "logits", null, "(n_y, m)");
        Guard.Shape(yHat, p.nY, a.Cols, "yHat", null, "(n_y, m)");
        RnnCell.OutputUnchecked(p.Wya, p.By, G2, a, logits, yHat); // yHat = g2(Wya a + by)
    }

    /// <summary>L = sum over t and samples j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</summary>
    /// <exception cref="NonFiniteException">The loss is NaN or infinite; the message names the first such step.</exception>
    public double Loss(RecurrentCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        return Losses.FiniteSum(LossKind, cache.Length, cache.LogitSteps, cache.YHatSteps, y);
    }

    /// <summary>L&lt;t&gt; for t = 1 .. Tx (element [t - 1]), each summed over the batch with its weights.</summary>
    public double[] StepLosses(RecurrentCache cache, SequenceTargets y)
    {
        ValidateTargets(cache, y);
        var losses = new double[cache.Length];
        for (int t = 1; t <= cache.Length; t++)
        {
            losses[t - 1] = Losses.FiniteStep(LossKind, cache.Logits(t), cache.YHat(t), y, t);
        }
        return losses;
    }

    /// <summary>
    /// Backpropagation through time. From da_next = dALast (or 0) and, for the LSTM, dc_next = dCLast (or 0), walks t = Tx .. 1:
    /// <code>
    /// dz_y&lt;t&gt; = w (yHat&lt;t&gt; - y&lt;t&gt;)                                (n_y, m), when y is given
    /// da       = Wya^T dz_y&lt;t&gt; + da_next (+ dAFromAbove&lt;t&gt;)           (n_a, m)
    /// dGx, dGa = the cell's backward step (RNN: dz = da ⊙ g1'(z&lt;t&gt;); <see cref="GruCell.GateGradients"/>, <see cref="LstmCell.GateGradients"/>)
    /// da_next  = (GRU: da ⊙ z) + Waa^T dGa,   dx&lt;t&gt; = Wax^T dGx (when asked)
    /// </code>
    /// then dA0 = da_next, dC0 = dc_next, and the sums over t, one product or row sum each: dWax = Σ_t dGx&lt;t&gt; x&lt;t&gt;^T
    /// (during the walk for one-hot x), dbax = Σ_t Σ_j dGx&lt;t&gt;, dWaa = Σ_t dGa&lt;t&gt; a&lt;t-1&gt;^T, dbaa = Σ_t Σ_j dGa&lt;t&gt;,
    /// dWya = Σ_t dz_y&lt;t&gt; a&lt;t&gt;^T, dby = Σ_t Σ_j dz_y&lt;t&gt;.
    /// </summary>
    /// <param name="cache">The cache of this layer's forward pass.</param>
    /// <param name="y">Targets for the output layer; null when only <see cref="BackwardOptions"/> gradients flow in.</param>
    /// <param name="options">dALast, dCLast (LSTM only), dAFromAbove, and whether to return dX and dA.</param>
    /// <param name="gradients">Gradients to overwrite, reused when they fit; otherwise, or when null, new ones.</param>
    /// <returns>The gradients: parameters, dA0, dC0 (LSTM), and dX, dA when asked.</returns>
    /// <exception cref="ArgumentException">The cache was made by a layer of another cell or other sizes.</exception>
    public RecurrentGradients Backward(RecurrentCache cache, SequenceTargets? y, BackwardOptions? options = null, RecurrentGradients? gradients = null)
    {
        var work = StartBackward(cache, y, options, ref gradients);
        for (int t = cache.Length; t >= 1; t--)
        {
            BackwardStep(cache, work, y, options, gradients, t);
        }
        FinishBackward(cache, work, y is not null, gradients);
        return gradients;
    }

    /// <summary>
    /// The checks of <see cref="Backward"/>, the gradients cleared (reused when they fit), the transposes and
    /// da_next = dALast, dc_next = dCLast: ready for <see cref="BackwardStep"/> at t = Tx .. 1, then <see cref="FinishBackward"/>.
    /// </summary>
    internal RecurrentWorkspace StartBackward(RecurrentCache cache, SequenceTargets? y, BackwardOptions? options, [System.Diagnostics.CodeAnalysis.NotNull] ref RecurrentGradients? gradients)
    {
        ArgumentNullException.ThrowIfNull(cache);
        var p = Parameters;
        if (!cache.Fits(Cell, cache.Length, p.nA, p.nY, cache.BatchSize))
        {
            throw new ArgumentException($"the cache was made by a {cache.Cell} layer or one of other sizes than this {Name}'s.", nameof(cache));
        }
        int tx = cache.Length, m = cache.BatchSize;
        y?.Validate(p.nY, G2, tx, m);
        options?.Validate(p.nA, tx, m, HasCell, Name);
        gradients = PrepareGradients(gradients, m, options?.ComputeDX == true ? tx : 0, options?.KeepDA == true ? tx : 0);
        var work = cache.Workspace(Recurrence, p.nX, p.nA, p.nY);
        Blas.Transpose(p.Waa, work.WaaT); // fixed during the pass: transpose once
        Blas.Transpose(p.Wya, work.WyaT);
        if (gradients.dX is not null)
        {
            Blas.Transpose(p.Wax, work.WaxT); // only dx<t> = Wax^T dGx needs it
        }
        SetInitial(work.dANext, options?.dALast);
        SetInitial(work.dCNext, options?.dCLast); // dL/dc<Tx> from outside (LSTM only: validated above)
        return work;
    }

    /// <summary>After step 1 of BPTT: dA0 = da_next, dC0 = dc_next, and the sums over t (<see cref="AccumulateOverTime"/>).</summary>
    internal void FinishBackward(RecurrentCache cache, RecurrentWorkspace work, bool head, RecurrentGradients gradients)
    {
        gradients.dA0.CopyFrom(work.dANext);   // dL/da<0>
        gradients.dC0?.CopyFrom(work.dCNext);  // dL/dc<0>
        AccumulateOverTime(cache, work, head, gradients);
    }

    /// <summary>Forward, loss and BPTT in one call (allocates a cache and gradients).</summary>
    public (double Loss, RecurrentGradients Gradients) LossAndGradients(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        var cache = Forward(x, a0, c0);
        double loss = Loss(cache, y);
        return (loss, Backward(cache, y));
    }

    /// <summary>
    /// One step of BPTT at time t: dz_y&lt;t&gt; from the loss, dL/da&lt;t&gt; (kept when asked), the cell's backward step,
    /// dx&lt;t&gt; when asked, and dL/da&lt;t-1&gt; into work.dANext. It stores dGx&lt;t&gt;, dGa&lt;t&gt; and dz_y&lt;t&gt; as column blocks
    /// for <see cref="AccumulateOverTime"/>, and adds dGx&lt;t&gt; x&lt;t&gt;^T to dWax here when x is one-hot (a column scatter).
    /// </summary>
    internal void BackwardStep(RecurrentCache cache, RecurrentWorkspace work, SequenceTargets? y, BackwardOptions? options, RecurrentGradients g, int t)
    {
        var p = Parameters;
        int columns = cache.Length * cache.BatchSize;
        var da = work.dA;
        da.CopyFrom(work.dANext);                        // da = dL/da<t> through step t + 1
        if (y is not null && p.nY > 0)
        {
            Losses.Gradient(cache.YHat(t), y, t, work.dZY); // dz_y = w (yHat<t> - y<t>)
            Blas.CopyToColumnBlock(work.dZY, work.dZYAll, columns, t - 1);
            Blas.MulAdd(work.WyaT, work.dZY, da);        // da += Wya^T dz_y
        }
        if (options?.dAFromAbove is { } above)
        {
            var extra = above[t - 1].Data;
            for (int i = 0; i < da.Data.Length; i++)
            {
                da.Data[i] += extra[i];                  // da += dL/da<t> from above
            }
        }
        g.dA?[t - 1].CopyFrom(da);                       // keep dL/da<t> when asked
        Recurrence.Backward(cache.Step(t), da, work.dCNext, work.dGx, work.dGa, work.dANext); // dGx, dGa, da_next (direct part), dc_next
        Blas.CopyToColumnBlock(work.dGx, work.dGxAll, columns, t - 1);
        if (!Recurrence.SharesGateGradient)
        {
            Blas.CopyToColumnBlock(work.dGa, work.SharedGateRows, work.dGaAll, columns, t - 1); // the rows of dGa that dGx does not hold
        }
        if (cache.X.IsOneHot)
        {
            Blas.ScatterAddColumns(work.dGx, cache.X.Tokens(t), g.dWax); // dWax += dGx x<t>^T, x<t> one-hot
        }
        if (g.dX is { } dx)
        {
            dx[t - 1].Clear();
            Blas.MulAdd(work.WaxT, work.dGx, dx[t - 1]); // dx<t> = Wax^T dGx
        }
        Blas.MulAdd(work.WaaT, work.dGa, work.dANext);   // da_next += Waa^T dGa
    }

    /// <summary>
    /// The parameter gradients are sums over time, so each is one matrix product over all Tx m columns, its right factor
    /// [a&lt;0&gt;^T; a&lt;1&gt;^T; ...] packed panel by panel straight from the cache's states (<see cref="Blas.MulAddStates"/>):
    /// dWaa = Σ_t dGa&lt;t&gt; a&lt;t-1&gt;^T = [dGa&lt;1&gt; .. dGa&lt;Tx&gt;] [a&lt;0&gt; .. a&lt;Tx-1&gt;]^T, likewise dWya (with a head, in the same pass over the states)
    /// and dWax (dense x only: one-hot x was scattered during the walk); the biases are row sums of the blocks.
    /// </summary>
    private void AccumulateOverTime(RecurrentCache cache, RecurrentWorkspace work, bool head, RecurrentGradients g)
    {
        var p = Parameters;
        int m = cache.BatchSize, tx = cache.Length, columns = tx * m;
        int nA = p.nA, nY = p.nY, rows = p.Wax.Rows, shared = work.SharedGateRows;
        var dWaa = g.dWaa.Data.AsMemory();
        int headRows = head ? nY : 0; // dWya's rows: none without a head
        // one pass over [a<0>^T; a<1>^T; ...] for dWaa = Σ_t dGa<t> a<t-1>^T and dWya = Σ_t dz_y<t> a<t>^T (rows m further on):
        // dWaa's first `shared` rows from dGx's blocks (dGa = dGx there), the GRU's n rows from dGa's own blocks
        Blas.MulAddStates(
        [
            new StatesTerm(work.dGxAll, dWaa[..(shared * nA)], shared, 0),
            new StatesTerm(work.dGaAll, dWaa[(shared * nA)..], rows - shared, 0),
            new StatesTerm(work.dZYAll, g.dWya.Data, headRows, m),
        ], cache.States, columns, nA);
        if (headRows > 0)
        {
            Blas.AddRowSums(work.dZYAll, headRows, columns, g.dBy);                                         // dby = Σ_t Σ_j dz_y<t>
        }
        Blas.AddRowSums(work.dGxAll, rows, columns, g.dBax);                                          // dbax = Σ_t Σ_j dGx<t>
        if (g.dBaa.Length > 0)
        {
            // dbaa = dbax on the shared rows: both were cleared, so 0 + (0 + s) has the bits of 0 + s; then Σ_t Σ_j dGa<t> on the rest
            TensorPrimitives.Add(g.dBaa.AsSpan(0, shared), g.dBax.AsSpan(0, shared), g.dBaa.AsSpan(0, shared));
            Blas.AddRowSums(work.dGaAll, rows - shared, columns, g.dBaa.AsSpan(shared));
        }
        if (!cache.X.IsOneHot)
        {
            cache.X.AddOuterProducts(work.dGxAll, rows, work.XAllT(), g.dWax.Data); // dWax = Σ_t dGx<t> x<t>^T
        }
    }

    private static void SetInitial(Matrix state, Matrix? given)
    {
        if (given is null)
        {
            state.Clear();
        }
        else
        {
            state.CopyFrom(given);
        }
    }

    /// <summary>Throws when a&lt;t&gt; (of step t of a forward pass, or of one <see cref="Step"/> when t is null) is not finite.</summary>
    private void CheckState(Matrix a, int? t)
    {
        if (!Guard.AllFinite(a.Data))
        {
            string why = Recurrence is RnnCell rnn
                ? $"with g1 = {rnn.G1}, large weights make a<t> grow without bound"
                : "a parameter or input is too large";
            string which = t is null ? "a<t> of this step" : $"a<{t}> (time step t={t})";
            throw new NonFiniteException("a", t,
                $"{which} of the {Name} contains NaN or infinity: the forward pass diverged ({why}). " +
                "Lower the learning rate or clip gradients.");
        }
    }

    private void ValidateTargets(RecurrentCache cache, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(y);
        if (cache.Cell != Cell)
        {
            throw new ArgumentException($"the RecurrentCache was made by a {cache.Cell} layer; this {Name} reads only caches of its own cell.", nameof(cache));
        }
        y.Validate(Parameters.nY, G2, cache.Length, cache.BatchSize);
    }

    private RecurrentGradients PrepareGradients(RecurrentGradients? gradients, int m, int dxSteps, int daSteps)
    {
        var p = Parameters;
        if (gradients is null || !gradients.Fits(p, m))
        {
            gradients = new RecurrentGradients(Cell, p.nX, p.nA, p.nY, m);
        }
        gradients.Clear();
        gradients.dX = StepMatrices.Reuse(gradients.dX, dxSteps, p.nX, m);
        gradients.dA = StepMatrices.Reuse(gradients.dA, daSteps, p.nA, m);
        return gradients;
    }
}
