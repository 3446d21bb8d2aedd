namespace RnnNotebooks.Book.Tex;

/// <summary>The alphabet letters and digits are set in: TeX's math fonts, as Unicode's mathematical alphanumeric symbols.</summary>
internal enum MathFont
{
    /// <summary>TeX's default for letters (<c>x</c>, <c>\mathnormal</c>): one italic variable per letter, left to the browser to slant.</summary>
    Normal,

    /// <summary><c>\mathit</c>: an italic word.</summary>
    Italic,

    /// <summary><c>\mathrm</c>: upright.</summary>
    Roman,

    /// <summary><c>\mathbf</c>: bold upright.</summary>
    Bold,

    /// <summary><c>\boldsymbol</c>, <c>\bm</c>: bold italic.</summary>
    BoldItalic,

    /// <summary><c>\mathbb</c>: double-struck (ℝ).</summary>
    DoubleStruck,

    /// <summary><c>\mathcal</c>, <c>\mathscr</c>: script (ℒ).</summary>
    Script,

    /// <summary><c>\mathfrak</c>: fraktur.</summary>
    Fraktur,

    /// <summary><c>\mathsf</c>: sans-serif.</summary>
    SansSerif,

    /// <summary><c>\mathtt</c>: monospace.</summary>
    Monospace,
}
