namespace RnnNotebooks.Book.Tex;

/// <summary>What a <see cref="TexToken"/> is, as TeX's category codes see it in math mode.</summary>
internal enum TexTokenKind
{
    /// <summary>A control sequence: <c>\frac</c>, or a control symbol such as <c>\,</c> or <c>\{</c> (the text without the backslash).</summary>
    Command,

    /// <summary>A letter (an identifier in math mode).</summary>
    Letter,

    /// <summary>A decimal digit.</summary>
    Digit,

    /// <summary>Any other character: operators, punctuation, delimiters.</summary>
    Other,

    /// <summary><c>{</c>.</summary>
    BeginGroup,

    /// <summary><c>}</c>.</summary>
    EndGroup,

    /// <summary><c>^</c>.</summary>
    Superscript,

    /// <summary><c>_</c>.</summary>
    Subscript,

    /// <summary><c>'</c>, a prime.</summary>
    Prime,

    /// <summary><c>&amp;</c>, the alignment tab of environments.</summary>
    Alignment,

    /// <summary><c>~</c>, a non-breaking space.</summary>
    Tie,

    /// <summary>A run of white space (ignored in math mode, kept in text).</summary>
    Space,

    /// <summary>The end of the source.</summary>
    End,
}
