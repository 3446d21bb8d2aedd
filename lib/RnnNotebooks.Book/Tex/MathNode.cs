namespace RnnNotebooks.Book.Tex;

/// <summary>A node of a parsed formula; <see cref="MathMlWriter"/> turns it into MathML.</summary>
internal abstract record MathNode
{
    /// <summary>How TeX spaces this node against its neighbours.</summary>
    public virtual AtomClass Class => AtomClass.Ord;

    /// <summary>True when sub- and superscripts go below and above (∑, max, \underbrace) rather than beside.</summary>
    public virtual bool TakesLimits => false;
}
