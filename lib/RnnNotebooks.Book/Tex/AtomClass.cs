namespace RnnNotebooks.Book.Tex;

/// <summary>
/// TeX's atom classes (The TeXbook, chapter 17), which decide the spacing between neighbours, plus
/// <see cref="Function"/>: a named operator such as log or max, which MathML writes as text and so gets no
/// operator spacing from the browser.
/// </summary>
internal enum AtomClass
{
    /// <summary>An ordinary symbol: a variable, a number, a group.</summary>
    Ord,

    /// <summary>A large operator drawn as a symbol: ∑, ∏, ∫.</summary>
    Op,

    /// <summary>A binary operator: + − · × ⊙.</summary>
    Bin,

    /// <summary>A relation: = &lt; ≤ ∈ →.</summary>
    Rel,

    /// <summary>An opening delimiter: ( [ ⟨.</summary>
    Open,

    /// <summary>A closing delimiter: ) ] ⟩.</summary>
    Close,

    /// <summary>Punctuation: , ;.</summary>
    Punct,

    /// <summary>A fraction or a <c>\left...\right</c> group.</summary>
    Inner,

    /// <summary>A named operator (log, tanh, max, \operatorname{softmax}).</summary>
    Function,
}
