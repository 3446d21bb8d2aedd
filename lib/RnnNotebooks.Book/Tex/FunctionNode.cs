namespace RnnNotebooks.Book.Tex;

/// <summary>A named operator set upright: <c>\log</c>, <c>\tanh</c>, <c>\max</c>, <c>\operatorname{softmax}</c>.</summary>
/// <param name="Name">The name as shown, e.g. <c>log</c>.</param>
/// <param name="Limits">True for operators whose scripts go below in display style (max, min, lim, \operatorname*).</param>
internal sealed record FunctionNode(string Name, bool Limits) : MathNode
{
    /// <inheritdoc />
    public override AtomClass Class => AtomClass.Function;

    /// <summary>True after <c>\limits</c>: the scripts go below and above in text style too.</summary>
    public bool FixedLimits { get; init; }

    /// <inheritdoc />
    public override bool TakesLimits => Limits || FixedLimits;
}
