namespace RnnNotebooks.Book.Tex;

/// <summary>The result of converting one formula: its HTML, and the error when it could not be converted.</summary>
/// <param name="Html">A <c>&lt;math&gt;</c> element, or, on error, a visible <c>.math-error</c> span showing the TeX and the reason.</param>
/// <param name="Error">Why the formula could not be converted; null when it was.</param>
internal sealed record TexConversion(string Html, TexError? Error);
