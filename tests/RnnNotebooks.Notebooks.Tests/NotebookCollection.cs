namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// Tests that run notebooks in this process share process-wide state (formatters, console capture, the working
/// directory), so they run one at a time and never beside another collection; they share one <see cref="CourseRun"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection : ICollectionFixture<CourseRun>
{
    public const string Name = "Notebooks";
}
