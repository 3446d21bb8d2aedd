namespace RnnNotebooks.Book.Tex;

/// <summary>How a <see cref="TableNode"/> aligns its columns.</summary>
internal enum TableKind
{
    /// <summary>Matrices: every column centred, text style.</summary>
    Matrix,

    /// <summary><c>aligned</c>, <c>align*</c>, <c>split</c>: columns alternate right and left, display style.</summary>
    Aligned,

    /// <summary><c>cases</c>: columns left-aligned with a quad before the conditions, text style.</summary>
    Cases,

    /// <summary><c>gathered</c>, <c>gather*</c>: one centred column, display style.</summary>
    Gathered,
}
