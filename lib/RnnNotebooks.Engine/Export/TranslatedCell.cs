namespace RnnNotebooks.Engine.Export;

/// <summary>One code cell, sorted into the places a file-based app wants them.</summary>
/// <param name="Directives"><c>#:package</c> and <c>#:project</c> lines (the top of the file).</param>
/// <param name="Usings"><c>using</c> directives (before any statement).</param>
/// <param name="Statements">The cell's statements, in order, its last expression shown with <c>Show(...)</c>.</param>
/// <param name="Types">Type declarations (after all top-level statements).</param>
internal sealed record TranslatedCell(IReadOnlyList<string> Directives, IReadOnlyList<string> Usings, string Statements, IReadOnlyList<string> Types);
