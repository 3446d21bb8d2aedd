using System.Runtime.CompilerServices;

namespace RnnNotebooks.Engine;

/// <summary>
/// Stops a running cell at its next loop iteration. .NET cannot abort a thread, so the engine makes cells
/// cooperate: <see cref="InterruptibleCode"/> puts a call to <see cref="Check"/> at the top of every loop body in
/// a cell, and <see cref="Request"/> (Jupyter's interrupt, <c>rnnbook</c>'s time limit) makes that call throw.
/// </summary>
/// <remarks>
/// One flag for the process: a kernel process runs one cell at a time. Code outside the cell's own loops
/// (a library call, <c>Thread.Sleep</c>, LINQ) is not checked and runs on until it returns.
/// </remarks>
public static class CellInterrupt
{
    private static volatile bool requested;

    /// <summary>True after <see cref="Request"/>, until <see cref="Reset"/>.</summary>
    public static bool IsRequested => requested;

    /// <summary>Asks the running cell to stop at its next loop iteration.</summary>
    public static void Request() => requested = true;

    /// <summary>Clears a request; called before each cell runs.</summary>
    public static void Reset() => requested = false;

    /// <summary>Throws <see cref="OperationCanceledException"/> when an interrupt was requested; cells call it in every loop.</summary>
    /// <exception cref="OperationCanceledException">An interrupt was requested.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check()
    {
        if (requested)
        {
            Throw();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Throw() => throw new OperationCanceledException("The cell was interrupted.");
}
