namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The GRU or the LSTM (softmax head), replayed as <see cref="RecurrentLayer"/> runs them on one-hot x. The forward cell step
/// (GruCell/LstmCell.ForwardUnchecked) computes baa + Waa a&lt;t-1&gt; and applies the gates in one call: it is timed
/// whole as gate code, then its bias-plus-product is repeated on a scratch block and moved to products.
/// </summary>
internal sealed class GatedReplay : PassReplay
{
    private readonly RecurrentLayer model;
    private readonly RecurrentCache cache;
    private readonly RecurrentGradients gradients;
    private readonly RecurrentWorkspace work;
    private readonly Matrix scratch;

    /// <summary>The model, a cache and gradients filled by one real pass, and the workspace that pass made.</summary>
    public GatedReplay(BenchCase c)
        : base(c)
    {
        model = c.Model == "lstm" ? Lstm.Create(c.Vocabulary, c.nA, c.Vocabulary, c.Seed) : Gru.Create(c.Vocabulary, c.nA, c.Vocabulary, c.Seed);
        cache = model is Lstm lstm ? lstm.Forward(X) : ((Gru)model).Forward(X);
        gradients = model.Backward(cache, Y);
        work = cache.Workspace(model.Recurrence, c.Vocabulary, c.nA, c.Vocabulary);
        scratch = new Matrix(c.Gates * c.nA, c.m);
    }

    /// <inheritdoc/>
    protected override RecurrentCache Cache => cache;

    /// <inheritdoc/>
    protected override LossKind LossKind => model.LossKind;

    /// <inheritdoc/>
    protected override RecurrentGradients Gradients => gradients;

    /// <inheritdoc/>
    protected override void ModelPass()
    {
        _ = model is Lstm lstm ? lstm.Forward(X, null, null, cache) : ((Gru)model).Forward(X, null, cache);
        model.Loss(cache, Y);
        model.Backward(cache, Y, null, gradients);
    }

    /// <inheritdoc/>
    protected override void Forward(PartClock clock)
    {
        var p = model.Parameters;
        using (clock.Time(Part.Checks)) p.CheckInputs(X, null, null);
        using (clock.Time(Part.Checks)) p.CheckFinite();
        using (clock.Time(Part.Copies)) cache.A(0).Clear();
        if (model.HasCell)
        {
            using (clock.Time(Part.Copies)) cache.C(0).Clear();
        }
        for (int t = 1; t <= Case.T; t++)
        {
            var pre = cache.Gates(t);
            using (clock.Time(Part.Copies)) Blas.SetBiasPlusColumns(p.Bax, p.Wax, X.Tokens(t), pre); // pre = bax + Wax x<t>
            using (clock.Time(Part.GateCode)) CellStep(t);
            using (clock.Split(Part.Products, Part.GateCode)) Blas.SetBiasPlusProduct(p.Baa, p.Waa, cache.A(t - 1), scratch);
            using (clock.Time(Part.Checks)) Guard.AllFinite(cache.A(t).Data);
            Output(clock, p.Wya, p.By, t);
        }
    }

    /// <inheritdoc/>
    protected override void Backward(PartClock clock)
    {
        var p = model.Parameters;
        using (clock.Time(Part.Copies)) gradients.Clear();
        BackwardStart(clock, p.Waa, work.WaaT, p.Wya, work.WyaT, work.dANext);
        using (clock.Time(Part.Copies)) work.dCNext.Clear();
        for (int t = Case.T; t >= 1; t--)
        {
            Step(clock, t);
        }
        using (clock.Time(Part.Copies)) gradients.dA0.CopyFrom(work.dANext);
        using (clock.Time(Part.Copies)) gradients.dC0?.CopyFrom(work.dCNext);
        int rows = p.Gates * Case.nA, shared = work.SharedGateRows, nA = Case.nA;
        SharedGradients(clock, work.dGxAll, shared, work.dGaAll, rows - shared, work.dZYAll, gradients.dWaa.Data, gradients.dWya, gradients.dBy); // dGa = dGx on the shared rows; the GRU's n rows from dGa
        using (clock.Time(Part.WeightGradients)) Blas.AddRowSums(work.dGxAll, rows, Columns, gradients.dBax);
        using (clock.Time(Part.WeightGradients)) System.Numerics.Tensors.TensorPrimitives.Add(gradients.dBaa.AsSpan(0, shared), gradients.dBax.AsSpan(0, shared), gradients.dBaa.AsSpan(0, shared));
        using (clock.Time(Part.WeightGradients)) Blas.AddRowSums(work.dGaAll, rows - shared, Columns, gradients.dBaa.AsSpan(shared));
    }

    /// <summary>The cell's forward step t (Gru/Lstm.StepForward).</summary>
    private void CellStep(int t)
    {
        var p = model.Parameters;
        if (model.HasCell)
        {
            LstmCell.ForwardUnchecked(p, cache.A(t - 1), cache.C(t - 1), cache.Gates(t), cache.Step(t).Recurrent!, cache.Extra(t), cache.C(t), cache.A(t));
        }
        else
        {
            GruCell.ForwardUnchecked(p, cache.A(t - 1), cache.Gates(t), cache.Step(t).Recurrent!, cache.Extra(t), cache.A(t));
        }
    }

    /// <summary>RecurrentLayer.BackwardStep at time t.</summary>
    private void Step(PartClock clock, int t)
    {
        using (clock.Time(Part.Copies)) work.dA.CopyFrom(work.dANext);
        OutputGradient(clock, work.WyaT, work.dZY, work.dZYAll, work.dA, t);                     // da += Wya^T dz_y
        if (model.HasCell)
        {
            using (clock.Time(Part.GateCode)) LstmCell.GateGradients(cache.C(t - 1), cache.Gates(t), cache.Extra(t), work.dA, work.dCNext, work.dGx);
            using (clock.Time(Part.Copies)) work.dANext.Clear();
        }
        else
        {
            using (clock.Time(Part.GateCode)) GruCell.GateGradients(cache.A(t - 1), cache.Gates(t), cache.Extra(t), work.dA, work.dGx, work.dGa, work.dANext);
        }
        var dGa = model.HasCell ? work.dGx : work.dGa;
        using (clock.Time(Part.Copies)) Blas.CopyToColumnBlock(work.dGx, work.dGxAll, Columns, t - 1);
        if (!model.HasCell)
        {
            using (clock.Time(Part.Copies)) Blas.CopyToColumnBlock(dGa, work.SharedGateRows, work.dGaAll, Columns, t - 1);
        }
        using (clock.Time(Part.WeightGradients)) Blas.ScatterAddColumns(work.dGx, X.Tokens(t), gradients.dWax);
        using (clock.Time(Part.Products)) Blas.MulAdd(work.WaaT, dGa, work.dANext);             // da_next += Waa^T dGa
    }
}
