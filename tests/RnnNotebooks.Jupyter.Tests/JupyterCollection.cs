namespace RnnNotebooks.Jupyter.Tests;

/// <summary>Tests that start Jupyter and kernel processes: one at a time, alone, so two cores are enough for their time limits.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class JupyterCollection
{
    public const string Name = "Jupyter";
}
