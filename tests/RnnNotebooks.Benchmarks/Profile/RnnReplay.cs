namespace RnnNotebooks.Benchmarks;

/// <summary>The note's RNN (tanh, softmax head), replayed as <see cref="Rnn"/>.Forward, Loss and Backward run it on one-hot x.</summary>
internal sealed class RnnReplay : PassReplay
{
    private readonly Rnn model;
    private readonly RecurrentCache cache;
    private readonly RecurrentGradients gradients;
    private readonly RecurrentWorkspace work;

    /// <summary>The model, a cache and gradients filled by one real pass, and the workspace that pass made.</summary>
    public RnnReplay(BenchCase c)
        : base(c)
    {
        model = Rnn.Create(c.Vocabulary, c.nA, c.Vocabulary, c.Seed);
        cache = model.Forward(X);
        gradients = model.Backward(cache, Y);
        work = cache.Workspace(model.Recurrence, c.Vocabulary, c.nA, c.Vocabulary);
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
        model.Forward(X, null, cache);
        model.Loss(cache, Y);
        model.Backward(cache, Y, null, gradients);
    }

    /// <inheritdoc/>
    protected override void Forward(PartClock clock)
    {
        var p = model.Parameters;
        using (clock.Time(Part.Checks)) p.CheckInputs(X, null);
        using (clock.Time(Part.Checks)) p.CheckFinite();
        using (clock.Time(Part.Copies)) cache.A(0).Clear();
        for (int t = 1; t <= Case.T; t++)
        {
            var a = cache.A(t); // RnnCell.StepUnchecked, one-hot:
            using (clock.Time(Part.Products)) Blas.SetBiasPlusProduct(p.Ba, p.Waa, cache.A(t - 1), a); // a = ba + Waa a<t-1>
            using (clock.Time(Part.Copies)) Blas.AddColumns(p.Wax, X.Tokens(t), a);          //   + Wax x<t>
            using (clock.Time(Part.GateCode)) Activations.Apply(model.G1, a.Data, a.Rows, a.Cols); // a<t> = g1(...)
            using (clock.Time(Part.Checks)) Guard.AllFinite(a.Data);
            Output(clock, p.Wya, p.By, t);
        }
    }

    /// <inheritdoc/>
    protected override void Backward(PartClock clock)
    {
        var p = model.Parameters;
        using (clock.Time(Part.Copies)) gradients.Clear();
        BackwardStart(clock, p.Waa, work.WaaT, p.Wya, work.WyaT, work.dANext);
        for (int t = Case.T; t >= 1; t--)
        {
            Step(clock, t);
        }
        using (clock.Time(Part.Copies)) gradients.dA0.CopyFrom(work.dANext);
        SharedGradients(clock, work.dGxAll, Case.nA, [], 0, work.dZYAll, gradients.dWaa.Data, gradients.dWya, gradients.dBy);
        using (clock.Time(Part.WeightGradients)) Blas.AddRowSums(work.dGxAll, Case.nA, Columns, gradients.dBa);
    }

    /// <summary>Rnn.BackwardStep at time t.</summary>
    private void Step(PartClock clock, int t)
    {
        var da = work.dA;
        using (clock.Time(Part.Copies)) da.CopyFrom(work.dANext);
        OutputGradient(clock, work.WyaT, work.dZY, work.dZYAll, da, t);                          // da += Wya^T dz_y
        using (clock.Time(Part.GateCode)) Activations.MultiplyByDerivative(model.G1, cache.A(t).Data, da.Data); // dz = da ⊙ g1'
        using (clock.Time(Part.Copies)) Blas.CopyToColumnBlock(da, work.dGxAll, Columns, t - 1);
        using (clock.Time(Part.WeightGradients)) Blas.ScatterAddColumns(da, X.Tokens(t), gradients.dWax);
        using (clock.Time(Part.Copies)) work.dANext.Clear();
        using (clock.Time(Part.Products)) Blas.MulAdd(work.WaaT, da, work.dANext);              // da_next = Waa^T dz
    }
}
