namespace RnnNotebooks.Book.Tex;

/// <summary>
/// <c>\overline{...}</c>: a rule over the base, drawn as a CSS top border, since math fonts seldom give the
/// overline character (U+203E) the wide variants a stretchy accent needs.
/// </summary>
/// <param name="Base">What the line goes over.</param>
internal sealed record OverlineNode(MathNode Base) : MathNode;
