namespace RnnNotebooks.Book.Tex;

/// <summary>A number (<c>&lt;mn&gt;</c>): digits with at most one decimal point, e.g. <c>1.386</c>.</summary>
/// <param name="Text">The digits.</param>
internal sealed record NumberNode(string Text) : MathNode;
