namespace RnnNotebooks.Book.Tex;

/// <summary>An operator, relation, delimiter or punctuation mark (<c>&lt;mo&gt;</c>).</summary>
/// <param name="Text">The character(s), e.g. <c>=</c>, <c>∑</c>, <c>⟨</c>.</param>
/// <param name="Kind">Its TeX class.</param>
internal sealed record OperatorNode(string Text, AtomClass Kind) : MathNode
{
    /// <inheritdoc />
    public override AtomClass Class => Kind;

    /// <summary>True: grows to its content (<c>\left(</c>); false: keeps its size (a plain <c>(</c>); null: the browser's default.</summary>
    public bool? Stretchy { get; init; }

    /// <summary>"prefix" or "postfix" for <c>\left</c> and <c>\right</c> delimiters; null otherwise.</summary>
    public string? Form { get; init; }

    /// <summary>A big operator (∑, ∫) drawn larger in display style.</summary>
    public bool LargeOp { get; init; }

    /// <summary>Limits go below and above in display style, beside in text style (∑, ∏).</summary>
    public bool MovableLimits { get; init; }

    /// <summary>The fixed height of a <c>\big</c>-family delimiter, e.g. <c>1.2em</c>; null when not fixed.</summary>
    public string? Size { get; init; }

    /// <inheritdoc />
    public override bool TakesLimits => MovableLimits;
}
