namespace RnnNotebooks.Engine.Tests;

/// <summary>
/// Tests that run kernels share process-wide state (formatters, console capture, the working directory),
/// so they run one at a time and never beside another collection.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "Notebooks";
}
