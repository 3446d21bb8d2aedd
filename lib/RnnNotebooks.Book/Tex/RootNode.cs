namespace RnnNotebooks.Book.Tex;

/// <summary>A square root (<c>&lt;msqrt&gt;</c>) or an n-th root (<c>&lt;mroot&gt;</c>).</summary>
/// <param name="Radicand">Under the radical sign.</param>
/// <param name="Index">The n of <c>\sqrt[n]{x}</c>, or null for a square root.</param>
internal sealed record RootNode(MathNode Radicand, MathNode? Index) : MathNode;
