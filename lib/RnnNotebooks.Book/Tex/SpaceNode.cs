namespace RnnNotebooks.Book.Tex;

/// <summary>Horizontal space (<c>\,</c> <c>\quad</c> <c>\!</c> ...); TeX does not count it as an atom when it spaces neighbours.</summary>
/// <param name="Em">The width in em; negative to pull neighbours together.</param>
internal sealed record SpaceNode(double Em) : MathNode;
