namespace RnnNotebooks.Engine;

/// <summary>Told as a run goes, e.g. to draw a progress display. Every method has a do-nothing default.</summary>
public interface IRunObserver
{
    /// <summary>The notebook at <paramref name="path"/> starts; it has <paramref name="codeCells"/> code cells.</summary>
    void NotebookStarted(string path, int codeCells) { }

    /// <summary>Code cell <paramref name="codeCellNumber"/> (1-based) starts; its first line is <paramref name="firstLine"/>.</summary>
    void CellStarted(string path, int codeCellNumber, string firstLine) { }

    /// <summary>The notebook finished, successfully or not.</summary>
    void NotebookFinished(NotebookRun run) { }
}
