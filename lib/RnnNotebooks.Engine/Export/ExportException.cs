namespace RnnNotebooks.Engine.Export;

/// <summary>A notebook cell that has no file-based-app equivalent, e.g. a <c>#r</c> of a dll no project in lib/ builds.</summary>
/// <param name="message">The notebook, the cell and the problem.</param>
public sealed class ExportException(string message) : Exception(message);
