namespace RnnNotebooks.Book.Tex;

/// <summary>A mark above or below a base: accents (<c>\hat</c>, <c>\bar</c>, <c>\vec</c>), lines and braces (<c>\overline</c>, <c>\underbrace</c>).</summary>
/// <param name="Base">What the mark goes on.</param>
/// <param name="Mark">The mark's character, e.g. <c>^</c> or <c>⏟</c>.</param>
/// <param name="Under">True below the base, false above.</param>
/// <param name="Stretchy">True when the mark spans the base (<c>\widehat</c>, <c>\overline</c>, braces).</param>
internal sealed record AccentNode(MathNode Base, string Mark, bool Under, bool Stretchy) : MathNode
{
    /// <summary>True for <c>\underbrace</c>/<c>\overbrace</c>: not an accent, and its script is a label set below/above.</summary>
    public bool Brace { get; init; }

    /// <inheritdoc />
    public override bool TakesLimits => Brace;
}
