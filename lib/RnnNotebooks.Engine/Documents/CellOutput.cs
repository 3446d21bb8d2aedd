namespace RnnNotebooks.Engine.Documents;

/// <summary>One output of a code cell, as one entry of nbformat's <c>outputs</c> list.</summary>
public abstract record CellOutput;
