namespace RnnNotebooks.Book.Tex;

/// <summary>A fraction (<c>&lt;mfrac&gt;</c>): <c>\frac</c>, <c>\dfrac</c>, <c>\tfrac</c>, or the inside of <c>\binom</c>.</summary>
/// <param name="Numerator">Above the bar.</param>
/// <param name="Denominator">Below the bar.</param>
internal sealed record FractionNode(MathNode Numerator, MathNode Denominator) : MathNode
{
    /// <summary>True with no bar (<c>\binom</c>).</summary>
    public bool NoBar { get; init; }

    /// <summary>True for <c>\dfrac</c>, false for <c>\tfrac</c>, null to follow the surrounding style.</summary>
    public bool? DisplayStyle { get; init; }

    /// <inheritdoc />
    public override AtomClass Class => AtomClass.Inner;
}
