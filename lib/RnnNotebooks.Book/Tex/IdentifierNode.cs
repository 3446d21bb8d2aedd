namespace RnnNotebooks.Book.Tex;

/// <summary>An identifier (<c>&lt;mi&gt;</c>): a variable, or a word set in one font (<c>\mathbf{W}</c> as 𝐖).</summary>
/// <param name="Text">The characters, already in their Unicode mathematical alphabet.</param>
/// <param name="Upright">True to set a single letter upright (<c>\mathrm{d}</c>, Γ); the browser slants single letters otherwise.</param>
internal sealed record IdentifierNode(string Text, bool Upright = false) : MathNode;
