namespace RnnNotebooks.Book;

/// <summary>What <see cref="BookRenderer"/>.Render wrote.</summary>
/// <param name="Index">The path of the book's <c>index.html</c>.</param>
/// <param name="MathErrors">The formulas it could not draw (each shows as an error in its page), in page order.</param>
public sealed record RenderedBook(string Index, IReadOnlyList<MathError> MathErrors);
