namespace RnnNotebooks.Engine.Documents;

/// <summary>The kind of a notebook cell, as nbformat's <c>cell_type</c>.</summary>
public enum CellKind
{
    /// <summary>A C# code cell the engine executes.</summary>
    Code,

    /// <summary>A markdown cell: prose and equations, rendered, never executed.</summary>
    Markdown,

    /// <summary>A raw cell: passed through unchanged.</summary>
    Raw,
}
