namespace RnnNotebooks.Engine.Documents;

/// <summary>An .ipynb file that is not a valid nbformat 4 notebook; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException : Exception
{
    /// <summary>An error about <paramref name="path"/>: <paramref name="problem"/>.</summary>
    public NotebookFormatException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }
}
