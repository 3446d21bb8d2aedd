namespace RnnNotebooks.Book.Tex;

/// <summary>Content in another style (<c>&lt;mstyle&gt;</c>): <c>\color</c>, <c>\displaystyle</c>, <c>\textstyle</c>.</summary>
/// <param name="Content">What the style applies to.</param>
internal sealed record StyleNode(MathNode Content) : MathNode
{
    /// <summary>A CSS colour (a name or <c>#rgb</c>/<c>#rrggbb</c>), or null.</summary>
    public string? Color { get; init; }

    /// <summary>True for <c>\displaystyle</c>, false for <c>\textstyle</c>, null to leave the style alone.</summary>
    public bool? DisplayStyle { get; init; }
}
